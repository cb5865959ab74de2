import { sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { rows } from "@/db/sql";
import { CHART_WEEKS, shapeCharts } from "./charts-direct";
import { refreshVisibleMetrics } from "./metrics";
import { visibleClientCondition, type CoachScope } from "./scope";

export { CHART_WEEKS, type CoachCharts } from "./charts-direct";

/**
 * The coach overview's charts (funnel, follow-through per week overall / per coach / for one
 * client, interviews per week), summed from the kept per-client weekly numbers
 * (`client_metrics.weeks` and `.funnel`) of the visible active clients — the same condition as
 * the overview, so an unassigned coach's client never counts. The definitions are the direct
 * computation's (charts-direct.ts), which the property test compares this with; reading kept
 * numbers keeps the charts fast at 20,000 clients, where the direct statement reads every
 * client's 12 weeks of history. With `cohortId`, only that cohort's clients count (still within
 * what the caller may see).
 */
export async function coachCharts(db: Executor, scope: CoachScope, input: { clientId?: string; cohortId?: string }, now: Date = new Date()) {
  await refreshVisibleMetrics(db, scope, now);
  const org = scope.orgId;
  const tz = scope.timeZone;
  const nowIso = now.toISOString();
  const [row] = await rows<Record<string, unknown>>(
    db,
    sql`
    with bounds as (
      select
        to_char(date_trunc('week', ${nowIso}::timestamptz at time zone ${tz}) - make_interval(weeks => ${CHART_WEEKS - 1}::int), 'YYYY-MM-DD') as first_week,
        to_char(date_trunc('week', ${nowIso}::timestamptz at time zone ${tz}), 'YYYY-MM-DD') as this_week
    ),
    visible as materialized (
      select cm.client_id, coalesce(cm.name, cm.email) as name, cm.weeks, cm.funnel
      from client_metrics cm
      where cm.org_id = ${org} and cm.status = 'active' and ${visibleClientCondition(scope, "cm", "client_id")}
        and (${input.cohortId ?? null}::uuid is null or exists (select 1 from cohort_members cmb
          where cmb.org_id = cm.org_id and cmb.client_membership_id = cm.client_id and cmb.cohort_id = ${input.cohortId ?? null}::uuid))
    ),
    w as materialized (
      select v.client_id, e.key as week, (e.value->>0)::int as due, (e.value->>1)::int as on_time, (e.value->>2)::int as interviews
      from visible v
      cross join lateral jsonb_each(v.weeks) e
      cross join bounds b
      where e.key >= b.first_week and e.key <= b.this_week
    ),
    funnel as (
      select sum(funnel[1]) as s1, sum(funnel[2]) as s2, sum(funnel[3]) as s3, sum(funnel[4]) as s4, sum(funnel[5]) as s5 from visible
    )
    select
      (select json_agg(json_build_object('stage', s.stage, 'count', coalesce((array[f.s1, f.s2, f.s3, f.s4, f.s5])[s.stage], 0)))
        from generate_series(1, 5) s(stage) cross join funnel f) as funnel,
      (select coalesce(json_agg(x), '[]'::json) from (
        -- Summed per coach first; the few coaches' names are looked up afterwards.
        select g.id, coalesce(cu.name, cu.email) as name, g.week, g.due, g."onTime"
        from (
          select ca.coach_membership_id as id, w.week, sum(w.due)::int as due, sum(w.on_time)::int as "onTime"
          from w
          join coach_assignments ca on ca.org_id = ${org} and ca.client_membership_id = w.client_id
          where w.due > 0
          group by 1, 2
        ) g
        join memberships cm on cm.org_id = ${org} and cm.id = g.id
        join users cu on cu.id = cm.user_id) x) as per_coach,
      (select coalesce(json_agg(x), '[]'::json) from (
        select w.client_id as id, v.name, w.week, sum(w.due)::int as due, sum(w.on_time)::int as "onTime"
        from w join visible v on v.client_id = w.client_id
        where w.client_id = ${input.clientId ?? null}::uuid and w.due > 0
        group by 1, 2, 3) x) as per_client,
      (select coalesce(json_agg(x), '[]'::json) from (
        select w.week, sum(w.due)::int as due, sum(w.on_time)::int as "onTime"
        from w where w.due > 0 group by 1) x) as overall,
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
