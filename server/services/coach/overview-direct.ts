import { openApplicationSql, owedCommitmentSql } from "../applications/closing";
import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db";
import { rows } from "@/db/sql";
import { overviewRow, type OverviewCoach, type OverviewColumns } from "./overview-row";
import { ZDirectOverviewInput, type OverviewSortKey, type TDirectOverviewInput } from "./schemas";
import { NOT_FOLLOW_UPS, visibleClientCondition, type CoachScope } from "./scope";

/** Follow-through is measured over this many days back from now. */
export const FOLLOW_THROUGH_DAYS = 90;
/** A check-in counts as on time when sent on its target day or within this many days after. */
export const CHECK_IN_GRACE_DAYS = 2;

type Group = "co" | "apps" | "iv" | "rem" | "com" | "ty" | "ci" | "act";
const ALL_GROUPS: Group[] = ["co", "apps", "iv", "rem", "com", "ty", "ci", "act"];

/** Derived values, in terms of the lateral groups' columns. */
const DERIVED = {
  overdue: "(rem.overdue_reminders + com.overdue_commitments)",
  thankYouRate: "ty.thank_you_on_time::float8 / nullif(ty.thank_you_due, 0)",
  checkInRate: "ci.check_ins_on_time::float8 / nullif(ci.check_ins_due, 0)",
  commitmentRate: "com.commitments_on_time::float8 / nullif(com.commitments_due, 0)",
  followThroughRate:
    "(ty.thank_you_on_time + ci.check_ins_on_time + com.commitments_on_time)::float8 / nullif(ty.thank_you_due + ci.check_ins_due + com.commitments_due, 0)",
};

/** What each sort needs computed for every visible client (the rest is computed for the page only). */
const SORT: Record<OverviewSortKey, { groups: Group[]; expr: string }> = {
  name: { groups: [], expr: "lower(coalesce(v.name, v.email))" },
  activeApplications: { groups: ["apps"], expr: "apps.active_applications" },
  interviewsThisWeek: { groups: ["iv"], expr: "iv.interviews_this_week" },
  interviewsNextWeek: { groups: ["iv"], expr: "iv.interviews_next_week" },
  followUpsDue: { groups: ["rem"], expr: "rem.follow_ups_due" },
  overdue: { groups: ["rem", "com"], expr: DERIVED.overdue },
  thankYouRate: { groups: ["ty"], expr: DERIVED.thankYouRate },
  checkInRate: { groups: ["ci"], expr: DERIVED.checkInRate },
  commitmentRate: { groups: ["com"], expr: DERIVED.commitmentRate },
  followThroughRate: { groups: ["ty", "ci", "com"], expr: DERIVED.followThroughRate },
  lastActivityAt: { groups: ["act"], expr: "act.last_activity_at" },
};

type RawRow = OverviewColumns & { coaches: OverviewCoach[] | string; total: number | string };

/**
 * The reference computation of the coach overview, read straight from every client's history.
 * The portal reads the kept numbers instead (client_metrics, see metrics.ts); this stays as the
 * definition they are tested against (the property test) and documents what each number means.
 *
 * One row per visible client, every number computed in a
 * single SQL statement (lateral aggregates per client over org_id-leading indexes), sorted,
 * filtered and paginated in the database. The statement count does not grow with the number of
 * clients.
 *
 * Definitions (all over the last FOLLOW_THROUGH_DAYS days, weeks and days in the org's zone):
 * - interviews this / next week: not cancelled, starting in the Monday-based week of now / after.
 * - follow-ups due: pending reminders to the client (not digests or nudges) due between now and
 *   the end of today; overdue: pending reminders already past due, plus open commitments past due.
 * - thank-you on time: per interviewer of a non-cancelled interview that ended in the period,
 *   `thank_you_sent_at <= ends_at + policy.thankYouWindowHours` (a handwritten note counts when it
 *   was marked sent within the window). An interviewer counts as due once the window has closed,
 *   or earlier when the note was already sent.
 * - check-in on time: for each debriefed, non-cancelled interview, the target day is the agreed
 *   check-in date, else the interview's local end date + policy.checkInDefaultDays, and never
 *   before the "not before" date (the playbook's rule 6). It is owed unless the application moved
 *   between the interview and that day, and due once the target day is in the period. It is on
 *   time when a `check_in` draft for that interview was marked sent on the target day or within
 *   CHECK_IN_GRACE_DAYS after; it counts as due once that grace has passed, or earlier when sent.
 *   A check_in reminder being delivered is deliberately not counted: that is our action, not the
 *   client's follow-through.
 * - commitments kept: commitments due in the period (up to now) done by their due time.
 * - follow-through rate: all on-time events over all due events of the three kinds.
 * - gone quiet: no activity (or, with none, no membership) for policy.goneQuietDays.
 *
 * Speed: the statement first computes, for every visible client, only what the sort and the
 * filters need (nothing beyond the name for the default sort), picks the page, and only then
 * computes every number for the page's rows. Each number is a lateral aggregate over an index
 * that starts with (org_id, client_id).
 */
export async function directOverview(db: Executor, scope: CoachScope, rawInput: TDirectOverviewInput, now: Date = new Date()) {
  const input = ZDirectOverviewInput.parse(rawInput);
  const org = scope.orgId;
  const tz = scope.timeZone;
  const nowIso = now.toISOString();
  const window = scope.policy.thankYouWindowHours;
  const quietDays = scope.policy.goneQuietDays;
  const checkInDays = scope.policy.checkInDefaultDays;

  const filters: SQL[] = [sql`m.org_id = ${org}`, sql`m.role = 'client'`, sql`m.status = ${input.status}`, visibleClientCondition(scope)];
  if (input.coachId) {
    filters.push(sql`exists (select 1 from coach_assignments ca_f where ca_f.org_id = m.org_id
      and ca_f.client_membership_id = m.id and ca_f.coach_membership_id = ${input.coachId})`);
  }
  if (input.search) {
    const pattern = `%${input.search.replace(/[%_\\]/g, "\\$&")}%`;
    filters.push(sql`(u.name ilike ${pattern} or u.email ilike ${pattern})`);
  }

  const goneQuiet = sql`coalesce(act.last_activity_at, v.joined_at) < b.now - make_interval(days => ${quietDays}::int)`;
  const laterals: Record<Group, SQL> = {
    co: sql`left join lateral (
        select coalesce(json_agg(json_build_object('membershipId', cm.id, 'name', coalesce(cu.name, cu.email)) order by coalesce(cu.name, cu.email)), '[]'::json) as coaches
        from coach_assignments ca
        join memberships cm on cm.org_id = ca.org_id and cm.id = ca.coach_membership_id
        join users cu on cu.id = cm.user_id
        where ca.org_id = ${org} and ca.client_membership_id = v.client_id
      ) co on true`,
    apps: sql`left join lateral (
        select count(*)::int as active_applications
        from applications a
        where a.org_id = ${org} and a.client_id = v.client_id and ${openApplicationSql("a")}
      ) apps on true`,
    iv: sql`left join lateral (
        select
          count(*) filter (where i.starts_at < b.next_week_start)::int as interviews_this_week,
          count(*) filter (where i.starts_at >= b.next_week_start)::int as interviews_next_week
        from interviews i
        where i.org_id = ${org} and i.client_id = v.client_id and i.status <> 'cancelled'
          and i.starts_at >= b.week_start and i.starts_at < b.week_after_start
      ) iv on true`,
    rem: sql`left join lateral (
        select
          count(*) filter (where r.due_at >= b.now)::int as follow_ups_due,
          count(*) filter (where r.due_at < b.now)::int as overdue_reminders
        from reminders r
        where r.org_id = ${org} and r.client_id = v.client_id and r.status = 'pending'
          and r.due_at < b.end_of_today and r.kind not in ${NOT_FOLLOW_UPS}
      ) rem on true`,
    com: sql`left join lateral (
        select
          count(*) filter (where ${owedCommitmentSql("c")} and c.due_at < b.now)::int as overdue_commitments,
          count(*) filter (where c.due_at >= b.since and c.due_at <= b.now)::int as commitments_due,
          count(*) filter (where c.due_at >= b.since and c.due_at <= b.now and c.done_at <= c.due_at)::int as commitments_on_time
        from commitments c
        -- A promise released by its application closing was never owed.
        where c.org_id = ${org} and c.client_id = v.client_id and c.due_at <= b.now and c.released_at is null
      ) com on true`,
    ty: sql`left join lateral (
        select
          count(*)::int as thank_you_due,
          count(*) filter (where p.thank_you_sent_at <= i.ends_at + make_interval(hours => ${window}::int))::int as thank_you_on_time
        from interviews i
        join interview_participants p on p.org_id = i.org_id and p.interview_id = i.id
        where i.org_id = ${org} and i.client_id = v.client_id and i.status <> 'cancelled'
          -- starts_at bounds the index range; ends_at is the exact condition.
          and i.starts_at >= b.since - interval '1 day' and i.starts_at <= b.now
          and i.ends_at >= b.since and i.ends_at <= b.now
          and (i.ends_at + make_interval(hours => ${window}::int) <= b.now or p.thank_you_sent_at is not null)
      ) ty on true`,
    ci: sql`left join lateral (
        select
          count(*)::int as check_ins_due,
          count(*) filter (where owed.on_time)::int as check_ins_on_time
        from (
          select
            t.target,
            exists (
              select 1 from drafts d
              where d.org_id = ${org} and d.client_id = v.client_id and d.interview_id = i.id
                and d.kind = 'check_in' and d.status = 'sent'
                and d.sent_at >= (t.target::timestamp at time zone ${tz})
                and d.sent_at < ((t.target + ${CHECK_IN_GRACE_DAYS + 1}::int)::timestamp at time zone ${tz})
            ) as on_time
          from interviews i
          join applications a on a.org_id = i.org_id and a.id = i.application_id
          cross join lateral (
            select greatest(coalesce(i.agreed_check_in_on, (i.ends_at at time zone ${tz})::date + ${checkInDays}::int), i.not_before_on) as target
          ) t
          where i.org_id = ${org} and i.client_id = v.client_id and i.status <> 'cancelled' and i.debriefed_at is not null
            and i.starts_at >= b.since - interval '120 days' and i.starts_at <= b.now
            and t.target >= b.today - ${FOLLOW_THROUGH_DAYS}::int and t.target <= b.today
            -- No check-in is owed when the application moved between the interview and the target day.
            and not (a.status_changed_at > i.ends_at and a.status_changed_at < (t.target::timestamp at time zone ${tz}))
        ) owed
        where owed.on_time or owed.target + ${CHECK_IN_GRACE_DAYS}::int < b.today
      ) ci on true`,
    act: sql`left join lateral (
        select max(ac.occurred_at) as last_activity_at
        from activities ac
        where ac.org_id = ${org} and ac.client_id = v.client_id
      ) act on true`,
  };

  const sort = SORT[input.sort];
  const needed = new Set<Group>(sort.groups);
  const keyed: SQL[] = [sql`v.client_id`, sql`v.name`, sql`v.email`, sql.raw(`${sort.expr} as sort_key`)];
  const outer: SQL[] = [sql`true`];
  if (input.goneQuiet !== undefined) {
    needed.add("act");
    outer.push(input.goneQuiet ? sql`(${goneQuiet})` : sql`not (${goneQuiet})`);
  }
  if (input.hasOverdue !== undefined) {
    needed.add("rem");
    needed.add("com");
    outer.push(sql.raw(input.hasOverdue ? `${DERIVED.overdue} > 0` : `${DERIVED.overdue} = 0`));
  }
  const direction = input.direction === "desc" ? "desc" : "asc";
  const order = sql.raw(`sort_key ${direction} nulls last, lower(coalesce(name, email)) asc, client_id asc`);
  const offset = (input.page - 1) * input.pageSize;

  const query = sql`
    with bounds as (
      select
        ${nowIso}::timestamptz as now,
        date_trunc('week', ${nowIso}::timestamptz at time zone ${tz}) at time zone ${tz} as week_start,
        (date_trunc('week', ${nowIso}::timestamptz at time zone ${tz}) + interval '7 days') at time zone ${tz} as next_week_start,
        (date_trunc('week', ${nowIso}::timestamptz at time zone ${tz}) + interval '14 days') at time zone ${tz} as week_after_start,
        (date_trunc('day', ${nowIso}::timestamptz at time zone ${tz}) + interval '1 day') at time zone ${tz} as end_of_today,
        (${nowIso}::timestamptz at time zone ${tz})::date as today,
        ${nowIso}::timestamptz - make_interval(days => ${FOLLOW_THROUGH_DAYS}::int) as since
    ),
    visible as materialized (
      select m.id as client_id, m.status, m.created_at as joined_at, u.name, u.email
      from memberships m
      join users u on u.id = m.user_id
      where ${sql.join(filters, sql` and `)}
    ),
    keyed as (
      select ${sql.join(keyed, sql`, `)}
      from visible v
      cross join bounds b
      ${sql.join(ALL_GROUPS.filter((g) => needed.has(g)).map((g) => laterals[g]), sql`
`)}
      where ${sql.join(outer, sql` and `)}
    ),
    page as materialized (
      select client_id, row_number() over (order by ${order}) as position, count(*) over () as total
      from keyed
      order by ${order}
      limit ${input.pageSize} offset ${offset}
    )
    select
      v.client_id, v.name, v.email, v.status, page.total,
      co.coaches,
      apps.active_applications,
      iv.interviews_this_week, iv.interviews_next_week,
      rem.follow_ups_due, rem.overdue_reminders,
      com.overdue_commitments, com.commitments_due, com.commitments_on_time,
      ty.thank_you_due, ty.thank_you_on_time,
      ci.check_ins_due, ci.check_ins_on_time,
      act.last_activity_at,
      ${goneQuiet} as gone_quiet,
      ${sql.raw(DERIVED.overdue)} as overdue,
      ${sql.raw(DERIVED.thankYouRate)} as thank_you_rate,
      ${sql.raw(DERIVED.checkInRate)} as check_in_rate,
      ${sql.raw(DERIVED.commitmentRate)} as commitment_rate,
      ${sql.raw(DERIVED.followThroughRate)} as follow_through_rate
    from page
    join visible v on v.client_id = page.client_id
    cross join bounds b
    ${sql.join(ALL_GROUPS.map((g) => laterals[g]), sql`\n`)}
    order by page.position
  `;
  const result = await rows<RawRow>(db, query);
  return {
    page: input.page,
    pageSize: input.pageSize,
    total: result.length ? Number(result[0]!.total) : 0,
    rows: result.map(overviewRow),
  };
}
export type DirectOverviewResult = Awaited<ReturnType<typeof directOverview>>;
