import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db";
import { rows } from "@/db/sql";
import { openApplicationSql, owedCommitmentSql } from "../applications/closing";
import { CHART_WEEKS } from "./charts-direct";
import { CHECK_IN_GRACE_DAYS, FOLLOW_THROUGH_DAYS } from "./overview-direct";
import { NOT_FOLLOW_UPS, visibleClientCondition, type CoachScope } from "./scope";

/*
 * The check-in rules, written once for the overview's counts, the charts' weeks and the times the
 * numbers change (all over `interviews i`, the interview's `applications a`, the target day `t`
 * and the bounds `b`). The direct reference (overview-direct.ts, charts-direct.ts) keeps its own
 * copy on purpose: the property test compares these against it.
 */
/** The day a check-in is due: the agreed date, else the interview's local end date plus the policy's days, never before the "not before" date. */
const checkInTargetDay = sql`greatest(coalesce(i.agreed_check_in_on, (i.ends_at at time zone b.tz)::date + b.check_in_days), i.not_before_on)`;
/** Interviews `i` with their application `a` and their check-in's target day `t`. */
const interviewsWithCheckInDay = sql`interviews i
  join applications a on a.org_id = i.org_id and a.id = i.application_id
  cross join lateral (select ${checkInTargetDay} as target) t`;
/**
 * A check-in is owed for a debriefed interview that was not cancelled, unless the application
 * moved between the interview and the target day.
 */
const checkInOwedCondition = sql`i.status <> 'cancelled' and i.debriefed_at is not null
  and not (a.status_changed_at > i.ends_at and a.status_changed_at < (t.target::timestamp at time zone b.tz))`;
/** A check_in draft for the interview was marked sent on the target day or within the grace days after. */
const checkInSentOnTime = (org: string): SQL => sql`exists (
  select 1 from drafts d
  where d.org_id = ${org} and d.client_id = i.client_id and d.interview_id = i.id
    and d.kind = 'check_in' and d.status = 'sent'
    and d.sent_at >= (t.target::timestamp at time zone b.tz)
    and d.sent_at < ((t.target + ${CHECK_IN_GRACE_DAYS + 1}::int)::timestamp at time zone b.tz))`;

/**
 * Keeps `client_metrics` exact for a reader at `now`: recomputes, in one statement, the rows of
 * the caller's visible clients that a write has marked (client_metric_marks, filled by triggers),
 * that are missing, or whose `changes_at` has come (or whose `computed_at` lies after `now`, a
 * reader whose clock is behind the last one). Every reader of the kept numbers calls this first;
 * the delivery sweep calls it for every organisation so rows rarely wait for a reader.
 *
 * The numbers are the direct computation's (overview-direct.ts documents each one), written here
 * against the organisation's zone and policy as the statement itself reads them, so a policy
 * change committed mid-request cannot be applied with the old values. Beside each number the
 * statement finds `changes_at`: the earliest instant after `now` at which any number would change
 * with no write — a reminder passing its due time or today's end, a commitment falling due, a
 * thank-you window closing, a check-in's target day (and its grace) arriving, an event leaving
 * the 90-day window, the week turning when an interview sits in the weeks the counts look at.
 * An instant listed too early only costs a recomputation; one missed would be a wrong number,
 * which is what the property test (tests/integration/coach/kept-metrics.test.ts) hunts for.
 *
 * Interval arithmetic on instants (`+ 90 days`) runs in the session's zone, UTC for this app's
 * connections, exactly as in the direct computation.
 */
export async function refreshClientMetrics(
  db: Executor,
  scope: { orgId: string; visible: SQL; visibleKept?: SQL },
  now: Date = new Date(),
) {
  const org = scope.orgId;
  const nowIso = now.toISOString();
  // Usually nothing is due: a probe over three small index ranges answers that in well under a
  // millisecond, where planning the recomputation alone takes several. (A client with no kept row
  // yet always has a mark: joining marks, and the migration marked every existing client.)
  if (scope.visibleKept) {
    const [probe] = await rows<{ due: boolean }>(
      db,
      sql`select exists (select 1 from client_metric_marks cm where cm.org_id = ${org} and ${scope.visibleKept})
        or exists (select 1 from client_metrics cm where cm.org_id = ${org} and cm.changes_at <= ${nowIso}::timestamptz and ${scope.visibleKept})
        or exists (select 1 from client_metrics cm where cm.org_id = ${org} and cm.computed_at > ${nowIso}::timestamptz and ${scope.visibleKept}) as due`,
    );
    if (!probe?.due) return 0;
  }
  const [row] = await rows<{ refreshed: number }>(
    db,
    sql`
    with bounds as (
      select
        ${nowIso}::timestamptz as now,
        o.time_zone as tz,
        (o.policy->>'thankYouWindowHours')::int as window_hours,
        (o.policy->>'checkInDefaultDays')::int as check_in_days,
        date_trunc('week', ${nowIso}::timestamptz at time zone o.time_zone) at time zone o.time_zone as week_start,
        (date_trunc('week', ${nowIso}::timestamptz at time zone o.time_zone) + interval '7 days') at time zone o.time_zone as next_week_start,
        (date_trunc('week', ${nowIso}::timestamptz at time zone o.time_zone) + interval '14 days') at time zone o.time_zone as week_after_start,
        (date_trunc('day', ${nowIso}::timestamptz at time zone o.time_zone) + interval '1 day') at time zone o.time_zone as end_of_today,
        (${nowIso}::timestamptz at time zone o.time_zone)::date as today,
        ${nowIso}::timestamptz - make_interval(days => ${FOLLOW_THROUGH_DAYS}::int) as since,
        (date_trunc('week', ${nowIso}::timestamptz at time zone o.time_zone) - make_interval(weeks => ${CHART_WEEKS - 1}::int)) at time zone o.time_zone as chart_since
      from organizations o where o.id = ${org}
    ),
    marked as materialized (
      select client_id, version from client_metric_marks where org_id = ${org}
    ),
    due as (
      select client_id from marked
      union
      select cm.client_id from client_metrics cm cross join bounds b where cm.org_id = ${org} and cm.changes_at <= b.now
      union
      select cm.client_id from client_metrics cm cross join bounds b where cm.org_id = ${org} and cm.computed_at > b.now
    ),
    v as materialized (
      select m.id as client_id, m.status, m.created_at as joined_at, u.name, u.email,
        greatest(mk.version, cm.basis, 0) as basis
      from due
      -- A lateral lookup per due client, so a handful of due rows never hashes every membership.
      cross join lateral (select * from memberships m0 where m0.org_id = ${org} and m0.id = due.client_id and m0.role = 'client') m
      join users u on u.id = m.user_id
      left join marked mk on mk.client_id = m.id
      left join client_metrics cm on cm.org_id = ${org} and cm.client_id = m.id
      where ${scope.visible}
    ),
    computed as (
      select v.*, links.coach_ids, links.cohort_ids, apps.active_applications, iv.interviews_this_week, iv.interviews_next_week,
        rem.follow_ups_due, rem.overdue_reminders,
        com.overdue_commitments, com.commitments_due, com.commitments_on_time,
        ty.thank_you_due, ty.thank_you_on_time, ci.check_ins_due, ci.check_ins_on_time,
        act.last_activity_at, oc.first_interview_at, oc.first_offer_at, oc.placed_at, fu.funnel, wk.weeks,
        coalesce(nx.changes_at, 'infinity') as changes_at, b.now as computed_at
      from v
      cross join bounds b
      -- The chart group (after v, so only due clients are looked up); the trigger that sums the
      -- groups reads it again under the row lock.
      cross join lateral client_metric_links(${org}, v.client_id) links
      left join lateral (
        select count(*)::int as active_applications
        from applications a
        where a.org_id = ${org} and a.client_id = v.client_id and ${openApplicationSql("a")}
      ) apps on true
      left join lateral (
        select
          count(*) filter (where i.starts_at < b.next_week_start)::int as interviews_this_week,
          count(*) filter (where i.starts_at >= b.next_week_start)::int as interviews_next_week
        from interviews i
        where i.org_id = ${org} and i.client_id = v.client_id and i.status <> 'cancelled'
          and i.starts_at >= b.week_start and i.starts_at < b.week_after_start
      ) iv on true
      left join lateral (
        select
          count(*) filter (where r.due_at >= b.now)::int as follow_ups_due,
          count(*) filter (where r.due_at < b.now)::int as overdue_reminders
        from reminders r
        where r.org_id = ${org} and r.client_id = v.client_id and r.status = 'pending'
          and r.due_at < b.end_of_today and r.kind not in ${NOT_FOLLOW_UPS}
      ) rem on true
      left join lateral (
        select
          count(*) filter (where ${owedCommitmentSql("c")} and c.due_at < b.now)::int as overdue_commitments,
          count(*) filter (where c.due_at >= b.since and c.due_at <= b.now)::int as commitments_due,
          count(*) filter (where c.due_at >= b.since and c.due_at <= b.now and c.done_at <= c.due_at)::int as commitments_on_time
        from commitments c
        where c.org_id = ${org} and c.client_id = v.client_id and c.due_at <= b.now and c.released_at is null
      ) com on true
      left join lateral (
        select
          count(*)::int as thank_you_due,
          count(*) filter (where p.thank_you_sent_at <= i.ends_at + make_interval(hours => b.window_hours))::int as thank_you_on_time
        from interviews i
        join interview_participants p on p.org_id = i.org_id and p.interview_id = i.id
        where i.org_id = ${org} and i.client_id = v.client_id and i.status <> 'cancelled'
          and i.starts_at >= b.since - interval '1 day' and i.starts_at <= b.now
          and i.ends_at >= b.since and i.ends_at <= b.now
          and (i.ends_at + make_interval(hours => b.window_hours) <= b.now or p.thank_you_sent_at is not null)
      ) ty on true
      left join lateral (
        select
          count(*)::int as check_ins_due,
          count(*) filter (where owed.on_time)::int as check_ins_on_time
        from (
          select
            t.target,
            ${checkInSentOnTime(org)} as on_time
          from ${interviewsWithCheckInDay}
          where i.org_id = ${org} and i.client_id = v.client_id and ${checkInOwedCondition}
            and i.starts_at >= b.since - interval '120 days' and i.starts_at <= b.now
            and t.target >= b.today - ${FOLLOW_THROUGH_DAYS}::int and t.target <= b.today
        ) owed
        where owed.on_time or owed.target + ${CHECK_IN_GRACE_DAYS}::int < b.today
      ) ci on true
      left join lateral (
        select max(ac.occurred_at) as last_activity_at
        from activities ac
        where ac.org_id = ${org} and ac.client_id = v.client_id
      ) act on true
      left join lateral (
        select
          (select min(i.starts_at) from interviews i
            where i.org_id = ${org} and i.client_id = v.client_id and i.status <> 'cancelled') as first_interview_at,
          (select min(x) from (
            select h.changed_at as x
            from applications a join application_status_history h on h.org_id = a.org_id and h.application_id = a.id
            where a.org_id = ${org} and a.client_id = v.client_id and h.to_status in ('offer', 'accepted')
            union all
            select a.status_changed_at from applications a
            where a.org_id = ${org} and a.client_id = v.client_id and a.status in ('offer', 'accepted')
          ) offers) as first_offer_at,
          (select min(a.status_changed_at) from applications a
            where a.org_id = ${org} and a.client_id = v.client_id and a.status = 'accepted') as placed_at
      ) oc on true
      left join lateral (
        -- The charts' funnel: each application's furthest stage, from its status and its history.
        select array[
          count(*) filter (where r.stage >= 1), count(*) filter (where r.stage >= 2), count(*) filter (where r.stage >= 3),
          count(*) filter (where r.stage >= 4), count(*) filter (where r.stage >= 5)]::int[] as funnel
        from (
          select greatest(
            array_position(array['saved','applied','interviewing','offer','accepted']::application_status[], a.status),
            (select max(array_position(array['saved','applied','interviewing','offer','accepted']::application_status[], h.to_status))
              from application_status_history h where h.org_id = ${org} and h.application_id = a.id)
          ) as stage
          from applications a
          where a.org_id = ${org} and a.client_id = v.client_id
        ) r
      ) fu on true
      left join lateral (
        -- The charts' weeks: follow-ups bucketed by their deadline (the same on-time rules as the
        -- overview), and interviews by their start, from the charts' first week on.
        select coalesce(jsonb_object_agg(x.week, jsonb_build_array(x.due, x.on_time, x.interviews)), '{}'::jsonb) as weeks
        from (
          select to_char(date_trunc('week', e.at at time zone b.tz), 'YYYY-MM-DD') as week,
            sum(e.due)::int as due, sum(e.on_time)::int as on_time, sum(e.interviews)::int as interviews
          from (
            select i.ends_at + make_interval(hours => b.window_hours) as at, 1 as due,
              coalesce(p.thank_you_sent_at <= i.ends_at + make_interval(hours => b.window_hours), false)::int as on_time, 0 as interviews
            from interviews i
            join interview_participants p on p.org_id = i.org_id and p.interview_id = i.id
            where i.org_id = ${org} and i.client_id = v.client_id and i.status <> 'cancelled'
              and i.starts_at >= b.chart_since - interval '8 days' and i.ends_at + make_interval(hours => b.window_hours) >= b.chart_since
              and i.ends_at + make_interval(hours => b.window_hours) <= b.now
            union all
            select c.due_at, 1, coalesce(c.done_at <= c.due_at, false)::int, 0
            from commitments c
            where c.org_id = ${org} and c.client_id = v.client_id and c.due_at >= b.chart_since and c.due_at <= b.now and c.released_at is null
            union all
            select ((t.target + ${CHECK_IN_GRACE_DAYS + 1}::int)::timestamp at time zone b.tz), 1,
              ${checkInSentOnTime(org)}::int, 0
            from ${interviewsWithCheckInDay}
            where i.org_id = ${org} and i.client_id = v.client_id and ${checkInOwedCondition}
              and i.starts_at >= b.chart_since - interval '120 days'
              and ((t.target + ${CHECK_IN_GRACE_DAYS + 1}::int)::timestamp at time zone b.tz) between b.chart_since and b.now
            union all
            select i.starts_at, 0, 0, 1
            from interviews i
            where i.org_id = ${org} and i.client_id = v.client_id and i.status <> 'cancelled' and i.starts_at >= b.chart_since
          ) e
          group by 1
        ) x
      ) wk on true
      left join lateral (
        select min(x) as changes_at from (
          -- The week turns: an interview enters "next week" at the start of the week before its
          -- own, becomes "this week" when its week starts, and drops out when the next one does.
          select y as x from interviews i
          cross join lateral (select date_trunc('week', i.starts_at at time zone b.tz) as ws) w
          cross join lateral unnest(array[
            (w.ws - interval '7 days') at time zone b.tz,
            w.ws at time zone b.tz,
            (w.ws + interval '7 days') at time zone b.tz
          ]) y
          where i.org_id = ${org} and i.client_id = v.client_id and i.status <> 'cancelled' and i.starts_at >= b.week_start
          union all
          -- Thank-yous (start, end, window closing, leaving the window) and check-ins (target day,
          -- grace over, leaving the window) of every interview still inside either window.
          select y from interviews i
          cross join lateral (
            select ${checkInTargetDay} as target
          ) t
          cross join lateral unnest(array[
            i.starts_at,
            i.ends_at,
            i.ends_at + make_interval(hours => b.window_hours),
            i.ends_at + make_interval(days => ${FOLLOW_THROUGH_DAYS}::int) + interval '1 microsecond',
            i.starts_at + make_interval(days => ${FOLLOW_THROUGH_DAYS + 1}::int) + interval '1 microsecond',
            i.starts_at + make_interval(days => ${FOLLOW_THROUGH_DAYS + 120}::int) + interval '1 microsecond',
            t.target::timestamp at time zone b.tz,
            (t.target + ${CHECK_IN_GRACE_DAYS + 1}::int)::timestamp at time zone b.tz,
            (t.target + ${FOLLOW_THROUGH_DAYS + 1}::int)::timestamp at time zone b.tz
          ]) y
          where i.org_id = ${org} and i.client_id = v.client_id and i.status <> 'cancelled'
            and i.starts_at >= b.since - interval '120 days'
          union all
          -- A pending reminder: overdue just after its due time; due today once today reaches it.
          select case when r.due_at < b.end_of_today then r.due_at + interval '1 microsecond' else b.end_of_today end
          from reminders r
          where r.org_id = ${org} and r.client_id = v.client_id and r.status = 'pending'
            and r.due_at >= b.now and r.kind not in ${NOT_FOLLOW_UPS}
          union all
          -- A commitment: due at its time, overdue just after, out of the window 90 days later.
          select y from commitments c
          cross join lateral unnest(array[
            c.due_at,
            c.due_at + interval '1 microsecond',
            c.due_at + make_interval(days => ${FOLLOW_THROUGH_DAYS}::int) + interval '1 microsecond'
          ]) y
          where c.org_id = ${org} and c.client_id = v.client_id and c.released_at is null
            and c.due_at >= b.since - interval '1 day'
        ) candidates
        where x > b.now
      ) nx on true
    ),
    written as (
      insert into client_metrics as cm (org_id, client_id, status, name, email, joined_at,
        active_applications, interviews_this_week, interviews_next_week, follow_ups_due, overdue_reminders,
        overdue_commitments, thank_you_due, thank_you_on_time, check_ins_due, check_ins_on_time,
        commitments_due, commitments_on_time, last_activity_at, first_interview_at, first_offer_at, placed_at,
        funnel, weeks, coach_ids, cohort_ids, changes_at, computed_at, basis)
      select ${org}, client_id, status, name, email, joined_at,
        active_applications, interviews_this_week, interviews_next_week, follow_ups_due, overdue_reminders,
        overdue_commitments, thank_you_due, thank_you_on_time, check_ins_due, check_ins_on_time,
        commitments_due, commitments_on_time, last_activity_at, first_interview_at, first_offer_at, placed_at,
        funnel, weeks, coach_ids, cohort_ids, changes_at, computed_at, basis
      from computed
      on conflict (org_id, client_id) do update set
        status = excluded.status, name = excluded.name, email = excluded.email, joined_at = excluded.joined_at,
        active_applications = excluded.active_applications,
        interviews_this_week = excluded.interviews_this_week, interviews_next_week = excluded.interviews_next_week,
        follow_ups_due = excluded.follow_ups_due, overdue_reminders = excluded.overdue_reminders,
        overdue_commitments = excluded.overdue_commitments,
        thank_you_due = excluded.thank_you_due, thank_you_on_time = excluded.thank_you_on_time,
        check_ins_due = excluded.check_ins_due, check_ins_on_time = excluded.check_ins_on_time,
        commitments_due = excluded.commitments_due, commitments_on_time = excluded.commitments_on_time,
        last_activity_at = excluded.last_activity_at, first_interview_at = excluded.first_interview_at,
        first_offer_at = excluded.first_offer_at, placed_at = excluded.placed_at,
        funnel = excluded.funnel, weeks = excluded.weeks, coach_ids = excluded.coach_ids, cohort_ids = excluded.cohort_ids,
        changes_at = excluded.changes_at, computed_at = excluded.computed_at, basis = excluded.basis
      -- A recomputation that waited for a newer one (it read an older mark) must not overwrite it.
      where cm.basis <= excluded.basis
      returning cm.client_id
    ),
    cleared as (
      -- Only the marks this statement read: a version bumped meanwhile (a write committed after
      -- our snapshot) fails the re-check under the row lock and stays for the next reader.
      delete from client_metric_marks mk using marked s
      where mk.org_id = ${org} and mk.client_id = s.client_id and mk.version = s.version
        and s.client_id in (select client_id from v)
      returning mk.client_id
    )
    select (select count(*) from written)::int as refreshed, (select count(*) from cleared)::int as cleared
    `,
  );
  return row?.refreshed ?? 0;
}

/** The caller's visible clients, as the overview, export, charts and outcomes see them. */
export const refreshVisibleMetrics = (db: Executor, scope: CoachScope, now?: Date) =>
  refreshClientMetrics(
    db,
    { orgId: scope.orgId, visible: visibleClientCondition(scope), visibleKept: visibleClientCondition(scope, "cm", "client_id") },
    now,
  );

/**
 * `unsafe`: runs as the system role across tenants (each organisation's statement scoped to it).
 * For the delivery schedule: brings every organisation's rows up to
 * date — marked by writes or past their next change — so readers rarely find work left. One
 * statement per organisation that has any, each in its own short transaction.
 */
export async function unsafeRefreshAllClientMetrics(
  db: { transaction: <T>(work: (tx: Executor) => Promise<T>) => Promise<T> } & Executor,
  now: Date = new Date(),
) {
  const orgs = await rows<{ org_id: string }>(
    db,
    sql`select org_id from client_metric_marks
        union select org_id from client_metrics where changes_at <= ${now.toISOString()}::timestamptz`,
  );
  let refreshed = 0;
  for (const { org_id } of orgs) {
    refreshed += await db.transaction(async (tx) => {
      // As in tenant transactions (db/index.ts): compiling this statement costs more than running it.
      await tx.execute(sql`select set_config('jit', 'off', true)`);
      const count = await refreshClientMetrics(tx, { orgId: org_id, visible: sql`true` }, now);
      // Chart groups whose last client moved away (and weeks summing to nothing) are dropped here,
      // off the readers' path; a writer adding to one meanwhile recreates it.
      await tx.execute(sql`delete from client_metric_group_weeks where org_id = ${org_id} and due = 0 and on_time = 0 and interviews = 0`);
      await tx.execute(sql`delete from client_metric_groups where org_id = ${org_id} and clients = 0 and funnel = '{0,0,0,0,0}'`);
      return count;
    });
  }
  return refreshed;
}
