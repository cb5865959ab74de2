import { sql } from "drizzle-orm";
import { bigint, date, doublePrecision, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, uuid, type ExtraConfigColumn } from "drizzle-orm/pg-core";
import { instant } from "./_columns";
import { membershipStatus, memberships, orgIdColumn } from "./org";

/**
 * Each client's coach-overview numbers, kept so that sorting or filtering 20,000 clients reads an
 * index instead of every client's history. The definitions are those of the direct computation
 * (server/services/coach/overview-direct.ts); server/services/coach/metrics.ts keeps the rows
 * exact at the moment of reading:
 *
 * - every write to a table a number depends on marks the client in `client_metric_marks`
 *   (triggers, in the writer's own transaction, so no service can forget it);
 * - `changes_at` is the next instant at which a number changes by itself (a reminder becoming
 *   overdue, a week boundary in the organisation's zone, the 90-day window passing an event);
 * - marked rows and rows past `changes_at` are recomputed, in one statement, before any read.
 *
 * "Gone quiet" is not kept as a flag: `quiet_since` (last activity, else joining) is compared with
 * the organisation's threshold when read, so it never goes stale. The outcome facts (first
 * interview, first offer, placement) are instants; a reader compares them with its own "now".
 */
export const clientMetrics = pgTable(
  "client_metrics",
  {
    orgId: orgIdColumn(),
    clientId: uuid("client_id").notNull(),
    status: membershipStatus("status").notNull(),
    name: text("name"),
    email: text("email").notNull(),
    sortName: text("sort_name")
      .notNull()
      .generatedAlwaysAs(sql`lower(coalesce(name, email))`),
    joinedAt: instant("joined_at").notNull(),
    activeApplications: integer("active_applications").notNull(),
    interviewsThisWeek: integer("interviews_this_week").notNull(),
    interviewsNextWeek: integer("interviews_next_week").notNull(),
    followUpsDue: integer("follow_ups_due").notNull(),
    overdueReminders: integer("overdue_reminders").notNull(),
    overdueCommitments: integer("overdue_commitments").notNull(),
    overdue: integer("overdue")
      .notNull()
      .generatedAlwaysAs(sql`overdue_reminders + overdue_commitments`),
    thankYouDue: integer("thank_you_due").notNull(),
    thankYouOnTime: integer("thank_you_on_time").notNull(),
    checkInsDue: integer("check_ins_due").notNull(),
    checkInsOnTime: integer("check_ins_on_time").notNull(),
    commitmentsDue: integer("commitments_due").notNull(),
    commitmentsOnTime: integer("commitments_on_time").notNull(),
    thankYouRate: doublePrecision("thank_you_rate").generatedAlwaysAs(sql`thank_you_on_time::float8 / nullif(thank_you_due, 0)`),
    checkInRate: doublePrecision("check_in_rate").generatedAlwaysAs(sql`check_ins_on_time::float8 / nullif(check_ins_due, 0)`),
    commitmentRate: doublePrecision("commitment_rate").generatedAlwaysAs(sql`commitments_on_time::float8 / nullif(commitments_due, 0)`),
    followThroughRate: doublePrecision("follow_through_rate").generatedAlwaysAs(
      sql`(thank_you_on_time + check_ins_on_time + commitments_on_time)::float8 / nullif(thank_you_due + check_ins_due + commitments_due, 0)`,
    ),
    lastActivityAt: instant("last_activity_at"),
    quietSince: instant("quiet_since")
      .notNull()
      .generatedAlwaysAs(sql`coalesce(last_activity_at, joined_at)`),
    /** The client's first interview that was not cancelled (it may lie ahead). */
    firstInterviewAt: instant("first_interview_at"),
    /** When an application of theirs first reached an offer (or went straight to accepted). */
    firstOfferAt: instant("first_offer_at"),
    /** When they accepted an offer: the earliest application still accepted. */
    placedAt: instant("placed_at"),
    /**
     * The charts' weekly numbers, by the week's first day in the organisation's zone ("2026-11-30"):
     * `[follow-ups due, on time, interviews]`, for the weeks from the charts' first one on. A reader
     * ignores weeks before its own first week, so the window slides without a recomputation.
     */
    weeks: jsonb("weeks").$type<Record<string, [number, number, number]>>().notNull().default({}),
    /** Applications that reached each stage: saved, applied, interviewing, offer, accepted. */
    funnel: integer("funnel").array().notNull().default(sql`'{0,0,0,0,0}'`),
    /**
     * The client's coaches and cohorts (sorted ids): the chart group (client_metric_groups) this
     * row's weeks and funnel are summed into. Kept equal to coach_assignments and cohort_members
     * by triggers on both tables and on this one.
     */
    coachIds: uuid("coach_ids").array().notNull().default(sql`'{}'`),
    cohortIds: uuid("cohort_ids").array().notNull().default(sql`'{}'`),
    /** The next instant at which a number above changes with no write; 'infinity' when none will. */
    changesAt: instant("changes_at").notNull(),
    /** The "now" the numbers were computed for: a reader whose clock is behind it recomputes too. */
    computedAt: instant("computed_at").notNull(),
    /** The newest mark (client_metric_marks.version) the numbers include, so an older recomputation never overwrites a newer one. */
    basis: bigint("basis", { mode: "number" }).notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.clientId] }),
    foreignKey({ columns: [t.orgId, t.clientId], foreignColumns: [memberships.orgId, memberships.id] }).onDelete("cascade"),
    index("client_metrics_org_changes_idx").on(t.orgId, t.changesAt),
    index("client_metrics_org_computed_idx").on(t.orgId, t.computedAt),
    index("client_metrics_org_name_idx").on(t.orgId, t.sortName, t.clientId),
    index("client_metrics_org_quiet_idx").on(t.orgId, t.quietSince),
    ...sortIndexes(t.orgId, t.sortName, t.clientId, {
      active_applications: t.activeApplications,
      interviews_this_week: t.interviewsThisWeek,
      interviews_next_week: t.interviewsNextWeek,
      follow_ups_due: t.followUpsDue,
      overdue: t.overdue,
      thank_you_rate: t.thankYouRate,
      check_in_rate: t.checkInRate,
      commitment_rate: t.commitmentRate,
      follow_through_rate: t.followThroughRate,
      last_activity_at: t.lastActivityAt,
    }),
  ],
);

/** One index per sort column and direction, matching the overview's order (nulls last, then name and id). */
function sortIndexes(orgId: ExtraConfigColumn, sortName: ExtraConfigColumn, clientId: ExtraConfigColumn, columns: Record<string, ExtraConfigColumn>) {
  return Object.entries(columns).flatMap(([name, column]) => [
    index(`client_metrics_org_${name}_asc_idx`).on(orgId, column, sortName, clientId),
    index(`client_metrics_org_${name}_desc_idx`).on(orgId, column.desc().nullsLast(), sortName, clientId),
  ]);
}

/**
 * Clients whose kept numbers a write has made stale. Written by triggers on every table the
 * numbers read; each write takes a new `version` from one sequence, so a recomputation that read
 * an older version (a writer committed meanwhile) leaves the mark in place instead of losing it.
 */
export const clientMetricMarks = pgTable(
  "client_metric_marks",
  {
    orgId: orgIdColumn(),
    clientId: uuid("client_id").notNull(),
    version: bigint("version", { mode: "number" })
      .notNull()
      .default(sql`nextval('client_metric_mark_version')`),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.clientId] }),
    foreignKey({ columns: [t.orgId, t.clientId], foreignColumns: [memberships.orgId, memberships.id] }).onDelete("cascade"),
  ],
);

/**
 * The charts' numbers pre-summed, so the charts read a few dozen rows at any organisation size:
 * one row per group of active clients with the same coaches and the same cohorts (a group, not a
 * per-coach or per-cohort sum, so a client with two coaches or two cohorts is counted once in
 * every total and a coach's view sums exactly the groups they are in). Triggers on
 * `client_metrics` add each row's new numbers and subtract its old ones in the writer's
 * transaction, so the sums always equal the kept rows they are made of.
 */
export const clientMetricGroups = pgTable(
  "client_metric_groups",
  {
    orgId: orgIdColumn(),
    coachIds: uuid("coach_ids").array().notNull(),
    cohortIds: uuid("cohort_ids").array().notNull(),
    /** Active clients in the group (0 once the last one left; the schedule removes such rows). */
    clients: integer("clients").notNull(),
    /** The sum of the clients' `client_metrics.funnel`. */
    funnel: integer("funnel").array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.coachIds, t.cohortIds] })],
);

/** The weekly sums of a group's clients' `client_metrics.weeks` (week: the week's first day in the organisation's zone). */
export const clientMetricGroupWeeks = pgTable(
  "client_metric_group_weeks",
  {
    orgId: orgIdColumn(),
    week: date("week", { mode: "string" }).notNull(),
    coachIds: uuid("coach_ids").array().notNull(),
    cohortIds: uuid("cohort_ids").array().notNull(),
    due: integer("due").notNull(),
    onTime: integer("on_time").notNull(),
    interviews: integer("interviews").notNull(),
  },
  // Led by the week: a chart reads its 12 weeks however many older ones have accumulated.
  (t) => [primaryKey({ columns: [t.orgId, t.week, t.coachIds, t.cohortIds] })],
);
