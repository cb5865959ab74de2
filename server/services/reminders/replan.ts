import { and, isNull, eq, inArray } from "drizzle-orm";
import { companyOfApplication, contactNamedBy, linksIntoApplication, membershipNamedBy, userOfMembership } from "@/server/services/joins";
import { peopleAtCompany } from "../contacts/people-at-company";
import type { Executor } from "@/db";
import {
  applications,
  commitments,
  companies,
  contactLinks,
  contacts,
  interviewParticipants,
  interviews,
  memberships,
  organizations,
  reminders,
  users,
} from "@/db/schema";
import { diffPlan, planApplication, resolvePolicy, type PlanInput } from "../../followup";
import { noteRemindersCancelled, noteRemindersRequested } from "./handoff";

export type ReplanResult = { inserted: string[]; cancelled: string[]; revived: string[] };

/**
 * Re-plans one application's reminders and writes the difference to the reminders outbox, inside
 * the caller's (tenant) transaction: a reminder exists as a row the moment the change that caused
 * it commits. Call it after every change that can move a reminder: an interview scheduled,
 * rescheduled, cancelled or debriefed, a commitment created or completed, a thank-you sent, a
 * status change. Returns the ids touched so the caller can hand new ones to the workflow engine.
 */
export async function replanApplication(
  db: Executor,
  scope: { orgId: string; applicationId: string },
  now: Date = new Date(),
): Promise<ReplanResult> {
  const input = await loadPlanInput(db, scope, now);
  if (!input) return { inserted: [], cancelled: [], revived: [] };
  const { plan, clientId } = input;
  const planned = planApplication(plan);

  const existing = await db
    .select({ id: reminders.id, dedupeKey: reminders.dedupeKey, status: reminders.status })
    .from(reminders)
    // By client first: reminders are indexed by (org, client), and by org alone this read every
    // reminder of a 20,000-client organisation on each status change.
    .where(and(eq(reminders.orgId, scope.orgId), eq(reminders.clientId, clientId), eq(reminders.applicationId, scope.applicationId)));
  const diff = diffPlan(existing, planned);

  const cancelled = diff.toCancel.length
    ? await db
        .update(reminders)
        // The lease stays: a send in flight under it must not see its row revived and claimed
        // by a batch under another key. It expires by itself; the row is cancelled meanwhile.
        .set({ status: "cancelled", cancelledAt: now })
        .where(and(eq(reminders.orgId, scope.orgId), inArray(reminders.id, diff.toCancel), eq(reminders.status, "pending")))
        .returning({ id: reminders.id })
    : [];

  const revived: string[] = [];
  for (const { id, reminder } of diff.toRevive) {
    const [row] = await db
      .update(reminders)
      .set({ status: "pending", cancelledAt: null, dueAt: reminder.dueAt, reason: reminder.reason, attempts: 0, nextAttemptAt: null, lastError: null })
      .where(and(eq(reminders.orgId, scope.orgId), eq(reminders.id, id), eq(reminders.status, "cancelled")))
      .returning({ id: reminders.id });
    if (row) revived.push(row.id);
  }

  const inserted = diff.toInsert.length
    ? await db
        .insert(reminders)
        .values(
          diff.toInsert.map((r) => ({
            orgId: scope.orgId,
            recipientMembershipId: clientId,
            clientId,
            applicationId: r.applicationId,
            interviewId: r.interviewId ?? null,
            commitmentId: r.commitmentId ?? null,
            kind: r.kind,
            reason: r.reason,
            dueAt: r.dueAt,
            planVersion: planVersionOf(r.dedupeKey),
            dedupeKey: r.dedupeKey,
          })),
        )
        // A concurrent re-plan may have written the same key first: the key is the dedupe.
        .onConflictDoNothing()
        .returning({ id: reminders.id })
    : [];

  const result = { inserted: inserted.map((r) => r.id), cancelled: cancelled.map((r) => r.id), revived };
  noteRemindersRequested(db, [...result.inserted, ...result.revived]);
  noteRemindersCancelled(db, result.cancelled);
  return result;
}

/** `kind/subject/v3` → 3. */
const planVersionOf = (dedupeKey: string) => Number(dedupeKey.match(/\/v(\d+)$/)?.[1] ?? 1);

/** Reads everything the planner needs about one application, in a handful of queries. */
async function loadPlanInput(db: Executor, scope: { orgId: string; applicationId: string }, now: Date) {
  const [app] = await db
    .select({
      id: applications.id,
      clientId: applications.clientId,
      companyId: applications.companyId,
      status: applications.status,
      statusChangedAt: applications.statusChangedAt,
      planVersion: applications.planVersion,
      roleTitle: applications.roleTitle,
      archivedAt: applications.archivedAt,
      companyName: companies.name,
      challenges: companies.challenges,
      policy: organizations.policy,
      timeZone: users.timeZone,
      preferences: users.reminderPreferences,
    })
    .from(applications)
    .innerJoin(companies, companyOfApplication)
    .innerJoin(organizations, eq(organizations.id, applications.orgId))
    .innerJoin(memberships, membershipNamedBy(applications.orgId, applications.clientId))
    .innerJoin(users, userOfMembership)
    .where(and(eq(applications.orgId, scope.orgId), eq(applications.id, scope.applicationId)));
  if (!app) return null;

  const interviewRows = await db
    .select()
    .from(interviews)
    .where(and(eq(interviews.orgId, scope.orgId), eq(interviews.applicationId, app.id)));
  const participantRows = interviewRows.length
    ? await db
        .select({
          interviewId: interviewParticipants.interviewId,
          contactId: interviewParticipants.contactId,
          name: contacts.name,
          thankYouSentAt: interviewParticipants.thankYouSentAt,
          thankYouHandwritten: interviewParticipants.thankYouHandwritten,
        })
        .from(interviewParticipants)
        .innerJoin(contacts, contactNamedBy(interviewParticipants))
        .where(and(eq(interviewParticipants.orgId, scope.orgId), inArray(interviewParticipants.interviewId, interviewRows.map((i) => i.id))))
    : [];
  const commitmentRows = await db
    .select({
      id: commitments.id,
      description: commitments.description,
      dueAt: commitments.dueAt,
      doneAt: commitments.doneAt,
      planVersion: commitments.planVersion,
      keptAfterClose: commitments.keptAfterClose,
      toName: contacts.name,
    })
    .from(commitments)
    .leftJoin(contacts, contactNamedBy(commitments))
    // A promise released when its application closed is no longer owed: nothing to remind.
    .where(and(eq(commitments.orgId, scope.orgId), eq(commitments.clientId, app.clientId), eq(commitments.applicationId, app.id), isNull(commitments.releasedAt)));

  // Rule 9: people in the client's network who know an interviewer of this application, or the company.
  const interviewerIds = [...new Set(participantRows.map((p) => p.contactId))];
  const linkRows = await db
    .select({
      contactId: contactLinks.contactId,
      name: contacts.name,
      knowsContactId: contactLinks.knowsContactId,
      knowsCompanyId: contactLinks.knowsCompanyId,
    })
    .from(contactLinks)
    .innerJoin(contacts, contactNamedBy(contactLinks))
    .where(linksIntoApplication({ orgId: scope.orgId, clientId: app.clientId }, { companyId: app.companyId, interviewerIds }));
  const nameOf = new Map(participantRows.map((p) => [p.contactId, p.name]));
  // People whose employer is the company (a LinkedIn connection there, say) know it from the inside.
  // Contacts met through the application itself (recruiters, interviewers) are not asked for a word.
  const insiders = (await peopleAtCompany(db, { orgId: scope.orgId, clientId: app.clientId }, { id: app.companyId, name: app.companyName }, { limit: 10, employerOnly: true })).map((person) => ({
    contactId: person.id,
    name: person.name,
    knows: app.companyName,
  }));
  const goodWordContacts = [
    ...linkRows.map((link) => ({
      contactId: link.contactId,
      name: link.name,
      knows: link.knowsContactId ? (nameOf.get(link.knowsContactId) ?? "an interviewer") : app.companyName,
    })),
    ...insiders.filter((person) => !linkRows.some((link) => link.contactId === person.contactId)),
  ]
    // An interviewer vouching for themselves is no good word.
    .filter((contact) => !interviewerIds.includes(contact.contactId));

  const plan: PlanInput = {
    now,
    policy: resolvePolicy(app.policy),
    recipient: { timeZone: app.timeZone, preferences: app.preferences },
    application: {
      id: app.id,
      // An archived application asks for no more follow-ups, like a withdrawn one.
      status: app.archivedAt ? "withdrawn" : app.status,
      statusChangedAt: app.statusChangedAt,
      planVersion: app.planVersion,
      companyName: app.companyName,
      roleTitle: app.roleTitle,
    },
    interviews: interviewRows.map((i) => ({
      id: i.id,
      status: i.status,
      startsAt: i.startsAt,
      endsAt: i.endsAt,
      timeZone: i.timeZone,
      planVersion: i.planVersion,
      debriefedAt: i.debriefedAt,
      agreedCheckInOn: i.agreedCheckInOn,
      notBeforeOn: i.notBeforeOn,
      preferredChannel: i.preferredChannel,
      participants: participantRows.filter((p) => p.interviewId === i.id),
      companyChallenges: app.challenges,
    })),
    commitments: commitmentRows,
    goodWordContacts,
  };
  return { plan, clientId: app.clientId };
}
