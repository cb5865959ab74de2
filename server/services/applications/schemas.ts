import { z } from "zod";
import { APPLICATION_SORTS, APPLICATION_STATUSES } from "./status";
import { EXCITEMENT_MAX, EXCITEMENT_MIN, isCurrencyCode, JOB_TYPES, MAX_TAG_LENGTH, MAX_TAGS, WORKPLACE_TYPES } from "./values";

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

const ZOptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max.toLocaleString("en-GB")} characters.`)
    .transform((value) => value || null);
/** A calendar day, "2026-03-14"; blank means none. */
const ZOptionalDay = z
  .string()
  .trim()
  .transform((value) => value || null)
  .pipe(z.iso.date("Enter a date like 2026-03-14.").nullable());
const ZAmount = z.number("Enter a number.").int("Enter a whole amount.").min(0, "Enter an amount of 0 or more.").max(2_000_000_000, "That amount is too large.").nullable();

/** The fields people expect on an application beyond company and role; every one may be left out. */
const ZApplicationDetails = z.object({
  location: ZOptionalText(200).optional(),
  workplaceType: z.enum(WORKPLACE_TYPES, "Choose on-site, hybrid or remote.").nullable().optional(),
  jobType: z.enum(JOB_TYPES, "Choose a job type from the list.").nullable().optional(),
  salaryMin: ZAmount.optional(),
  salaryMax: ZAmount.optional(),
  salaryCurrency: z
    .string()
    .trim()
    .toUpperCase()
    .transform((value) => value || null)
    .refine((value) => value === null || isCurrencyCode(value), "Use a currency code such as USD, EUR or GBP.")
    .optional(),
  deadlineOn: ZOptionalDay.optional(),
  excitement: z.number().int().min(EXCITEMENT_MIN, "Choose 1 to 5.").max(EXCITEMENT_MAX, "Choose 1 to 5.").nullable().optional(),
  tags: z
    .array(
      z
        .string()
        .trim()
        .min(1, "A tag cannot be empty.")
        .max(MAX_TAG_LENGTH, `Keep each tag under ${MAX_TAG_LENGTH} characters.`)
        // Tags travel as "a; b" in CSV exports, so these separators cannot be part of one.
        .refine((tag) => !/[,;|\n]/.test(tag), "A tag cannot contain a comma or a semicolon."),
    )
    .max(MAX_TAGS, `Use at most ${MAX_TAGS} tags.`)
    .transform((tags) => [...new Map(tags.map((t) => [t.toLowerCase(), t])).values()])
    .optional(),
  savedOn: ZOptionalDay.optional(),
  appliedOn: ZOptionalDay.optional(),
  postingSnapshot: ZOptionalText(100_000).optional(),
});

const salaryInOrder = (value: { salaryMin?: number | null; salaryMax?: number | null }) =>
  value.salaryMin == null || value.salaryMax == null || value.salaryMin <= value.salaryMax;
const SALARY_ORDER = { message: "The upper end is below the lower end.", path: ["salaryMax"] };

export const ZApplicationIdInput = z.object({ applicationId: z.uuid("That application id is not valid.") });
export type TApplicationIdInput = z.infer<typeof ZApplicationIdInput>;

export const ZListApplicationsInput = z.object({
  status: z.array(ZApplicationStatus).max(APPLICATION_STATUSES.length).optional(),
  workplaceType: z.array(z.enum(WORKPLACE_TYPES)).max(WORKPLACE_TYPES.length).optional(),
  jobType: z.array(z.enum(JOB_TYPES)).max(JOB_TYPES.length).optional(),
  tag: z.string().trim().max(MAX_TAG_LENGTH).optional(),
  minExcitement: z.number().int().min(EXCITEMENT_MIN).max(EXCITEMENT_MAX).optional(),
  search: z.string().trim().max(200, "Use at most 200 characters.").optional(),
  includeArchived: z.boolean().default(false),
  sort: z.enum(APPLICATION_SORTS).default("updated"),
  direction: z.enum(["asc", "desc"]).default("desc"),
});
export type TListApplicationsInput = z.infer<typeof ZListApplicationsInput>;

export const ZCreateApplicationInput = ZApplicationDetails.extend({
  companyName: z.string().trim().min(1, "Name the company.").max(200, "Use at most 200 characters."),
  roleTitle: ZRoleTitle,
  jobUrl: ZOptionalUrl.optional(),
  source: ZSource.optional(),
  status: ZApplicationStatus.default("saved"),
  notes: ZNotes.default(""),
}).refine(salaryInOrder, SALARY_ORDER);
export type TCreateApplicationInput = z.infer<typeof ZCreateApplicationInput>;

export const ZUpdateApplicationInput = ZApplicationIdInput.extend({
  ...ZApplicationDetails.shape,
  roleTitle: ZRoleTitle.optional(),
  jobUrl: ZOptionalUrl.optional(),
  source: ZSource.optional(),
  notes: ZNotes.optional(),
}).refine(salaryInOrder, SALARY_ORDER);
export type TUpdateApplicationInput = z.infer<typeof ZUpdateApplicationInput>;

export const ZChangeApplicationStatusInput = ZApplicationIdInput.extend({ status: ZApplicationStatus });
export type TChangeApplicationStatusInput = z.infer<typeof ZChangeApplicationStatusInput>;
