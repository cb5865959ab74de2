import { checkInOutlookRowsSql, toCheckInOutlooks } from "../applications/check-in";
import { owedCommitmentSql } from "../applications/closing";
import { sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { preparedRows } from "@/db/sql";
import { jsonList, parseJson } from "../json";
import type { ClientRef } from "../scope";
import { APPLICATION_STATUSES } from "../applications/status";
import type { ApplicationStatus, DraftKind, DraftStatus, InterviewKind, ReminderKind } from "@/lib/vocabulary";

export const PIPELINE_COLUMNS: ApplicationStatus[] = [...APPLICATION_STATUSES];

export type DetailApplication = { id: string; roleTitle: string; companyName: string; status: ApplicationStatus; statusChangedAt: Date; archivedAt: Date | null };
export type DetailInterview = {
  id: string; applicationId: string; roleTitle: string; companyName: string; round: number; kind: InterviewKind;
  startsAt: Date; endsAt: Date; timeZone: string; location: string | null; status: string; debriefedAt: Date | null;
  nextSteps: string | null; agreedCheckInOn: string | null; notBeforeOn: string | null;
  participants: Array<{ contactId: string; name: string; thankYouSentAt: Date | null; thankYouHandwritten: boolean }>;
};
export type DetailDraft = {
  id: string; kind: DraftKind; subject: string; body: string; status: DraftStatus; handwritten: boolean; sentAt: Date | null; updatedAt: Date;
  contactName: string | null; comments: Array<{ id: string; body: string; authorName: string; createdAt: Date }>;
};
export type DetailReminder = { id: string; kind: ReminderKind; reason: string; dueAt: Date; status: string; sentAt: Date | null; lastError: string | null };
export type DetailActivity = { id: string; kind: string; summary: string; occurredAt: Date; actorName: string | null };
export type DetailCommitment = { id: string; description: string; source: string; dueAt: Date; doneAt: Date | null; releasedAt: Date | null; assignedByName: string | null; applicationId: string | null };
export type DetailNote = { id: string; body: string; visibility: "private" | "shared"; authorMembershipId: string; authorName: string; createdAt: Date; updatedAt: Date };
export type DetailNudge = { id: string; message: string; coachName: string; readAt: Date | null; createdAt: Date };

const LIMIT = 50;

/**
 * Everything the coach sees on one client's page, in one SQL statement: each section is a json
 * list built by a subquery scoped to (org_id, client_id), so the cost does not depend on how many
 * sections or rows there are in statements, and prepared: planning it cost more than running it.
 * The caller was checked by `clientProcedure`.
 */
export async function clientDetail(db: Executor, scope: ClientRef, now: Date = new Date()) {
  const { orgId: org, clientId } = scope;
  const nowIso = now.toISOString();
  const [row] = await preparedRows<Record<string, unknown>>(
    db,
    "client_detail",
    sql`select
      (select json_build_object('clientId', m.id, 'name', u.name, 'email', u.email, 'timeZone', u.time_zone,
          'headline', u.headline, 'status', m.status, 'joinedAt', m.created_at)
        from memberships m join users u on u.id = m.user_id
        where m.org_id = ${org} and m.id = ${clientId}) as profile,
      ${jsonList(sql`select cm.id as "membershipId", coalesce(cu.name, cu.email) as name
        from coach_assignments ca
        join memberships cm on cm.org_id = ca.org_id and cm.id = ca.coach_membership_id
        join users cu on cu.id = cm.user_id
        where ca.org_id = ${org} and ca.client_membership_id = ${clientId}
        order by 2`)} as coaches,
      ${jsonList(sql`select c.id, c.name, c.archived_at as "archivedAt"
        from cohort_members cmb join cohorts c on c.org_id = cmb.org_id and c.id = cmb.cohort_id
        where cmb.org_id = ${org} and cmb.client_membership_id = ${clientId}
        order by lower(c.name)`)} as cohorts,
      ${jsonList(sql`select a.id, a.role_title as "roleTitle", co.name as "companyName", a.status,
          a.status_changed_at as "statusChangedAt", a.archived_at as "archivedAt"
        from applications a join companies co on co.org_id = a.org_id and co.id = a.company_id
        where a.org_id = ${org} and a.client_id = ${clientId} and a.archived_at is null
        order by a.status_changed_at desc
        limit 500`)} as applications,
      ${jsonList(sql`select i.id, i.application_id as "applicationId", a.role_title as "roleTitle", co.name as "companyName",
          i.round, i.kind, i.starts_at as "startsAt", i.ends_at as "endsAt", i.time_zone as "timeZone", i.location, i.status,
          i.debriefed_at as "debriefedAt", i.next_steps as "nextSteps", i.agreed_check_in_on as "agreedCheckInOn",
          i.not_before_on as "notBeforeOn",
          ${jsonList(sql`select p.contact_id as "contactId", c.name, p.thank_you_sent_at as "thankYouSentAt",
              p.thank_you_handwritten as "thankYouHandwritten"
            from interview_participants p join contacts c on c.org_id = p.org_id and c.id = p.contact_id
            where p.org_id = ${org} and p.interview_id = i.id order by c.name`)} as participants
        from interviews i
        join applications a on a.org_id = i.org_id and a.id = i.application_id
        join companies co on co.org_id = a.org_id and co.id = a.company_id
        where i.org_id = ${org} and i.client_id = ${clientId} and i.status <> 'cancelled'
          -- Upcoming ones, and recent ones still waiting for their debrief.
          and (i.starts_at >= ${nowIso}::timestamptz
            or (i.debriefed_at is null and i.starts_at >= ${nowIso}::timestamptz - interval '30 days'))
        order by i.starts_at
        limit ${LIMIT}`)} as interviews,
      ${jsonList(sql`select d.id, d.kind, d.subject, d.body, d.status, d.handwritten, d.sent_at as "sentAt",
          d.updated_at as "updatedAt", c.name as "contactName",
          ${jsonList(sql`select dc.id, dc.body, coalesce(au.name, au.email) as "authorName", dc.created_at as "createdAt"
            from draft_comments dc
            join memberships am on am.org_id = dc.org_id and am.id = dc.author_membership_id
            join users au on au.id = am.user_id
            where dc.org_id = ${org} and dc.draft_id = d.id order by dc.created_at`)} as comments
        from drafts d left join contacts c on c.org_id = d.org_id and c.id = d.contact_id
        where d.org_id = ${org} and d.client_id = ${clientId} and d.status <> 'discarded'
        order by d.updated_at desc
        limit ${LIMIT}`)} as drafts,
      ${jsonList(sql`select r.id, r.kind, r.reason, r.due_at as "dueAt", r.status, r.sent_at as "sentAt", r.last_error as "lastError"
        from reminders r
        where r.org_id = ${org} and r.client_id = ${clientId} and r.status in ('pending', 'failed')
        order by r.due_at
        limit ${LIMIT}`)} as "scheduledReminders",
      ${jsonList(sql`select r.id, r.kind, r.reason, r.due_at as "dueAt", r.status, r.sent_at as "sentAt", r.last_error as "lastError"
        from reminders r
        where r.org_id = ${org} and r.client_id = ${clientId} and r.status = 'sent'
        order by r.due_at desc
        limit ${LIMIT}`)} as "sentReminders",
      ${jsonList(sql`select ac.id, ac.kind, ac.summary, ac.occurred_at as "occurredAt", au.name as "actorName"
        from activities ac left join users au on au.id = ac.actor_user_id
        where ac.org_id = ${org} and ac.client_id = ${clientId}
        order by ac.occurred_at desc
        limit ${LIMIT}`)} as timeline,
      ${jsonList(sql`select cm.id, cm.description, cm.source, cm.due_at as "dueAt", cm.done_at as "doneAt", cm.released_at as "releasedAt",
          cm.application_id as "applicationId", coalesce(bu.name, bu.email) as "assignedByName"
        from commitments cm
        left join memberships bm on bm.org_id = cm.org_id and bm.id = cm.assigned_by_membership_id
        left join users bu on bu.id = bm.user_id
        where cm.org_id = ${org} and cm.client_id = ${clientId}
        order by not ${owedCommitmentSql("cm")}, cm.due_at desc
        limit 100`)} as commitments,
      ${jsonList(sql`select n.id, n.body, n.visibility, n.author_membership_id as "authorMembershipId",
          coalesce(au.name, au.email) as "authorName", n.created_at as "createdAt", n.updated_at as "updatedAt"
        from coach_notes n
        join memberships am on am.org_id = n.org_id and am.id = n.author_membership_id
        join users au on au.id = am.user_id
        where n.org_id = ${org} and n.client_id = ${clientId}
        order by n.created_at desc
        limit 100`)} as notes,
      ${jsonList(sql`select nu.id, nu.message, coalesce(cu.name, cu.email) as "coachName", nu.read_at as "readAt", nu.created_at as "createdAt"
        from nudges nu
        join memberships cm on cm.org_id = nu.org_id and cm.id = nu.coach_membership_id
        join users cu on cu.id = cm.user_id
        where nu.org_id = ${org} and nu.client_id = ${clientId}
        order by nu.created_at desc
        limit ${LIMIT}`)} as nudges,
      ${jsonList(checkInOutlookRowsSql(scope))} as "checkIns"`,
  );
  const r = row!;
  const applications = parseJson<DetailApplication[]>(r.applications);
  const pipeline = PIPELINE_COLUMNS.map((status) => ({ status, applications: applications.filter((a) => a.status === status) }));
  return {
    profile: parseJson<{ clientId: string; name: string | null; email: string; timeZone: string; headline: string | null; status: "active" | "archived"; joinedAt: Date }>(r.profile),
    coaches: parseJson<Array<{ membershipId: string; name: string }>>(r.coaches),
    /** The cohorts the client belongs to (archived ones too, marked). */
    cohorts: parseJson<Array<{ id: string; name: string; archivedAt: Date | null }>>(r.cohorts),
    pipeline,
    interviews: parseJson<DetailInterview[]>(r.interviews),
    drafts: parseJson<DetailDraft[]>(r.drafts),
    scheduledReminders: parseJson<DetailReminder[]>(r.scheduledReminders),
    sentReminders: parseJson<DetailReminder[]>(r.sentReminders),
    timeline: parseJson<DetailActivity[]>(r.timeline),
    commitments: parseJson<DetailCommitment[]>(r.commitments),
    notes: parseJson<DetailNote[]>(r.notes),
    nudges: parseJson<DetailNudge[]>(r.nudges),
    checkIns: toCheckInOutlooks(r.checkIns),
  };
}
export type ClientDetail = Awaited<ReturnType<typeof clientDetail>>;
