import { z } from "zod";
import { applicationStatus } from "@/db/schema/pipeline";
import { parseLooseDate, type DateOrder } from "./dates";

/** The application fields a CSV column can be mapped to, in the order a preview shows them. */
export const APPLICATION_FIELDS = ["company", "roleTitle", "jobUrl", "source", "status", "appliedOn", "notes"] as const;
export type ApplicationField = (typeof APPLICATION_FIELDS)[number];
export type ApplicationStatus = (typeof applicationStatus.enumValues)[number];

/** Field → 0-based column index. Index-based, so two columns with the same header stay distinct. */
export const ZColumnMapping = z.partialRecord(z.enum(APPLICATION_FIELDS), z.number().int().min(0));
export type ColumnMapping = z.infer<typeof ZColumnMapping>;

export const ZDateOrder = z.enum(["DMY", "MDY"]);

/** How a field is named in messages, matching the words a user sees in the preview. */
export const FIELD_LABELS: Record<ApplicationField, string> = {
  company: "Company",
  roleTitle: "Role",
  jobUrl: "Job link",
  source: "Source",
  status: "Status",
  appliedOn: "Date applied",
  notes: "Notes",
};

export const LIMITS = { company: 200, roleTitle: 200, source: 200, jobUrl: 2000, notes: 5000 } as const;

/** Words people use for each status in their own trackers (compared lowercased, spaces collapsed). */
const STATUS_SYNONYMS: Record<ApplicationStatus, readonly string[]> = {
  saved: ["saved", "save", "wishlist", "wish list", "bookmarked", "interested", "to apply", "not applied", "draft"],
  applied: ["applied", "apply", "submitted", "application sent", "sent", "applied online"],
  interviewing: [
    "interviewing",
    "interview",
    "interviews",
    "interviewed",
    "in interview",
    "in progress",
    "screening",
    "phone screen",
  ],
  offer: ["offer", "offered", "offer received", "got offer"],
  accepted: ["accepted", "accept", "hired", "offer accepted", "signed"],
  rejected: ["rejected", "rejection", "declined", "not selected", "turned down", "unsuccessful"],
  withdrawn: ["withdrawn", "withdrew", "withdraw", "retracted"],
};

const STATUS_BY_WORD = new Map<string, ApplicationStatus>(
  Object.entries(STATUS_SYNONYMS).flatMap(([status, words]) =>
    words.map((w) => [w, status as ApplicationStatus] as const),
  ),
);

export function statusFromText(value: string): ApplicationStatus | undefined {
  return STATUS_BY_WORD.get(
    value
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim(),
  );
}

const STATUS_LIST = applicationStatus.enumValues.join(", ");

/** "Company is longer than 200 characters (it has 245)." — plural labels read "Notes are … (they have …)". */
function tooLong(label: string, max: number, plural = false) {
  const [verb, has] = plural ? ["are", "they have"] : ["is", "it has"];
  const count = (n: number) => n.toLocaleString("en-GB");
  return (issue: { input: unknown }) =>
    `${label} ${verb} longer than ${count(max)} characters (${has} ${count(String(issue.input).length)}).`;
}

function requiredText(field: ApplicationField, max: number) {
  const label = FIELD_LABELS[field];
  return z
    .string()
    .min(1, { error: `${label} is missing.` })
    .max(max, { error: tooLong(label, max) });
}

function optionalText(field: ApplicationField, max: number) {
  return z
    .string()
    .max(max, { error: tooLong(FIELD_LABELS[field], max) })
    .transform((value) => value || null);
}

/** Scheme-less links ("www.acme.com/jobs/1") are common in trackers; we assume https for them. */
function withScheme(value: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`;
}

function isWebAddress(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  // Only http(s): a javascript: or data: link would become a live link in the app.
  return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".");
}

const jobUrl = z.string().transform((value, ctx) => {
  if (value === "") return null;
  const url = withScheme(value);
  if (url.length > LIMITS.jobUrl || !isWebAddress(url)) {
    ctx.addIssue({ code: "custom", message: `Job link "${shorten(value)}" is not a valid web address.` });
    return z.NEVER;
  }
  return url;
});

const status = z.string().transform((value, ctx) => {
  if (value === "") return null;
  const known = statusFromText(value);
  if (!known) {
    ctx.addIssue({
      code: "custom",
      message: `Status "${shorten(value)}" is not one we know. Use one of: ${STATUS_LIST}.`,
    });
    return z.NEVER;
  }
  return known;
});

function appliedOn(order: DateOrder) {
  const shape = order === "DMY" ? "day/month/year" : "month/day/year";
  return z.string().transform((value, ctx) => {
    if (value === "") return null;
    const date = parseLooseDate(value, order);
    if (!date) {
      ctx.addIssue({
        code: "custom",
        message: `Date applied "${shorten(value)}" is not a date we can read. Use YYYY-MM-DD (e.g. 2026-03-14) or ${shape}.`,
      });
      return z.NEVER;
    }
    return date;
  });
}

/**
 * One imported row, from the cleaned cell text ("" for an empty or unmapped cell) to values ready
 * to insert. A missing status becomes "applied" when there is an applied date, else "saved".
 */
export function importedRowSchema(order: DateOrder) {
  return z
    .object({
      company: requiredText("company", LIMITS.company),
      roleTitle: requiredText("roleTitle", LIMITS.roleTitle),
      jobUrl,
      source: optionalText("source", LIMITS.source),
      status,
      appliedOn: appliedOn(order),
      notes: z.string().max(LIMITS.notes, { error: tooLong(FIELD_LABELS.notes, LIMITS.notes, true) }),
    })
    .transform((row) => ({ ...row, status: row.status ?? defaultStatus(row.appliedOn) }));
}

function defaultStatus(appliedOn: string | null): ApplicationStatus {
  return appliedOn ? "applied" : "saved";
}

export type ImportedRow = z.output<ReturnType<typeof importedRowSchema>>;

/** Echoes of user input in messages stay short. */
function shorten(value: string): string {
  const chars = [...value];
  return chars.length > 40 ? `${chars.slice(0, 39).join("")}…` : value;
}
