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

export const ZOverviewInput = z.object({
  sort: z.enum(OVERVIEW_SORT_KEYS).default("name"),
  direction: z.enum(["asc", "desc"]).default("asc"),
  /** Only the clients assigned to this coach (owners; for a coach it narrows nothing further). */
  coachId: z.uuid({ error: "Choose a coach from the list." }).optional(),
  goneQuiet: z.boolean().optional(),
  hasOverdue: z.boolean().optional(),
  status: z.enum(["active", "archived"]).default("active"),
  search: z.string().trim().max(120, { error: "Search with at most 120 characters." }).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100, { error: "Show at most 100 clients a page." }).default(25),
});
export type TOverviewInput = z.input<typeof ZOverviewInput>;

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
