import { z } from "zod";

export const ZArchiveClientInput = z.object({ clientId: z.uuid() });
export const ZDeleteClientInput = z.object({
  clientId: z.uuid(),
  /** The client's email address, typed by the owner: a deletion cannot happen by a stray click. */
  confirmation: z.string().trim().min(1, { error: "Type the client's email address to confirm." }).max(254, { error: "That is longer than any email address." }),
});
export type TDeleteClientInput = z.infer<typeof ZDeleteClientInput>;
