import { z } from "zod";
import { dateMessage, storableInstant } from "../../validation/storable";

/** Columns of the overview a coach can sort by; the keys are mapped to SQL in overview.ts. */
export const OVERVIEW_SORT_KEYS = [
  "name",
  "activeApplications",
  "interviewsThisWeek",
  "interviewsNextWeek",
  "followUpsDue",
  "overdue",
  "thankYouRate",
  "checkInRate",
  "commitmentRate",
  "followThroughRate",
  "lastActivityAt",
] as const;
export type OverviewSortKey = (typeof OVERVIEW_SORT_KEYS)[number];

const overviewFilters = {
  sort: z.enum(OVERVIEW_SORT_KEYS).default("name"),
  direction: z.enum(["asc", "desc"]).default("asc"),
  /** Only the clients assigned to this coach (owners; for a coach it narrows nothing further). */
  coachId: z.uuid({ error: "Choose a coach from the list." }).optional(),
  goneQuiet: z.boolean().optional(),
  hasOverdue: z.boolean().optional(),
  status: z.enum(["active", "archived"]).default("active"),
  search: z.string().trim().max(120, { error: "Search with at most 120 characters." }).optional(),
};

/** The direct (reference) computation's input: offset pages. */
export const ZDirectOverviewInput = z.object({
  ...overviewFilters,
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100, { error: "Show at most 100 clients a page." }).default(25),
});
export type TDirectOverviewInput = z.input<typeof ZDirectOverviewInput>;

/** Where a page starts: the sort value, name and id of the row beside it, and which way to go. */
export const ZOverviewCursor = z.object({
  key: z.union([z.number(), z.string().max(64), z.null()]),
  name: z.string().max(400),
  id: z.uuid(),
  way: z.enum(["after", "before"]),
});
export type OverviewCursor = z.infer<typeof ZOverviewCursor>;

export const encodeCursor = (cursor: OverviewCursor) => Buffer.from(JSON.stringify(cursor)).toString("base64url");

/** A cursor as sent back by the browser; anything else (edited, truncated) is a field error, not a 500. */
const ZCursorText = z
  .string()
  .max(1_000, { error: "This page link is no longer valid; start from the first page." })
  .transform((text, ctx) => {
    try {
      return ZOverviewCursor.parse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
    } catch {
      ctx.addIssue({ code: "custom", message: "This page link is no longer valid; start from the first page." });
      return z.NEVER;
    }
  });

/** Only the clients in this cohort. */
const cohortFilter = { cohortId: z.uuid({ error: "Choose a cohort from the list." }).optional() };

export const ZOverviewInput = z.object({
  ...overviewFilters,
  ...cohortFilter,
  /** From `nextCursor` / `previousCursor` of the page before; absent for the first page. */
  cursor: ZCursorText.optional(),
  pageSize: z.number().int().min(1).max(100, { error: "Show at most 100 clients a page." }).default(25),
});
export type TOverviewInput = z.input<typeof ZOverviewInput>;
export type TParsedOverviewInput = z.output<typeof ZOverviewInput>;

/** The overview export: every row the filters select, in the overview's order. */
export const ZOverviewExportInput = z.object({ ...overviewFilters, ...cohortFilter });
export type TOverviewExportInput = z.input<typeof ZOverviewExportInput>;

/** One batch of it, from the route handler that streams the file. */
export const ZOverviewExportBatchInput = ZOverviewExportInput.extend({
  cursor: ZCursorText.optional(),
  limit: z.number().int().min(1).max(1_000).default(1_000),
});

export const ZOutcomesInput = z.object({ ...cohortFilter });

export const ZAssignTaskInput = z.object({
  description: z.string().trim().min(3, { error: "Describe the task in a few words." }).max(500, { error: "Use at most 500 characters." }),
  dueAt: z.coerce.date({ error: "Choose a due date." }).refine(storableInstant, dateMessage),
  applicationId: z.uuid().optional(),
});
export type TAssignTaskInput = z.infer<typeof ZAssignTaskInput>;

export const ZChartsInput = z.object({
  /** Narrow the per-client follow-through series to one client (the client detail page). */
  clientId: z.uuid().optional(),
  /** Only the clients of one cohort (an unknown or foreign cohort simply matches nobody). */
  cohortId: z.uuid().optional(),
});
