import { sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { rows } from "@/db/sql";
import { refreshVisibleMetrics } from "./metrics";
import { goneQuietSql } from "./overview";
import type { z } from "zod";
import type { ZOutcomesInput } from "./schemas";
import { visibleClientCondition, type CoachScope } from "./scope";

/** The numbers a career centre reports to its university or funder, for one group of clients. */
export type Outcome = {
  clients: number;
  /** Clients who accepted an offer (an application of theirs is accepted). */
  placed: number;
  placementRate: number | null;
  /** Median whole-and-fractional days from joining to the first interview, over clients who had one. */
  medianDaysToFirstInterview: number | null;
  interviewed: number;
  /** Median days from joining to the first offer, over clients who had one. */
  medianDaysToOffer: number | null;
  offered: number;
  /** On-time follow-ups over due ones, pooled over the group's clients, last 90 days. */
  followThroughRate: number | null;
  /** Active clients with no activity for the policy's days. */
  goneQuiet: number;
};

type Raw = {
  kind: "all" | "cohort" | "coach";
  id: string | null;
  name: string | null;
  archived: boolean | null;
  clients: number;
  placed: number;
  interviewed: number;
  offered: number;
  median_interview: number | null;
  median_offer: number | null;
  on_time: number;
  due: number;
  gone_quiet: number;
};

/** The columns of `base` the aggregates read. */
const measures = sql`placed, days_to_interview, days_to_offer, on_time, due, gone_quiet`;

/** What each group's row reports, over `base` rows. */
const aggregates = sql`count(*)::int as clients,
  sum(placed)::int as placed,
  count(days_to_interview)::int as interviewed,
  count(days_to_offer)::int as offered,
  percentile_cont(0.5) within group (order by days_to_interview) as median_interview,
  percentile_cont(0.5) within group (order by days_to_offer) as median_offer,
  sum(on_time)::int as on_time,
  sum(due)::int as due,
  count(*) filter (where gone_quiet)::int as gone_quiet`;

/**
 * Outcomes per cohort and per coach (and for everyone the caller sees), read from the kept
 * numbers in one statement after the upkeep: cheap at 20,000 clients. Owners see every client,
 * coaches only their assigned ones — in every group, so a coach's "per coach" rows count only
 * their own clients even when a co-coach shares them. Active and archived clients both count (a
 * placed client is often archived afterwards); "gone quiet" counts active clients only. Days from
 * joining never go below zero (a history imported from before joining counts as day 0).
 */
export async function coachOutcomes(db: Executor, scope: CoachScope, input: z.output<typeof ZOutcomesInput>, now: Date = new Date()) {
  await refreshVisibleMetrics(db, scope, now);
  const org = scope.orgId;
  const nowIso = now.toISOString();
  const result = await rows<Raw>(
    db,
    sql`
    with base as materialized (
      -- Only what the aggregates read: the groups' rows below are sorted, and narrow rows sort fast
      -- (days as float8, what the median takes anyway: no numeric arithmetic on every row).
      select cm.coach_ids, cm.cohort_ids,
        case when cm.placed_at <= ${nowIso}::timestamptz then 1 else 0 end as placed,
        case when cm.first_interview_at <= ${nowIso}::timestamptz
          then greatest(0, date_part('epoch', cm.first_interview_at - cm.joined_at) / 86400) end as days_to_interview,
        case when cm.first_offer_at <= ${nowIso}::timestamptz
          then greatest(0, date_part('epoch', cm.first_offer_at - cm.joined_at) / 86400) end as days_to_offer,
        cm.thank_you_on_time + cm.check_ins_on_time + cm.commitments_on_time as on_time,
        cm.thank_you_due + cm.check_ins_due + cm.commitments_due as due,
        (cm.status = 'active' and ${goneQuietSql(scope, now)}) as gone_quiet
      from client_metrics cm
      where cm.org_id = ${org} and ${visibleClientCondition(scope, "cm", "client_id")}
        ${input.cohortId ? sql`and ${input.cohortId}::uuid = any(cm.cohort_ids)` : sql``}
    ),
    -- A client counts in each of their cohorts and for each of their coaches: the kept row holds
    -- both id lists (kept equal to cohort_members and coach_assignments by triggers). Each kind is
    -- grouped on its own, so only a cohort's or a coach's rows are sorted together, by uuid.
    agg as (
      -- No row for nobody, as for the groups below.
      select 'all' as kind, null::uuid as id, ${aggregates} from base having count(*) > 0
      union all
      select 'cohort', id, ${aggregates} from (select unnest(cohort_ids) as id, ${measures} from base where cardinality(cohort_ids) > 0) g group by id
      union all
      select 'coach', id, ${aggregates} from (select unnest(coach_ids) as id, ${measures} from base where cardinality(coach_ids) > 0) g group by id
    )
    select a.kind, a.id,
      coalesce(c.name, (select coalesce(cu.name, cu.email) from memberships m join users cu on cu.id = m.user_id
        where a.kind = 'coach' and m.org_id = ${org} and m.id = a.id)) as name,
      c.archived_at is not null as archived,
      a.clients, a.placed, a.interviewed, a.offered, a.median_interview, a.median_offer, a.on_time, a.due, a.gone_quiet
    from agg a
    left join cohorts c on a.kind = 'cohort' and c.org_id = ${org} and c.id = a.id
    ${scope.membership.role === "owner" ? sql`
    union all
    -- Owners also see cohorts with nobody in them yet, to fill or archive.
    select 'cohort', c.id, c.name, c.archived_at is not null, 0, 0, 0, 0, null, null, 0, 0, 0
    from cohorts c
    where c.org_id = ${org} and not exists (select 1 from agg where agg.kind = 'cohort' and agg.id = c.id)
      and ${input.cohortId ? sql`c.id = ${input.cohortId}` : sql`true`}` : sql``}
    `,
  );
  const toOutcome = (r: Raw): Outcome => ({
    clients: r.clients,
    placed: r.placed,
    placementRate: r.clients > 0 ? r.placed / r.clients : null,
    medianDaysToFirstInterview: r.median_interview === null ? null : Number(r.median_interview),
    interviewed: r.interviewed,
    medianDaysToOffer: r.median_offer === null ? null : Number(r.median_offer),
    offered: r.offered,
    followThroughRate: r.due > 0 ? r.on_time / r.due : null,
    goneQuiet: r.gone_quiet,
  });
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  const all = result.find((r) => r.kind === "all");
  return {
    overall: all ? toOutcome(all) : toOutcome({ clients: 0, placed: 0, interviewed: 0, offered: 0, median_interview: null, median_offer: null, on_time: 0, due: 0, gone_quiet: 0 } as Raw),
    perCohort: result
      .filter((r) => r.kind === "cohort")
      .map((r) => ({ id: r.id!, name: r.name ?? "", archived: Boolean(r.archived), ...toOutcome(r) }))
      .sort(byName),
    perCoach: result
      .filter((r) => r.kind === "coach")
      .map((r) => ({ id: r.id!, name: r.name ?? "", ...toOutcome(r) }))
      .sort(byName),
  };
}
export type CoachOutcomes = Awaited<ReturnType<typeof coachOutcomes>>;
