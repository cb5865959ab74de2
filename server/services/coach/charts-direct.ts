import { sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { rows } from "@/db/sql";
import { CHECK_IN_GRACE_DAYS } from "./overview-direct";
import { parseJson } from "../json";
import { visibleClientCondition, type CoachScope } from "./scope";

export const CHART_WEEKS = 12;
const FUNNEL = ["saved", "applied", "interviewing", "offer", "accepted"] as const;

type WeekRate = { week: string; due: number; onTime: number };
type Series = { id: string; name: string; weeks: Array<{ week: string; due: number; onTime: number; rate: number | null }> };

/**
 * The reference computation of the charts, from every visible client's history. The portal reads
 * the kept weekly numbers instead (charts.ts, kept by metrics.ts); the property test holds them to
 * this.
 *
 * The coach overview's charts, in one SQL statement, over visible active clients only (the same
 * condition as the overview, so an unassigned coach's client never counts):
 * - the pipeline funnel: applications that reached each stage (their furthest stage, from the
 *   current status and the status history);
 * - follow-through per week for the last 12 weeks (Monday weeks in the org's zone), per coach, and
 *   per client when `clientId` is given: thank-you notes, check-ins and commitments bucketed by
 *   their deadline, with the same on-time rules as the overview;
 * - interviews per week (not cancelled) over the same weeks.
 * With `cohortId`, only that cohort's clients count.
 */
export async function directCharts(db: Executor, scope: CoachScope, input: { clientId?: string; cohortId?: string }, now: Date = new Date()) {
  const org = scope.orgId;
  const tz = scope.timeZone;
  const nowIso = now.toISOString();
  const window = scope.policy.thankYouWindowHours;
  const checkInDays = scope.policy.checkInDefaultDays;
  const [row] = await rows<Record<string, unknown>>(
    db,
    sql`
    with bounds as (
      select ${nowIso}::timestamptz as now,
        (date_trunc('week', ${nowIso}::timestamptz at time zone ${tz}) - make_interval(weeks => ${CHART_WEEKS - 1}::int)) at time zone ${tz} as since
    ),
    visible as (
      select m.id as client_id, coalesce(u.name, u.email) as name
      from memberships m join users u on u.id = m.user_id
      where m.org_id = ${org} and m.role = 'client' and m.status = 'active' and ${visibleClientCondition(scope)}
        and (${input.cohortId ?? null}::uuid is null or exists (select 1 from cohort_members cb
          where cb.org_id = m.org_id and cb.client_membership_id = m.id and cb.cohort_id = ${input.cohortId ?? null}::uuid))
    ),
    reached as (
      select a.id, greatest(
        array_position(array['saved','applied','interviewing','offer','accepted']::application_status[], a.status),
        (select max(array_position(array['saved','applied','interviewing','offer','accepted']::application_status[], h.to_status))
          from application_status_history h where h.org_id = ${org} and h.application_id = a.id)
      ) as stage
      from applications a
      where a.org_id = ${org} and a.client_id in (select client_id from visible)
    ),
    events as (
      select i.client_id, i.ends_at + make_interval(hours => ${window}::int) as deadline,
        coalesce(p.thank_you_sent_at <= i.ends_at + make_interval(hours => ${window}::int), false) as on_time
      from interviews i
      join interview_participants p on p.org_id = i.org_id and p.interview_id = i.id
      cross join bounds b
      where i.org_id = ${org} and i.client_id in (select client_id from visible) and i.status <> 'cancelled'
        and i.starts_at >= b.since - interval '8 days' and i.ends_at + make_interval(hours => ${window}::int) >= b.since
        and i.ends_at + make_interval(hours => ${window}::int) <= b.now
      union all
      select c.client_id, c.due_at, coalesce(c.done_at <= c.due_at, false)
      from commitments c cross join bounds b
      where c.org_id = ${org} and c.client_id in (select client_id from visible) and c.due_at >= b.since and c.due_at <= b.now
        and c.released_at is null
      union all
      select i.client_id, ((t.target + ${CHECK_IN_GRACE_DAYS + 1}::int)::timestamp at time zone ${tz}),
        exists (select 1 from drafts d where d.org_id = ${org} and d.client_id = i.client_id and d.interview_id = i.id
          and d.kind = 'check_in' and d.status = 'sent'
          and d.sent_at >= (t.target::timestamp at time zone ${tz})
          and d.sent_at < ((t.target + ${CHECK_IN_GRACE_DAYS + 1}::int)::timestamp at time zone ${tz}))
      from interviews i
      join applications a on a.org_id = i.org_id and a.id = i.application_id
      cross join lateral (
        select greatest(coalesce(i.agreed_check_in_on, (i.ends_at at time zone ${tz})::date + ${checkInDays}::int), i.not_before_on) as target
      ) t
      cross join bounds b
      where i.org_id = ${org} and i.client_id in (select client_id from visible) and i.status <> 'cancelled' and i.debriefed_at is not null
        and i.starts_at >= b.since - interval '120 days'
        and not (a.status_changed_at > i.ends_at and a.status_changed_at < (t.target::timestamp at time zone ${tz}))
        and ((t.target + ${CHECK_IN_GRACE_DAYS + 1}::int)::timestamp at time zone ${tz}) between b.since and b.now
    ),
    bucketed as (
      select client_id, date_trunc('week', deadline at time zone ${tz})::date as week, on_time from events
    )
    select
      (select coalesce(json_agg(json_build_object('stage', s.stage, 'count', (select count(*) from reached r where r.stage >= s.stage))), '[]'::json)
        from generate_series(1, ${FUNNEL.length}) s(stage)) as funnel,
      (select coalesce(json_agg(x), '[]'::json) from (
        select ca.coach_membership_id as id, coalesce(cu.name, cu.email) as name, b.week::text as week,
          count(*)::int as due, count(*) filter (where b.on_time)::int as "onTime"
        from bucketed b
        join coach_assignments ca on ca.org_id = ${org} and ca.client_membership_id = b.client_id
        join memberships cm on cm.org_id = ca.org_id and cm.id = ca.coach_membership_id
        join users cu on cu.id = cm.user_id
        group by 1, 2, 3) x) as per_coach,
      (select coalesce(json_agg(x), '[]'::json) from (
        select b.client_id as id, v.name, b.week::text as week, count(*)::int as due, count(*) filter (where b.on_time)::int as "onTime"
        from bucketed b join visible v on v.client_id = b.client_id
        where b.client_id = ${input.clientId ?? null}::uuid
        group by 1, 2, 3) x) as per_client,
      (select coalesce(json_agg(x), '[]'::json) from (
        select b.week::text as week, count(*)::int as due, count(*) filter (where b.on_time)::int as "onTime"
        from bucketed b group by 1) x) as overall,
      (select coalesce(json_agg(x), '[]'::json) from (
        select date_trunc('week', i.starts_at at time zone ${tz})::date::text as week, count(*)::int as count
        from interviews i cross join bounds bo
        where i.org_id = ${org} and i.client_id in (select client_id from visible) and i.status <> 'cancelled'
          and i.starts_at >= bo.since and i.starts_at < bo.since + make_interval(weeks => ${CHART_WEEKS}::int)
        group by 1) x) as interviews,
      (select json_agg(to_char(w, 'YYYY-MM-DD') order by w) from generate_series(
        date_trunc('week', ${nowIso}::timestamptz at time zone ${tz}) - make_interval(weeks => ${CHART_WEEKS - 1}::int),
        date_trunc('week', ${nowIso}::timestamptz at time zone ${tz}), interval '1 week') w) as weeks
    `,
  );
  return shapeCharts(row!);
}

/** The charts' answer from the statement's one row (shared with the kept-data reader in charts.ts). */
export function shapeCharts(r: Record<string, unknown>) {
  const weeks = parseJson<string[]>(r.weeks);
  const funnelRows = parseJson<Array<{ stage: number; count: number | string }>>(r.funnel);
  const toSeries = (items: Array<WeekRate & { id: string; name: string }>): Series[] => {
    const byId = new Map<string, { name: string; weeks: Map<string, WeekRate> }>();
    for (const item of items) {
      const entry = byId.get(item.id) ?? { name: item.name, weeks: new Map() };
      entry.weeks.set(item.week, item);
      byId.set(item.id, entry);
    }
    return [...byId].map(([id, entry]) => ({ id, name: entry.name, weeks: fill(weeks, entry.weeks) }));
  };
  const overall = new Map(parseJson<WeekRate[]>(r.overall).map((w) => [w.week, w]));
  const interviewCounts = new Map(parseJson<Array<{ week: string; count: number }>>(r.interviews).map((w) => [w.week, w.count]));
  return {
    weeks,
    funnel: FUNNEL.map((status, index) => ({ status, count: Number(funnelRows.find((f) => f.stage === index + 1)?.count ?? 0) })),
    followThrough: {
      overall: fill(weeks, overall),
      perCoach: toSeries(parseJson(r.per_coach)),
      perClient: toSeries(parseJson(r.per_client)),
    },
    interviewsPerWeek: weeks.map((week) => ({ week, count: interviewCounts.get(week) ?? 0 })),
  };
}

function fill(weeks: string[], byWeek: Map<string, WeekRate>) {
  return weeks.map((week) => {
    const found = byWeek.get(week);
    const due = found?.due ?? 0;
    const onTime = found?.onTime ?? 0;
    return { week, due, onTime, rate: due > 0 ? onTime / due : null };
  });
}
export type CoachCharts = ReturnType<typeof shapeCharts>;
