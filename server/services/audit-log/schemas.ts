import { z } from "zod";

export const ZListAuditInput = z.object({
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100, { error: "Show at most 100 entries a page." }).default(25),
});
export type TListAuditInput = z.input<typeof ZListAuditInput>;
