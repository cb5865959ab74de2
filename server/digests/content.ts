import { interviewApplicationIsOpen, owedCommitment } from "../services/applications/closing";
import { companyOfApplication, contactNamedBy, membershipNamedBy, userOfMembership } from "@/server/services/joins";
import { and, asc, desc, eq, gte, inArray, isNull, lt, max, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import {
  activities,
  applications,
  applicationStatusHistory,
  coachAssignments,
  commitments,
  companies,
  contacts,
  drafts,
  interviewParticipants,
  interviews,
  memberships,
  reminders,
  users,
  type FollowUpPolicy,
} from "@/db/schema";
import type { ClientWeeklyDigestProps, CoachDigestClient, DigestFollowUp } from "@/emails";
import { isActiveStatus } from "../followup/planner";
import { actionFor } from "../services/dashboard/actions";
import type { AppLinks } from "../delivery/links";

/**
 * What the weekly digests say, read at delivery time (a digest planned on Sunday reports Monday's
 * state). Unsafe: runs on the owner connection for the delivery worker, so every query carries
 * the reminder's own org_id and the recipient's own client ids instead of relying on RLS.
 */

type Window = { orgId: string; now: Date; policy: FollowUpPolicy; links: AppLinks };

const DAY_MS = 86_400_000;
/** Thank-you notes older than this are no longer worth a line in a digest. */
const THANK_YOU_LOOKBACK_DAYS = 14;
const ITEMS_PER_SECTION = 10;
const ITEMS_PER_CLIENT = 5;
const KEEP_LEARNING_COMPANIES = 5;

/** The reminder kinds whose work a digest lists as "due this week" (promises come from their own rows). */
const WEEKLY_FOLLOW_UP_KINDS = [
  "thank_you_due",
  "check_in",
  "proposal_suggestion",
  "networking_suggestion",
  "rejection_follow_through",
  "reconnect",
] as const;

/**
 * What each client has let slip: open promises past due, and interviewers not yet thanked once
 * the policy's window after the interview has closed (a handwritten note counts as thanked).
 */
async function overdueByClient(db: Executor, w: Window, clientIds: readonly string[]): Promise<Map<string, DigestFollowUp[]>> {
  const byClient = new Map<string, DigestFollowUp[]>(clientIds.map((id) => [id, []]));
  if (clientIds.length === 0) return byClient;
  const ids = [...clientIds];

  const promises = await db
    .select({ id: commitments.id, clientId: commitments.clientId, description: commitments.description, dueAt: commitments.dueAt, contactName: contacts.name })
    .from(commitments)
    .leftJoin(contacts, contactNamedBy(commitments))
    .where(and(eq(commitments.orgId, w.orgId), inArray(commitments.clientId, ids), owedCommitment, lt(commitments.dueAt, w.now)))
    .orderBy(asc(commitments.dueAt));
  const items = promises.map((p) => ({
    clientId: p.clientId,
    title: p.contactName ? `${p.description} (promised to ${p.contactName})` : p.description,
    dueAt: p.dueAt,
    url: w.links.commitment(p.id),
  }));

  const windowMs = w.policy.thankYouWindowHours * 3_600_000;
  const thankYouDraft = sql<string | null>`(
    select d.id from ${drafts} d
    where d.org_id = ${interviewParticipants.orgId} and d.interview_id = ${interviewParticipants.interviewId}
      and d.contact_id = ${interviewParticipants.contactId} and d.kind = 'thank_you' and d.status = 'draft'
    order by d.created_at desc limit 1
  )`;
  const unthanked = await db
    .select({
      clientId: interviews.clientId,
      interviewId: interviews.id,
      endsAt: interviews.endsAt,
      name: contacts.name,
      draftId: thankYouDraft,
    })
    .from(interviewParticipants)
    .innerJoin(interviews, and(eq(interviews.orgId, interviewParticipants.orgId), eq(interviews.id, interviewParticipants.interviewId)))
    .innerJoin(contacts, contactNamedBy(interviewParticipants))
    .where(
      and(
        eq(interviewParticipants.orgId, w.orgId),
        inArray(interviews.clientId, ids),
        sql`${interviews.status} <> 'cancelled'`,
        interviewApplicationIsOpen,
        isNull(interviewParticipants.thankYouSentAt),
        eq(interviewParticipants.thankYouHandwritten, false),
        lt(interviews.endsAt, new Date(+w.now - windowMs)),
        gte(interviews.endsAt, new Date(+w.now - THANK_YOU_LOOKBACK_DAYS * DAY_MS)),
      ),
    )
    .orderBy(asc(interviews.endsAt), asc(contacts.name));
  items.push(
    ...unthanked.map((t) => ({
      clientId: t.clientId,
      title: `Thank-you note to ${t.name}`,
      dueAt: new Date(+t.endsAt + windowMs),
      url: t.draftId ? w.links.draft(t.draftId) : w.links.interview(t.interviewId),
    })),
  );

  for (const { clientId, ...item } of items.sort((a, b) => +a.dueAt - +b.dueAt)) byClient.get(clientId)?.push(item);
  return byClient;
}

export type ClientDigestContent = Pick<
  ClientWeeklyDigestProps,
  "upcomingInterviews" | "followUpsDue" | "followUpsOverdue" | "draftsWaiting" | "keepLearning"
>;

export function isEmptyClientDigest(content: ClientDigestContent): boolean {
  return Object.values(content).every((list) => list.length === 0);
}

/** One client's week: from now to the end of the digest's week (`weekEnd`). */
export async function unsafeClientDigestContent(
  db: Executor,
  w: Window & { orgSlug: string; clientId: string; weekEnd: Date },
): Promise<ClientDigestContent> {
  const { orgId, clientId, now, weekEnd, links } = w;
  const applicationOf = and(eq(applications.orgId, orgId), eq(applications.clientId, clientId));

  const upcoming = await db
    .select({ id: interviews.id, startsAt: interviews.startsAt, kind: interviews.kind, roleTitle: applications.roleTitle, companyName: companies.name })
    .from(interviews)
    .innerJoin(applications, and(applicationOf, eq(applications.id, interviews.applicationId)))
    .innerJoin(companies, companyOfApplication)
    .where(
      and(
        eq(interviews.orgId, orgId),
        eq(interviews.clientId, clientId),
        eq(interviews.status, "scheduled"),
        gte(interviews.startsAt, now),
        lt(interviews.startsAt, weekEnd),
      ),
    )
    .orderBy(asc(interviews.startsAt))
    .limit(ITEMS_PER_SECTION);

  const dueReminders = await db
    .select({
      kind: reminders.kind,
      dueAt: reminders.dueAt,
      applicationId: reminders.applicationId,
      interviewId: reminders.interviewId,
      roleTitle: applications.roleTitle,
      companyName: companies.name,
    })
    .from(reminders)
    .leftJoin(applications, and(applicationOf, eq(applications.id, reminders.applicationId)))
    .leftJoin(companies, companyOfApplication)
    .where(
      and(
        eq(reminders.orgId, orgId),
        eq(reminders.clientId, clientId),
        eq(reminders.recipientMembershipId, clientId),
        eq(reminders.status, "pending"),
        inArray(reminders.kind, [...WEEKLY_FOLLOW_UP_KINDS]),
        gte(reminders.dueAt, now),
        lt(reminders.dueAt, weekEnd),
      ),
    )
    .orderBy(asc(reminders.dueAt))
    .limit(ITEMS_PER_SECTION);
  const duePromises = await db
    .select({ id: commitments.id, description: commitments.description, dueAt: commitments.dueAt })
    .from(commitments)
    .where(
      and(
        eq(commitments.orgId, orgId),
        eq(commitments.clientId, clientId),
        owedCommitment,
        gte(commitments.dueAt, now),
        lt(commitments.dueAt, weekEnd),
      ),
    )
    .orderBy(asc(commitments.dueAt))
    .limit(ITEMS_PER_SECTION);
  const followUpsDue: DigestFollowUp[] = [
    ...dueReminders.map((r) => {
      const action = actionFor(w.orgSlug, r, null);
      const about = r.companyName ? `: ${r.companyName}, ${r.roleTitle}` : "";
      return { title: `${action.label}${about}`, dueAt: r.dueAt, url: links.path(action.href) };
    }),
    ...duePromises.map((c) => ({ title: c.description, dueAt: c.dueAt, url: links.commitment(c.id) })),
  ]
    .sort((a, b) => +a.dueAt - +b.dueAt)
    .slice(0, ITEMS_PER_SECTION);

  const waiting = await db
    .select({ id: drafts.id, kind: drafts.kind, subject: drafts.subject, recipientName: contacts.name })
    .from(drafts)
    .leftJoin(contacts, contactNamedBy(drafts))
    .where(and(eq(drafts.orgId, orgId), eq(drafts.clientId, clientId), eq(drafts.status, "draft")))
    .orderBy(desc(drafts.updatedAt), desc(drafts.id))
    .limit(ITEMS_PER_SECTION);

  // Rule 8, keep learning: one line per company the client is still in the running with.
  const learning = await db
    .select({
      companyId: companies.id,
      companyName: companies.name,
      roleTitle: applications.roleTitle,
      status: applications.status,
      lastNoteAt: companies.researchUpdatedAt,
    })
    .from(applications)
    .innerJoin(companies, companyOfApplication)
    .where(and(applicationOf, isNull(applications.archivedAt)))
    .orderBy(sql`${companies.researchUpdatedAt} asc nulls first`, asc(companies.name));
  const seen = new Set<string>();
  const keepLearning = learning
    .filter((row) => isActiveStatus(row.status) && !seen.has(row.companyId) && seen.add(row.companyId))
    .slice(0, KEEP_LEARNING_COMPANIES)
    .map((row) => ({ companyName: row.companyName, roleTitle: row.roleTitle, lastNoteAt: row.lastNoteAt, researchUrl: links.company(row.companyId) }));

  const overdue = await overdueByClient(db, w, [clientId]);
  return {
    upcomingInterviews: upcoming.map((i) => ({ companyName: i.companyName, roleTitle: i.roleTitle, startsAt: i.startsAt, kind: i.kind, url: links.interview(i.id) })),
    followUpsDue,
    followUpsOverdue: (overdue.get(clientId) ?? []).slice(0, ITEMS_PER_SECTION),
    draftsWaiting: waiting.map((d) => ({ kind: d.kind, recipientName: d.recipientName ?? "the employer", subject: d.subject, editUrl: links.draft(d.id) })),
    keepLearning,
  };
}

/**
 * A coach's week: for each active client assigned to them in this organisation, the
 * applications that moved in the last seven days, what is overdue, and whether they have gone
 * quiet (no activity, or since joining none, for the policy's gone-quiet days).
 */
export async function unsafeCoachDigestClients(db: Executor, w: Window & { coachMembershipId: string }): Promise<CoachDigestClient[]> {
  const { orgId, now, links } = w;
  const assigned = await db
    .select({ id: memberships.id, name: users.name, email: users.email, joinedAt: memberships.createdAt })
    .from(coachAssignments)
    .innerJoin(memberships, membershipNamedBy(coachAssignments.orgId, coachAssignments.clientMembershipId))
    .innerJoin(users, userOfMembership)
    .where(and(eq(coachAssignments.orgId, orgId), eq(coachAssignments.coachMembershipId, w.coachMembershipId), eq(memberships.status, "active")))
    .orderBy(sql`coalesce(${users.name}, ${users.email})`);
  if (assigned.length === 0) return [];
  const ids = assigned.map((client) => client.id);

  const moves = await db
    .select({
      clientId: applicationStatusHistory.clientId,
      from: applicationStatusHistory.fromStatus,
      to: applicationStatusHistory.toStatus,
      roleTitle: applications.roleTitle,
      companyName: companies.name,
    })
    .from(applicationStatusHistory)
    .innerJoin(applications, and(eq(applications.orgId, applicationStatusHistory.orgId), eq(applications.id, applicationStatusHistory.applicationId)))
    .innerJoin(companies, companyOfApplication)
    .where(
      and(
        eq(applicationStatusHistory.orgId, orgId),
        inArray(applicationStatusHistory.clientId, ids),
        gte(applicationStatusHistory.changedAt, new Date(+now - 7 * DAY_MS)),
        lt(applicationStatusHistory.changedAt, now),
      ),
    )
    .orderBy(asc(applicationStatusHistory.changedAt));

  const lastActivity = await db
    .select({ clientId: activities.clientId, at: max(activities.occurredAt) })
    .from(activities)
    .where(and(eq(activities.orgId, orgId), inArray(activities.clientId, ids)))
    .groupBy(activities.clientId);
  const lastActivityOf = new Map(lastActivity.map((row) => [row.clientId, row.at]));
  const overdue = await overdueByClient(db, w, ids);
  const quietSince = +now - w.policy.goneQuietDays * DAY_MS;

  return assigned.map((client) => {
    const lastActivityAt = lastActivityOf.get(client.id) ?? null;
    return {
      name: client.name?.trim() || client.email,
      url: links.coachClient(client.id),
      moved: moves
        .filter((m) => m.clientId === client.id)
        .slice(-ITEMS_PER_CLIENT)
        .map((m) => ({ companyName: m.companyName, roleTitle: m.roleTitle, from: m.from, to: m.to })),
      overdue: (overdue.get(client.id) ?? []).slice(0, ITEMS_PER_CLIENT).map(({ title, dueAt }) => ({ title, dueAt })),
      lastActivityAt,
      goneQuiet: +(lastActivityAt ?? client.joinedAt) < quietSince,
    };
  });
}
