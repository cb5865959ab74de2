import { checkInOutlooks } from "../applications/check-in";
import { applicationOfInterview, applicationTitleColumns, companyOfApplication, interviewSummaryColumns, membershipNamedBy, userOfMembership } from "@/server/services/joins";
import { REMINDER_KIND_LABEL } from "@/lib/vocabulary";
import { addDays } from "date-fns";
import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import type { ClientScope } from "../scope";
import {
  activities,
  applications,
  coachNotes,
  commitments,
  companies,
  contacts,
  drafts,
  interviews,
  memberships,
  nudges,
  reminders,
  users,
} from "@/db/schema";
import { addDaysToIsoDate, isValidTimeZone, localDateOf, localTimeOn } from "../../followup/time";
import { PLANNED_KINDS } from "../../followup/types";
import { APPLICATION_STATUSES, type ApplicationStatus } from "../applications/status";
import { owedCommitment } from "../applications/closing";
import { actionFor, DRAFT_FOR_REMINDER } from "./actions";

/** Who looks (the client, their coach or an owner), whose times are shown in their own zone. */
type Scope = Pick<ClientScope, "orgId" | "orgSlug" | "clientId" | "actorUserId">;

const UPCOMING_DAYS = 14;
const ACTIVITY_LIMIT = 15;
const DRAFTS_LIMIT = 20;
const MESSAGES_LIMIT = 10;

const zoneOr = (zone: string | null | undefined, fallback = "UTC") => (zone && isValidTimeZone(zone) ? zone : fallback);

/**
 * The client's dashboard: what to do today, what is coming, where the search stands, and what
 * their coach has shared. Coaches' private notes are never read here, whoever is looking.
 */
export async function clientDashboard(db: Executor, scope: Scope, now = new Date()) {
  const [client] = await db
    .select({ name: users.name, timeZone: users.timeZone })
    .from(memberships)
    .innerJoin(users, userOfMembership)
    .where(membershipNamedBy(scope.orgId, scope.clientId));
  const [viewer] = await db.select({ timeZone: users.timeZone }).from(users).where(eq(users.id, scope.actorUserId));
  const clientTimeZone = zoneOr(client?.timeZone);
  const viewerTimeZone = zoneOr(viewer?.timeZone, clientTimeZone);
  // "Today" is the client's day: their follow-ups are due by their own midnight.
  const today = localDateOf(now, clientTimeZone);
  const endOfToday = localTimeOn(addDaysToIsoDate(today, 1), "00:00", clientTimeZone);
  const startOfToday = localTimeOn(today, "00:00", clientTimeZone);

  const reminderRows = await db
    .select({
      id: reminders.id,
      kind: reminders.kind,
      reason: reminders.reason,
      dueAt: reminders.dueAt,
      status: reminders.status,
      applicationId: reminders.applicationId,
      interviewId: reminders.interviewId,
      commitmentId: reminders.commitmentId,
      ...applicationTitleColumns,
    })
    .from(reminders)
    .leftJoin(
      applications,
      and(eq(applications.orgId, reminders.orgId), eq(applications.clientId, reminders.clientId), eq(applications.id, reminders.applicationId)),
    )
    .leftJoin(companies, companyOfApplication)
    .where(
      and(
        eq(reminders.orgId, scope.orgId),
        eq(reminders.clientId, scope.clientId),
        eq(reminders.recipientMembershipId, scope.clientId),
        lte(reminders.dueAt, endOfToday),
        // Pending ones (overdue included), and those already emailed today: the work they ask
        // for is still today's even after the email went out.
        or(eq(reminders.status, "pending"), and(eq(reminders.status, "sent"), gte(reminders.dueAt, startOfToday))),
        inArray(reminders.kind, [...FOLLOW_UP_KINDS]),
      ),
    )
    .orderBy(asc(reminders.dueAt))
    .limit(50);

  const draftIds = await waitingDraftsFor(db, scope, reminderRows);
  const followUps = reminderRows.map((r) => {
    const draftKind = DRAFT_FOR_REMINDER[r.kind];
    const draftId = draftKind && r.applicationId ? (draftIds.get(`${r.applicationId}/${draftKind}`) ?? null) : null;
    return {
      id: r.id,
      kind: r.kind,
      kindLabel: REMINDER_KIND_LABEL[r.kind],
      reason: r.reason,
      dueAt: r.dueAt,
      status: r.status,
      overdue: r.status === "pending" && r.dueAt < startOfToday,
      application: r.applicationId ? { id: r.applicationId, roleTitle: r.roleTitle, companyName: r.companyName } : null,
      action: actionFor(scope.orgSlug, r, draftId),
    };
  });

  const commitmentRows = await db
    .select({
      id: commitments.id,
      description: commitments.description,
      dueAt: commitments.dueAt,
      applicationId: commitments.applicationId,
      contactName: contacts.name,
      companyName: companies.name,
    })
    .from(commitments)
    .leftJoin(contacts, and(eq(contacts.orgId, commitments.orgId), eq(contacts.clientId, commitments.clientId), eq(contacts.id, commitments.contactId)))
    .leftJoin(
      applications,
      and(eq(applications.orgId, commitments.orgId), eq(applications.clientId, commitments.clientId), eq(applications.id, commitments.applicationId)),
    )
    .leftJoin(companies, companyOfApplication)
    .where(and(eq(commitments.orgId, scope.orgId), eq(commitments.clientId, scope.clientId), owedCommitment, lte(commitments.dueAt, endOfToday)))
    .orderBy(asc(commitments.dueAt))
    .limit(50);
  const dueCommitments = commitmentRows.map((c) => ({ ...c, overdue: c.dueAt < now }));

  const upcomingInterviews = await db
    .select({
      ...interviewSummaryColumns,
      ...applicationTitleColumns,
    })
    .from(interviews)
    .innerJoin(applications, applicationOfInterview)
    .innerJoin(companies, companyOfApplication)
    .where(
      and(
        eq(interviews.orgId, scope.orgId),
        eq(interviews.clientId, scope.clientId),
        eq(interviews.status, "scheduled"),
        // An interview in progress still counts as upcoming until it ends.
        gte(interviews.endsAt, now),
        lte(interviews.startsAt, addDays(now, UPCOMING_DAYS)),
      ),
    )
    .orderBy(asc(interviews.startsAt));

  const statusCounts = await db
    .select({ status: applications.status, count: sql<number>`count(*)`.mapWith(Number) })
    .from(applications)
    .where(and(eq(applications.orgId, scope.orgId), eq(applications.clientId, scope.clientId), isNull(applications.archivedAt)))
    .groupBy(applications.status);
  const countOf = new Map(statusCounts.map((row) => [row.status, row.count]));
  const pipeline = APPLICATION_STATUSES.map((status: ApplicationStatus) => ({ status, count: countOf.get(status) ?? 0 }));

  const draftsWaiting = await db
    .select({
      id: drafts.id,
      kind: drafts.kind,
      subject: drafts.subject,
      updatedAt: drafts.updatedAt,
      applicationId: drafts.applicationId,
      contactName: contacts.name,
      companyName: companies.name,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(drafts)
    .leftJoin(contacts, and(eq(contacts.orgId, drafts.orgId), eq(contacts.clientId, drafts.clientId), eq(contacts.id, drafts.contactId)))
    .leftJoin(
      applications,
      and(eq(applications.orgId, drafts.orgId), eq(applications.clientId, drafts.clientId), eq(applications.id, drafts.applicationId)),
    )
    .leftJoin(companies, companyOfApplication)
    // A draft whose moment in the playbook has not come (a follow-up letter, a proposal) waits on the drafts page.
    .where(and(eq(drafts.orgId, scope.orgId), eq(drafts.clientId, scope.clientId), eq(drafts.status, "draft"), lte(drafts.availableAt, now)))
    .orderBy(desc(drafts.updatedAt), desc(drafts.id))
    .limit(DRAFTS_LIMIT);

  const recentActivity = await db
    .select({
      id: activities.id,
      kind: activities.kind,
      summary: activities.summary,
      occurredAt: activities.occurredAt,
      applicationId: activities.applicationId,
      actorName: users.name,
    })
    .from(activities)
    .leftJoin(users, eq(users.id, activities.actorUserId))
    .where(and(eq(activities.orgId, scope.orgId), eq(activities.clientId, scope.clientId)))
    .orderBy(desc(activities.occurredAt), desc(activities.id))
    .limit(ACTIVITY_LIMIT);

  const messages = await coachMessages(db, scope);
  const checkIns = await checkInOutlooks(db, scope);

  return {
    clientName: client?.name ?? null,
    clientTimeZone,
    viewerTimeZone,
    today,
    followUps,
    dueCommitments,
    upcomingInterviews,
    pipeline,
    draftsWaiting: {
      total: draftsWaiting[0]?.total ?? 0,
      items: draftsWaiting.map(({ total: _total, ...draft }) => draft),
    },
    recentActivity,
    messages,
    checkIns,
  };
}

export type ClientDashboard = Awaited<ReturnType<typeof clientDashboard>>;

/** The follow-ups a client acts on: the playbook's and their coach's nudges (never digests). */
const FOLLOW_UP_KINDS = [...PLANNED_KINDS, "coach_nudge"] as const;

/** The newest waiting draft per application and kind, for linking a follow-up straight to it. */
async function waitingDraftsFor(db: Executor, scope: Scope, rows: Array<{ kind: string; applicationId: string | null }>) {
  const applicationIds = [...new Set(rows.filter((r) => r.applicationId && r.kind in DRAFT_FOR_REMINDER).map((r) => r.applicationId!))];
  const found = new Map<string, string>();
  if (applicationIds.length === 0) return found;
  const waiting = await db
    .select({ id: drafts.id, applicationId: drafts.applicationId, kind: drafts.kind })
    .from(drafts)
    .where(
      and(eq(drafts.orgId, scope.orgId), eq(drafts.clientId, scope.clientId), eq(drafts.status, "draft"), inArray(drafts.applicationId, applicationIds)),
    )
    .orderBy(desc(drafts.updatedAt));
  for (const draft of waiting) {
    const key = `${draft.applicationId}/${draft.kind}`;
    if (!found.has(key)) found.set(key, draft.id);
  }
  return found;
}

/**
 * Nudges and the notes a coach chose to share, newest first. The visibility condition sits in
 * the WHERE clause: a private note is never read, so it cannot leak through a later change.
 */
async function coachMessages(db: Executor, scope: Scope) {
  const author = (membershipId: typeof nudges.coachMembershipId | typeof coachNotes.authorMembershipId) =>
    and(eq(memberships.orgId, scope.orgId), eq(memberships.id, membershipId));
  const nudgeRows = await db
    .select({ id: nudges.id, body: nudges.message, createdAt: nudges.createdAt, authorName: users.name, authorEmail: users.email })
    .from(nudges)
    .leftJoin(memberships, author(nudges.coachMembershipId))
    .leftJoin(users, userOfMembership)
    .where(and(eq(nudges.orgId, scope.orgId), eq(nudges.clientId, scope.clientId)))
    .orderBy(desc(nudges.createdAt))
    .limit(MESSAGES_LIMIT);
  const noteRows = await db
    .select({ id: coachNotes.id, body: coachNotes.body, createdAt: coachNotes.createdAt, authorName: users.name, authorEmail: users.email })
    .from(coachNotes)
    .leftJoin(memberships, author(coachNotes.authorMembershipId))
    .leftJoin(users, userOfMembership)
    .where(and(eq(coachNotes.orgId, scope.orgId), eq(coachNotes.clientId, scope.clientId), eq(coachNotes.visibility, "shared")))
    .orderBy(desc(coachNotes.createdAt))
    .limit(MESSAGES_LIMIT);
  return [
    ...nudgeRows.map((row) => ({ ...row, kind: "nudge" as const, authorName: row.authorName ?? row.authorEmail })),
    ...noteRows.map((row) => ({ ...row, kind: "note" as const, authorName: row.authorName ?? row.authorEmail })),
  ]
    .map(({ authorEmail: _email, ...row }) => row)
    .sort((a, b) => +b.createdAt - +a.createdAt)
    .slice(0, MESSAGES_LIMIT);
}
