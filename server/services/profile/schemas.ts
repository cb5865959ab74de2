import { z } from "zod";
import { PLANNED_KINDS } from "../../followup";
import { ZTimeZone, optionalText } from "../interviews/schemas";

/** One switch per reminder kind of the playbook; kinds left out keep their setting. */
export const ZReminderPreferences = z
  .object(Object.fromEntries(PLANNED_KINDS.map((kind) => [kind, z.boolean().optional()])) as Record<(typeof PLANNED_KINDS)[number], z.ZodOptional<z.ZodBoolean>>)
  .strict();

export const ZUpdateProfileInput = z.object({
  name: z.string().trim().min(1, "Give your name.").max(120, "Use at most 120 characters.").optional(),
  timeZone: ZTimeZone.optional(),
  headline: optionalText(200).optional(),
  accomplishments: z
    .array(z.string().trim().max(300, "Keep each accomplishment under 300 characters."))
    .max(3, "Keep your three strongest accomplishments.")
    // Empty boxes in the form are not accomplishments.
    .transform((items) => items.filter((item) => item !== ""))
    .optional(),
  reminderPreferences: ZReminderPreferences.optional(),
});
export type TUpdateProfileInput = z.infer<typeof ZUpdateProfileInput>;
