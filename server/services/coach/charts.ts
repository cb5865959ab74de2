import { sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { rows } from "@/db/sql";
import { CHART_WEEKS, shapeCharts } from "./charts-direct";
import { refreshClientMetrics } from "./metrics";
import { visibleClientCondition, type CoachScope } from "./scope";

export { CHART_WEEKS, type CoachCharts } from "./charts-direct";

/**
 * The coach overview's charts (funnel, follow-through per week overall / per coach / for one
 * client, interviews per week), read from sums kept per group of clients with the same coaches
 * and cohorts (`client_metric_groups`, `client_metric_group_weeks`, maintained by triggers from
 * the kept rows), so a chart reads a few dozen rows at any organisation size. A coach sees the
 * groups they are one of the coaches of (their assigned clients, and the other coaches' series
 * over those clients only); with `cohortId`, only groups in that cohort count. Only active clients
 * are in the sums. The definitions are the direct computation's (charts-direct.ts), which the
 * property test compares this with.
 *
 * The sums include every client of the organisation, so every marked or due row is recomputed
 * first, visible to the caller or not (nothing of those rows is returned).
 */
export async function coachCharts(db: Executor, scope: CoachScope, input: { clientId?: string; cohortId?: string }, now: Date = new Date()) {
  await refreshClientMetrics(db, { orgId: scope.orgId, visible: sql`true`, visibleKept: sql`true` }, now);
  const org = scope.orgId;
  const tz = scope.timeZone;
  const nowIso = now.toISOString();
  const cohortId = input.cohortId ?? null;
  const role = scope.membership.role;
  const visibleGroup =
    role === "owner" ? sql`true` : role === "coach" ? sql`${scope.membership.id}::uuid = any(g.coach_ids)` : sql`false`;
  const [row] = await rows<Record<string, unknown>>(
    db,
    sql`
    with bounds as (
      select
        (date_trunc('week', ${nowIso}::timestamptz at time zone ${tz}) - make_interval(weeks => ${CHART_WEEKS - 1}::int))::date as first_week,
        date_trunc('week', ${nowIso}::timestamptz at time zone ${tz})::date as this_week
    ),
    groups as materialized (
      select g.coach_ids, g.cohort_ids, g.funnel
      from client_metric_groups g
      where g.org_id = ${org} and g.clients > 0 and ${visibleGroup}
        and (${cohortId}::uuid is null or ${cohortId}::uuid = any(g.cohort_ids))
    ),
    w as materialized (
      select gw.coach_ids, to_char(gw.week, 'YYYY-MM-DD') as week, gw.due, gw.on_time, gw.interviews
      from client_metric_group_weeks gw
      join groups g on g.coach_ids = gw.coach_ids and g.cohort_ids = gw.cohort_ids
      cross join bounds b
      where gw.org_id = ${org} and gw.week between b.first_week and b.this_week
    ),
    funnel as (
      select sum(funnel[1]) as s1, sum(funnel[2]) as s2, sum(funnel[3]) as s3, sum(funnel[4]) as s4, sum(funnel[5]) as s5 from groups
    ),
    one_client as (
      -- One client's series reads their kept row (visible, active, in the cohort), as the sums do.
      select cm.client_id, coalesce(cm.name, cm.email) as name, cm.weeks
      from client_metrics cm
      where cm.org_id = ${org} and cm.client_id = ${input.clientId ?? null}::uuid and cm.status = 'active'
        and ${visibleClientCondition(scope, "cm", "client_id")}
        and (${cohortId}::uuid is null or ${cohortId}::uuid = any(cm.cohort_ids))
    )
    select
      (select json_agg(json_build_object('stage', s.stage, 'count', coalesce((array[f.s1, f.s2, f.s3, f.s4, f.s5])[s.stage], 0)))
        from generate_series(1, 5) s(stage) cross join funnel f) as funnel,
      (select coalesce(json_agg(x), '[]'::json) from (
        -- Summed per coach first; the few coaches' names are looked up afterwards.
        select g.id, coalesce(cu.name, cu.email) as name, g.week, g.due, g."onTime"
        from (
          select c.id, w.week, sum(w.due)::int as due, sum(w.on_time)::int as "onTime"
          from w cross join lateral unnest(w.coach_ids) c(id)
          group by 1, 2
          having sum(w.due) > 0
        ) g
        join memberships cm on cm.org_id = ${org} and cm.id = g.id
        join users cu on cu.id = cm.user_id) x) as per_coach,
      (select coalesce(json_agg(x), '[]'::json) from (
        select o.client_id as id, o.name, e.key as week, (e.value->>0)::int as due, (e.value->>1)::int as "onTime"
        from one_client o
        cross join lateral jsonb_each(o.weeks) e
        cross join bounds b
        where e.key between to_char(b.first_week, 'YYYY-MM-DD') and to_char(b.this_week, 'YYYY-MM-DD') and (e.value->>0)::int > 0) x) as per_client,
      (select coalesce(json_agg(x), '[]'::json) from (
        select w.week, sum(w.due)::int as due, sum(w.on_time)::int as "onTime"
        from w group by 1 having sum(w.due) > 0) x) as overall,
      (select coalesce(json_agg(x), '[]'::json) from (
        select w.week, sum(w.interviews)::int as count
        from w group by 1 having sum(w.interviews) > 0) x) as interviews,
      (select json_agg(to_char(wk, 'YYYY-MM-DD') order by wk) from generate_series(
        date_trunc('week', ${nowIso}::timestamptz at time zone ${tz}) - make_interval(weeks => ${CHART_WEEKS - 1}::int),
        date_trunc('week', ${nowIso}::timestamptz at time zone ${tz}), interval '1 week') wk) as weeks
    `,
  );
  return shapeCharts(row!);
}
