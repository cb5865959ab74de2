import { z } from "zod";
import { SWITCHABLE_KINDS } from "../../followup";
import { ZTimeZone, optionalText } from "../interviews/schemas";

const ALL_SWITCHABLE = [...new Set(Object.values(SWITCHABLE_KINDS).flat())];

/** One switch per kind of email a person can turn off; kinds left out keep their setting. */
export const ZReminderPreferences = z
  .object(Object.fromEntries(ALL_SWITCHABLE.map((kind) => [kind, z.boolean().optional()])) as Record<(typeof ALL_SWITCHABLE)[number], z.ZodOptional<z.ZodBoolean>>)
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
  /** The register drafts are written in. */
  draftTone: z.enum(["warm", "formal"], { error: "Choose warm or formal." }).optional(),
});
export type TUpdateProfileInput = z.infer<typeof ZUpdateProfileInput>;
