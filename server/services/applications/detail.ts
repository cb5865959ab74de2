import { checkInOutlooks } from "./check-in";
import { contactNamedBy, interviewSummaryColumns, linksIntoApplication } from "@/server/services/joins";
import { owedCommitment } from "./closing";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Executor } from "@/db";
import {
  activities,
  applicationStatusHistory,
  commitments,
  contactLinks,
  contacts,
  drafts,
  interviewParticipants,
  interviews,
  reminders,
  users,
} from "@/db/schema";
import { peopleAtCompany } from "../contacts/people-at-company";
import { loadApplication } from "./scope";
import type { ClientRef } from "../scope";

const TIMELINE_LIMIT = 50;

/** Everything the application page shows, every query scoped to the organisation and the client. */
export async function getApplicationDetail(db: Executor, scope: ClientRef, applicationId: string) {
  const { application, company } = await loadApplication(db, scope, applicationId);
  const own = (table: { orgId: AnyPgColumn; clientId: AnyPgColumn }) =>
    and(eq(table.orgId, scope.orgId), eq(table.clientId, scope.clientId));

  const history = await db
    .select({
      id: applicationStatusHistory.id,
      fromStatus: applicationStatusHistory.fromStatus,
      toStatus: applicationStatusHistory.toStatus,
      changedAt: applicationStatusHistory.changedAt,
      changedByName: users.name,
    })
    .from(applicationStatusHistory)
    .leftJoin(users, eq(users.id, applicationStatusHistory.changedByUserId))
    .where(and(own(applicationStatusHistory), eq(applicationStatusHistory.applicationId, application.id)))
    .orderBy(asc(applicationStatusHistory.changedAt), asc(applicationStatusHistory.id));

  const interviewRows = await db
    .select({
      ...interviewSummaryColumns,
      debriefedAt: interviews.debriefedAt,
    })
    .from(interviews)
    .where(and(own(interviews), eq(interviews.applicationId, application.id)))
    .orderBy(asc(interviews.startsAt));
  const interviewIds = interviewRows.map((i) => i.id);
  const participantRows = interviewIds.length
    ? await db
        .select({
          interviewId: interviewParticipants.interviewId,
          contactId: contacts.id,
          name: contacts.name,
          title: contacts.title,
          thankYouSentAt: interviewParticipants.thankYouSentAt,
          thankYouHandwritten: interviewParticipants.thankYouHandwritten,
        })
        .from(interviewParticipants)
        .innerJoin(
          contacts,
          and(eq(contacts.orgId, interviewParticipants.orgId), eq(contacts.clientId, interviewParticipants.clientId), eq(contacts.id, interviewParticipants.contactId)),
        )
        .where(and(own(interviewParticipants), inArray(interviewParticipants.interviewId, interviewIds)))
        .orderBy(asc(contacts.name))
    : [];
  const interviewList = interviewRows.map((interview) => ({
    ...interview,
    debriefStatus: interview.debriefedAt
      ? ("recorded" as const)
      : interview.status === "cancelled"
        ? ("not_needed" as const)
        : interview.endsAt.getTime() <= Date.now()
          ? ("due" as const)
          : ("upcoming" as const),
    participants: participantRows.filter((p) => p.interviewId === interview.id),
  }));

  const companyContacts = await db
    .select({ id: contacts.id, name: contacts.name, title: contacts.title, role: contacts.role, email: contacts.email, lastContactedAt: contacts.lastContactedAt })
    .from(contacts)
    .where(and(own(contacts), eq(contacts.companyId, company.id)))
    .orderBy(asc(contacts.name));

  const goodWord = await goodWordContacts(db, scope, { companyId: company.id, companyName: company.name, interviewers: participantRows });

  const commitmentRows = await db
    .select({
      id: commitments.id,
      description: commitments.description,
      dueAt: commitments.dueAt,
      doneAt: commitments.doneAt,
      releasedAt: commitments.releasedAt,
      source: commitments.source,
      contactName: contacts.name,
    })
    .from(commitments)
    .leftJoin(contacts, and(eq(contacts.orgId, commitments.orgId), eq(contacts.clientId, commitments.clientId), eq(contacts.id, commitments.contactId)))
    .where(and(own(commitments), eq(commitments.applicationId, application.id)))
    .orderBy(sql`not ${owedCommitment}`, asc(commitments.dueAt));

  const draftRows = await db
    .select({
      id: drafts.id,
      kind: drafts.kind,
      subject: drafts.subject,
      status: drafts.status,
      sentAt: drafts.sentAt,
      updatedAt: drafts.updatedAt,
      contactName: contacts.name,
    })
    .from(drafts)
    .leftJoin(contacts, and(eq(contacts.orgId, drafts.orgId), eq(contacts.clientId, drafts.clientId), eq(contacts.id, drafts.contactId)))
    .where(and(own(drafts), eq(drafts.applicationId, application.id)))
    .orderBy(sql`case ${drafts.status} when 'draft' then 0 when 'sent' then 1 else 2 end`, desc(drafts.updatedAt));

  const reminderRows = await db
    .select({
      id: reminders.id,
      kind: reminders.kind,
      reason: reminders.reason,
      dueAt: reminders.dueAt,
      status: reminders.status,
      sentAt: reminders.sentAt,
    })
    .from(reminders)
    .where(
      and(
        eq(reminders.orgId, scope.orgId),
        eq(reminders.clientId, scope.clientId),
        eq(reminders.applicationId, application.id),
        inArray(reminders.status, ["pending", "sent"]),
      ),
    )
    .orderBy(asc(reminders.dueAt));

  const timeline = await db
    .select({ id: activities.id, kind: activities.kind, summary: activities.summary, occurredAt: activities.occurredAt, actorName: users.name })
    .from(activities)
    .leftJoin(users, eq(users.id, activities.actorUserId))
    .where(and(own(activities), eq(activities.applicationId, application.id)))
    .orderBy(desc(activities.occurredAt), desc(activities.id))
    .limit(TIMELINE_LIMIT);

  const [checkIn] = await checkInOutlooks(db, scope, { applicationId: application.id });

  return {
    checkIn: checkIn ?? null,
    application: {
      id: application.id,
      roleTitle: application.roleTitle,
      jobUrl: application.jobUrl,
      source: application.source,
      notes: application.notes,
      status: application.status,
      statusChangedAt: application.statusChangedAt,
      archivedAt: application.archivedAt,
      createdAt: application.createdAt,
      updatedAt: application.updatedAt,
      location: application.location,
      workplaceType: application.workplaceType,
      jobType: application.jobType,
      salaryMin: application.salaryMin,
      salaryMax: application.salaryMax,
      salaryCurrency: application.salaryCurrency,
      deadlineOn: application.deadlineOn,
      excitement: application.excitement,
      tags: application.tags,
      savedOn: application.savedOn,
      appliedOn: application.appliedOn,
      postingSnapshot: application.postingSnapshot,
      postingCapturedAt: application.postingCapturedAt,
    },
    /** "You know 3 people at Acme": contacts who work there, from LinkedIn or added by hand. */
    peopleAtCompany: await peopleAtCompany(db, scope, company),
    company: {
      id: company.id,
      name: company.name,
      website: company.website,
      researchNotes: company.researchNotes,
      researchUpdatedAt: company.researchUpdatedAt,
      challenges: company.challenges,
    },
    history,
    interviews: interviewList,
    contacts: companyContacts,
    goodWord,
    commitments: commitmentRows,
    drafts: draftRows,
    reminders: reminderRows,
    timeline,
  };
}

export type ApplicationDetail = Awaited<ReturnType<typeof getApplicationDetail>>;

/**
 * "Who could put in a good word": contacts linked to an interviewer of this application or to
 * the company, grouped per contact with everyone relevant they know. An interviewer vouching
 * for themselves is no good word, so interviewers are left out.
 */
async function goodWordContacts(
  db: Executor,
  scope: ClientRef,
  target: { companyId: string; companyName: string; interviewers: Array<{ contactId: string; name: string }> },
) {
  const interviewerIds = [...new Set(target.interviewers.map((p) => p.contactId))];
  const links = await db
    .select({
      contactId: contactLinks.contactId,
      name: contacts.name,
      title: contacts.title,
      email: contacts.email,
      knowsContactId: contactLinks.knowsContactId,
      knowsCompanyId: contactLinks.knowsCompanyId,
      note: contactLinks.note,
    })
    .from(contactLinks)
    .innerJoin(contacts, contactNamedBy(contactLinks))
    .where(linksIntoApplication(scope, { companyId: target.companyId, interviewerIds }))
    .orderBy(asc(contacts.name));
  const interviewerName = new Map(target.interviewers.map((p) => [p.contactId, p.name]));
  const grouped = new Map<string, { contactId: string; name: string; title: string | null; email: string | null; knows: Array<{ label: string; note: string | null }> }>();
  for (const link of links) {
    if (interviewerIds.includes(link.contactId)) continue;
    const entry = grouped.get(link.contactId) ?? { contactId: link.contactId, name: link.name, title: link.title, email: link.email, knows: [] };
    const label = link.knowsContactId ? `${interviewerName.get(link.knowsContactId) ?? "an interviewer"} (interviewer)` : `people at ${target.companyName}`;
    entry.knows.push({ label, note: link.note });
    grouped.set(link.contactId, entry);
  }
  return [...grouped.values()];
}
