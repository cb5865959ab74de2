import { sql } from "drizzle-orm";
import type { z } from "zod";
import type { Executor } from "@/db";
import { rows } from "@/db/sql";
import { toCsv, type CsvColumn } from "../imports/to-csv";
import { refreshVisibleMetrics } from "./metrics";
import type { CoachOutcomes, Outcome } from "./outcomes";
import { overviewConditions, overviewOrder, rowColumns, type OverviewRawRow } from "./overview";
import { overviewRow } from "./overview-row";
import { encodeCursor, type ZOverviewExportBatchInput } from "./schemas";
import type { CoachScope } from "./scope";

type ExportRaw = OverviewRawRow & {
  coaches: unknown;
  cohorts: unknown;
  joined_at: Date | string;
  first_interview_at: Date | string | null;
  first_offer_at: Date | string | null;
  placed_at: Date | string | null;
};

const instantOrNull = (value: Date | string | null) => (value ? new Date(value) : null);
const parsed = <T>(value: unknown): T => (typeof value === "string" ? (JSON.parse(value) as T) : (value as T));

/**
 * One batch of the overview export: the rows after `cursor` in the overview's order, with the
 * same filters and visibility as the overview (an unassigned coach's clients never appear), plus
 * the coaches, cohorts and outcome dates a funder asks for. The route handler walks the batches.
 */
export async function overviewExportBatch(db: Executor, scope: CoachScope, input: z.output<typeof ZOverviewExportBatchInput>, now: Date = new Date()) {
  await refreshVisibleMetrics(db, scope, now);
  const ordering = overviewOrder(input.sort, input.direction);
  const where = overviewConditions(scope, input, now);
  const fetched = await rows<ExportRaw>(
    db,
    sql`
    with page as materialized (
      select ${rowColumns(scope, now)}, ${ordering.key} as sort_key,
        cm.joined_at, cm.first_interview_at, cm.first_offer_at, cm.placed_at, ${ordering.value} as sort_value
      from client_metrics cm
      where ${where} ${input.cursor ? sql`and ${ordering.from(input.cursor)}` : sql``}
      order by ${ordering.order(false)}
      limit ${input.limit}
    )
    select page.*,
      (select coalesce(json_agg(coalesce(cu.name, cu.email) order by coalesce(cu.name, cu.email)), '[]'::json)
        from coach_assignments ca
        join memberships cmm on cmm.org_id = ca.org_id and cmm.id = ca.coach_membership_id
        join users cu on cu.id = cmm.user_id
        where ca.org_id = ${scope.orgId} and ca.client_membership_id = page.client_id) as coaches,
      (select coalesce(json_agg(c.name order by c.name), '[]'::json)
        from cohort_members cmb join cohorts c on c.org_id = cmb.org_id and c.id = cmb.cohort_id
        where cmb.org_id = ${scope.orgId} and cmb.client_membership_id = page.client_id) as cohorts
    from page
    order by ${ordering.order(false, "page")}
    `,
  );
  const last = fetched.at(-1);
  return {
    rows: fetched.map((r) => ({
      ...overviewRow({ ...r, coaches: [] }),
      coachNames: parsed<string[]>(r.coaches),
      cohortNames: parsed<string[]>(r.cohorts),
      joinedAt: new Date(r.joined_at),
      firstInterviewAt: instantOrNull(r.first_interview_at),
      firstOfferAt: instantOrNull(r.first_offer_at),
      placedAt: instantOrNull(r.placed_at),
    })),
    nextCursor:
      fetched.length === input.limit && last ? encodeCursor({ key: last.sort_key, name: last.sort_name, id: last.client_id, way: "after" }) : null,
  };
}
export type ExportRow = Awaited<ReturnType<typeof overviewExportBatch>>["rows"][number];

const pct = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);
const day = (value: Date | null) => (value ? value.toISOString().slice(0, 10) : null);
const days = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

export const OVERVIEW_CSV_COLUMNS: CsvColumn<ExportRow>[] = [
  { header: "Name", value: (r) => r.name ?? "" },
  { header: "Email", value: (r) => r.email },
  { header: "Status", value: (r) => r.status },
  { header: "Coaches", value: (r) => r.coachNames },
  { header: "Cohorts", value: (r) => r.cohortNames },
  { header: "Active applications", value: (r) => r.activeApplications },
  { header: "Interviews this week", value: (r) => r.interviewsThisWeek },
  { header: "Interviews next week", value: (r) => r.interviewsNextWeek },
  { header: "Follow-ups due today", value: (r) => r.followUpsDue },
  { header: "Overdue", value: (r) => r.overdue },
  { header: "Thank-yous due (90 days)", value: (r) => r.thankYou.due },
  { header: "Thank-yous on time", value: (r) => r.thankYou.onTime },
  { header: "Check-ins due (90 days)", value: (r) => r.checkIn.due },
  { header: "Check-ins on time", value: (r) => r.checkIn.onTime },
  { header: "Promises due (90 days)", value: (r) => r.commitments.due },
  { header: "Promises kept", value: (r) => r.commitments.onTime },
  { header: "Follow-through %", value: (r) => pct(r.followThroughRate) },
  { header: "Last activity", value: (r) => r.lastActivityAt },
  { header: "Gone quiet", value: (r) => (r.goneQuiet ? "yes" : "no") },
  { header: "Joined", value: (r) => day(r.joinedAt) },
  { header: "First interview", value: (r) => day(r.firstInterviewAt) },
  { header: "First offer", value: (r) => day(r.firstOfferAt) },
  { header: "Placed", value: (r) => day(r.placedAt) },
];

type OutcomeLine = Outcome & { group: string; name: string };

const OUTCOME_CSV_COLUMNS: CsvColumn<OutcomeLine>[] = [
  { header: "Group", value: (r) => r.group },
  { header: "Name", value: (r) => r.name },
  { header: "Clients", value: (r) => r.clients },
  { header: "Placed (accepted offer)", value: (r) => r.placed },
  { header: "Placement rate %", value: (r) => pct(r.placementRate) },
  { header: "Clients with an interview", value: (r) => r.interviewed },
  { header: "Median days to first interview", value: (r) => days(r.medianDaysToFirstInterview) },
  { header: "Clients with an offer", value: (r) => r.offered },
  { header: "Median days to offer", value: (r) => days(r.medianDaysToOffer) },
  { header: "Follow-through % (90 days)", value: (r) => pct(r.followThroughRate) },
  { header: "Gone quiet", value: (r) => r.goneQuiet },
];

/** The outcomes page as one CSV: everyone the caller sees, then each cohort, then each coach. */
export function outcomesCsv(outcomes: CoachOutcomes): string {
  const lines: OutcomeLine[] = [
    { group: "All clients", name: "", ...outcomes.overall },
    ...outcomes.perCohort.map(({ id: _id, archived, name, ...o }) => ({ group: archived ? "Cohort (archived)" : "Cohort", name, ...o })),
    ...outcomes.perCoach.map(({ id: _id, name, ...o }) => ({ group: "Coach", name, ...o })),
  ];
  return toCsv(lines, OUTCOME_CSV_COLUMNS, { bom: true });
}
