import { z } from "zod";
import { ZFollowUpPolicyPatch } from "../../followup";

export const ZUpdatePolicyInput = ZFollowUpPolicyPatch;
export type TUpdatePolicyInput = z.infer<typeof ZUpdatePolicyInput>;

export const ZUpdateBrandingInput = z.object({
  name: z.string().trim().min(2, { error: "Give the practice a name." }).max(120, { error: "Use at most 120 characters." }),
  brandColor: z
    .string()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, { error: "Use a colour like #0f766e (a # and six hex digits)." })
    .transform((value) => value.toLowerCase()),
  logoUrl: z
    .string()
    .trim()
    .max(2000, { error: "That address is too long." })
    .refine((value) => value === "" || isHttpsUrl(value), { error: "Use an https:// address for the logo, or leave it empty." })
    .transform((value) => (value === "" ? null : value))
    .nullable()
    .optional(),
});
export type TUpdateBrandingInput = z.infer<typeof ZUpdateBrandingInput>;

function isHttpsUrl(value: string) {
  try {
    const url = new URL(value);
    return url.protocol === "https:" && Boolean(url.hostname);
  } catch {
    return false;
  }
}
