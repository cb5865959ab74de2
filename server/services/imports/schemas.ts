import { z } from "zod";
import { APPLICATION_STATUSES, type ApplicationStatus } from "../applications/status";
import {
  EXCITEMENT_MAX,
  EXCITEMENT_MIN,
  excitementFrom,
  folded,
  isCurrencyCode,
  jobTypeFrom,
  salaryFrom,
  tagsFrom,
  workplaceTypeFrom,
  type JobType,
  type WorkplaceType,
} from "../applications/values";
import { parseLooseDate, type DateOrder } from "./dates";

export type { ApplicationStatus };

/** The application fields a CSV column can be mapped to, in the order a preview shows them. */
export const APPLICATION_FIELDS = [
  "company",
  "roleTitle",
  "status",
  "appliedOn",
  "savedOn",
  "jobUrl",
  "source",
  "location",
  "workplaceType",
  "jobType",
  "salary",
  "salaryMin",
  "salaryMax",
  "salaryCurrency",
  "deadlineOn",
  "excitement",
  "tags",
  "archived",
  "notes",
  "postingSnapshot",
] as const;
export type ApplicationField = (typeof APPLICATION_FIELDS)[number];

/** Field → 0-based column index. Index-based, so two columns with the same header stay distinct. */
export const ZColumnMapping = z.partialRecord(z.enum(APPLICATION_FIELDS), z.number().int().min(0).max(500));
export type ColumnMapping = z.infer<typeof ZColumnMapping>;

export const ZDateOrder = z.enum(["DMY", "MDY"]);

/** What a source status becomes: one of ours, or "archive" (out of the active views, outcome unknown). */
export const STATUS_TARGETS = [...APPLICATION_STATUSES, "archive"] as const;
export type StatusTarget = (typeof STATUS_TARGETS)[number];
export const ZStatusTarget = z.enum(STATUS_TARGETS, "Choose a status from the list.");

/** How a field is named in messages, matching the words a user sees in the preview. */
export const FIELD_LABELS: Record<ApplicationField, string> = {
  company: "Company",
  roleTitle: "Role",
  status: "Status",
  appliedOn: "Date applied",
  savedOn: "Date saved",
  jobUrl: "Job link",
  source: "Source",
  location: "Location",
  workplaceType: "Workplace",
  jobType: "Job type",
  salary: "Salary (text)",
  salaryMin: "Salary from",
  salaryMax: "Salary to",
  salaryCurrency: "Currency",
  deadlineOn: "Deadline",
  excitement: "Excitement (1–5)",
  tags: "Tags",
  archived: "Archived",
  notes: "Notes",
  postingSnapshot: "Posting text",
};

export const REQUIRED_FIELDS = ["company", "roleTitle"] as const satisfies readonly ApplicationField[];

export const LIMITS = { company: 200, roleTitle: 200, source: 200, location: 200, jobUrl: 2000, notes: 10_000, postingSnapshot: 100_000 } as const;

/** Words people use for each status in their own trackers (compared folded). */
const STATUS_SYNONYMS: Record<StatusTarget, readonly string[]> = {
  saved: ["saved", "save", "wishlist", "wish list", "bookmarked", "interested", "to apply", "not applied", "draft", "applying", "prospect"],
  applied: ["applied", "apply", "submitted", "application sent", "sent", "applied online"],
  interviewing: ["interviewing", "interview", "interviews", "interviewed", "in interview", "in progress", "screening", "phone screen"],
  offer: ["offer", "offered", "offer received", "got offer", "negotiating", "negotiation"],
  accepted: ["accepted", "accept", "hired", "offer accepted", "signed"],
  rejected: ["rejected", "rejection", "declined", "not selected", "turned down", "unsuccessful"],
  withdrawn: ["withdrawn", "withdrew", "withdraw", "retracted", "i withdrew"],
  archive: ["archived", "archive", "no response", "ghosted", "closed"],
};

const STATUS_BY_WORD = new Map<string, StatusTarget>(
  Object.entries(STATUS_SYNONYMS).flatMap(([status, words]) => words.map((w) => [w, status as StatusTarget] as const)),
);

export function statusFromText(value: string): StatusTarget | undefined {
  return STATUS_BY_WORD.get(folded(value));
}

// --- Reading one row -------------------------------------------------------------------------

/** Problem kinds, so the preview can group "9 rows: 'N/A' is not a date" instead of 9 lines. */
export type ProblemKind = "missing" | "too_long" | "bad_date" | "bad_url" | "unknown_status" | "bad_value" | "unreadable";

export type CellProblem = { kind: ProblemKind; field: ApplicationField; value: string; message: string };

export type ReadContext = {
  dateOrder: DateOrder;
  /** Folded source status → target; consulted before the built-in words. */
  statusMap: ReadonlyMap<string, StatusTarget>;
};

export type ImportedRow = {
  company: string;
  roleTitle: string;
  status: ApplicationStatus;
  archived: boolean;
  appliedOn: string | null;
  savedOn: string | null;
  jobUrl: string | null;
  source: string | null;
  location: string | null;
  workplaceType: WorkplaceType | null;
  jobType: JobType | null;
  salaryMin: number | null;
  salaryMax: number | null;
  salaryCurrency: string | null;
  deadlineOn: string | null;
  excitement: number | null;
  tags: string[];
  notes: string;
  postingSnapshot: string | null;
};

/** Cleaned cell text per field ("" when empty, unmapped, or one of the file's empty values). */
export type RowValues = Record<ApplicationField, string>;

/**
 * One row from cleaned cell text to values ready to insert, or the problems that stop it. A missing
 * status becomes "applied" when there is an applied date, else "saved".
 */
export function readRow(values: RowValues, context: ReadContext): { row: ImportedRow | null; problems: CellProblem[] } {
  const problems: CellProblem[] = [];
  const problem = (kind: ProblemKind, field: ApplicationField, message: string) => problems.push({ kind, field, value: values[field], message });

  const text = (field: ApplicationField, max: number, required = false): string => {
    const value = values[field];
    if (required && value === "") problem("missing", field, `${FIELD_LABELS[field]} is missing.`);
    if ([...value].length > max) problem("too_long", field, `${FIELD_LABELS[field]} is longer than ${max.toLocaleString("en-GB")} characters.`);
    return value;
  };
  const date = (field: ApplicationField): string | null => {
    const value = values[field];
    if (value === "") return null;
    const parsed = parseLooseDate(value, context.dateOrder);
    if (!parsed) problem("bad_date", field, `"${shorten(value)}" is not a date we can read in ${FIELD_LABELS[field]}.`);
    return parsed;
  };
  const choice = <T>(field: ApplicationField, read: (value: string) => T | undefined, expected: string): T | null => {
    const value = values[field];
    if (value === "") return null;
    const parsed = read(value);
    if (parsed === undefined) problem("bad_value", field, `"${shorten(value)}" is not a ${FIELD_LABELS[field].toLowerCase()} we know (${expected}).`);
    return parsed ?? null;
  };
  const amount = (field: ApplicationField): number | null => {
    const value = values[field];
    if (value === "") return null;
    const range = salaryFrom(value);
    if (!range) problem("bad_value", field, `"${shorten(value)}" is not an amount in ${FIELD_LABELS[field]}.`);
    return range?.min ?? null;
  };

  const company = text("company", LIMITS.company, true);
  const roleTitle = text("roleTitle", LIMITS.roleTitle, true);
  const source = text("source", LIMITS.source);
  const location = text("location", LIMITS.location);
  const notes = text("notes", LIMITS.notes);
  const postingSnapshot = text("postingSnapshot", LIMITS.postingSnapshot);
  const appliedOn = date("appliedOn");
  const savedOn = date("savedOn");
  const deadlineOn = date("deadlineOn");
  const jobUrl = webAddress(values.jobUrl);
  if (jobUrl === undefined) problem("bad_url", "jobUrl", `"${shorten(values.jobUrl)}" is not a web address in ${FIELD_LABELS.jobUrl}.`);

  let target: StatusTarget | null = null;
  if (values.status !== "") {
    target = context.statusMap.get(folded(values.status)) ?? statusFromText(values.status) ?? null;
    if (!target) problem("unknown_status", "status", `Status "${shorten(values.status)}" is not one we know.`);
  }

  const workplaceType = choice("workplaceType", workplaceTypeFrom, "on-site, hybrid or remote");
  const jobType = choice("jobType", jobTypeFrom, "full-time, part-time, contract, temporary, internship");
  const excitement = choice("excitement", (v) => excitementFrom(v) ?? undefined, `${EXCITEMENT_MIN} to ${EXCITEMENT_MAX}`);
  const salary = values.salary === "" ? null : salaryFrom(values.salary);
  if (values.salary !== "" && !salary) problem("bad_value", "salary", `"${shorten(values.salary)}" is not a salary we can read.`);
  const salaryMin = amount("salaryMin") ?? salary?.min ?? null;
  const salaryMax = amount("salaryMax") ?? salary?.max ?? null;
  const currencyText = values.salaryCurrency.toUpperCase();
  const salaryCurrency = currencyText !== "" ? currencyText : (salary?.currency ?? null);
  if (currencyText !== "" && !isCurrencyCode(currencyText)) problem("bad_value", "salaryCurrency", `"${shorten(values.salaryCurrency)}" is not a currency code such as USD or EUR.`);
  if (salaryMin !== null && salaryMax !== null && salaryMin > salaryMax) problem("bad_value", "salaryMax", "The salary's upper end is below its lower end.");
  const archived = target === "archive" || isTruthy(values.archived);

  if (problems.length > 0) return { row: null, problems };
  const status: ApplicationStatus = target && target !== "archive" ? target : appliedOn ? "applied" : "saved";
  return {
    row: {
      company,
      roleTitle,
      status,
      archived,
      appliedOn,
      savedOn,
      jobUrl: jobUrl ?? null,
      source: source || null,
      location: location || null,
      workplaceType,
      jobType,
      salaryMin,
      salaryMax,
      salaryCurrency,
      deadlineOn,
      excitement,
      tags: tagsFrom(values.tags),
      notes,
      postingSnapshot: postingSnapshot || null,
    },
    problems,
  };
}

/** An archived column holds a date or yes/true; "no", "false" and "0" mean not archived. */
function isTruthy(value: string): boolean {
  return value !== "" && !["no", "false", "0", "n"].includes(folded(value));
}

/** Scheme-less links ("www.acme.com/jobs/1") are common in trackers; we assume https for them. */
function withScheme(value: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`;
}

/** null for empty, undefined for not a web address. Only http(s): a javascript: link would be live in the app. */
function webAddress(value: string): string | null | undefined {
  if (value === "") return null;
  const url = withScheme(value);
  if (url.length > LIMITS.jobUrl || !URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  return (parsed.protocol === "https:" || parsed.protocol === "http:") && parsed.hostname.includes(".") ? url : undefined;
}

/** Echoes of user input in messages stay short. */
export function shorten(value: string): string {
  const chars = [...value];
  return chars.length > 40 ? `${chars.slice(0, 39).join("")}…` : value;
}
