import { z } from "zod";
import { ZOptionalUrl } from "../applications/schemas";

export const MAX_CHALLENGES = 20;
export const MAX_RESEARCH_NOTES = 20_000;

export const ZUpdateCompanyInput = z.object({
  companyId: z.uuid("That company id is not valid."),
  name: z.string().trim().min(1, "Name the company.").max(200, "Use at most 200 characters.").optional(),
  website: ZOptionalUrl.optional(),
  researchNotes: z.string().max(MAX_RESEARCH_NOTES, "Keep research notes under 20,000 characters.").optional(),
  challenges: z
    .array(z.string().trim().min(1, "Remove empty challenges.").max(300, "Keep each challenge under 300 characters."))
    .max(MAX_CHALLENGES, `List at most ${MAX_CHALLENGES} challenges.`)
    .optional(),
});
export type TUpdateCompanyInput = z.infer<typeof ZUpdateCompanyInput>;
