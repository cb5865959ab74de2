import { z } from "zod";
import { APPLICATION_SORTS, APPLICATION_STATUSES } from "./status";

export const ZApplicationStatus = z.enum(APPLICATION_STATUSES, "Choose a status from the list.");

/** Blank means "none"; anything else must be a web address people can open. */
export const ZOptionalUrl = z
  .string()
  .trim()
  .max(2000, "Use at most 2,000 characters.")
  .transform((value) => value || null)
  .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: "Enter a full web address starting with https://." }).nullable());

const ZRoleTitle = z.string().trim().min(1, "Name the role.").max(200, "Use at most 200 characters.");
const ZSource = z
  .string()
  .trim()
  .max(200, "Use at most 200 characters.")
  .transform((value) => value || null);
const ZNotes = z.string().trim().max(10_000, "Use at most 10,000 characters.");

export const ZApplicationIdInput = z.object({ applicationId: z.uuid("That application id is not valid.") });
export type TApplicationIdInput = z.infer<typeof ZApplicationIdInput>;

export const ZListApplicationsInput = z.object({
  status: z.array(ZApplicationStatus).max(APPLICATION_STATUSES.length).optional(),
  search: z.string().trim().max(200, "Use at most 200 characters.").optional(),
  includeArchived: z.boolean().default(false),
  sort: z.enum(APPLICATION_SORTS).default("updated"),
  direction: z.enum(["asc", "desc"]).default("desc"),
});
export type TListApplicationsInput = z.infer<typeof ZListApplicationsInput>;

export const ZCreateApplicationInput = z.object({
  companyName: z.string().trim().min(1, "Name the company.").max(200, "Use at most 200 characters."),
  roleTitle: ZRoleTitle,
  jobUrl: ZOptionalUrl.optional(),
  source: ZSource.optional(),
  status: ZApplicationStatus.default("saved"),
  notes: ZNotes.default(""),
});
export type TCreateApplicationInput = z.infer<typeof ZCreateApplicationInput>;

export const ZUpdateApplicationInput = ZApplicationIdInput.extend({
  roleTitle: ZRoleTitle.optional(),
  jobUrl: ZOptionalUrl.optional(),
  source: ZSource.optional(),
  notes: ZNotes.optional(),
});
export type TUpdateApplicationInput = z.infer<typeof ZUpdateApplicationInput>;

export const ZChangeApplicationStatusInput = ZApplicationIdInput.extend({ status: ZApplicationStatus });
export type TChangeApplicationStatusInput = z.infer<typeof ZChangeApplicationStatusInput>;
