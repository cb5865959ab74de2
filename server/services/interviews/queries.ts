import { and, asc, desc, eq } from "drizzle-orm";
import { applicationOfInterview, applicationTitleColumns, companyOfApplication, contactNamedBy, interviewSummaryColumns } from "@/server/services/joins";
import { applications, commitments, companies, contacts, drafts, interviewParticipants, interviews } from "@/db/schema";
import { loadApplication } from "../applications/scope";
import { loadInterview } from "./load";
import type { ClientRef, Db } from "../scope";

/** One interview with everything its page shows: people, debrief, the company's challenges, drafts, promises. */
export async function getInterview(db: Db, scope: ClientRef, interviewId: string, now = new Date()) {
  const interview = await loadInterview(db, scope, interviewId);
  const { application, company } = await loadApplication(db, scope, interview.applicationId);
  const participants = await db
    .select({
      id: interviewParticipants.id,
      contactId: interviewParticipants.contactId,
      name: contacts.name,
      title: contacts.title,
      email: contacts.email,
      discussed: interviewParticipants.discussed,
      challengesDiscussed: interviewParticipants.challengesDiscussed,
      thankYouSentAt: interviewParticipants.thankYouSentAt,
      thankYouHandwritten: interviewParticipants.thankYouHandwritten,
    })
    .from(interviewParticipants)
    .innerJoin(contacts, contactNamedBy(interviewParticipants))
    .where(
      and(
        eq(interviewParticipants.orgId, scope.orgId),
        eq(interviewParticipants.clientId, scope.clientId),
        eq(interviewParticipants.interviewId, interview.id),
      ),
    )
    .orderBy(asc(interviewParticipants.createdAt), asc(contacts.name));
  const interviewDrafts = await db
    .select({ id: drafts.id, kind: drafts.kind, subject: drafts.subject, status: drafts.status, availableAt: drafts.availableAt, contactId: drafts.contactId, contactName: contacts.name })
    .from(drafts)
    .leftJoin(contacts, contactNamedBy(drafts))
    .where(and(eq(drafts.orgId, scope.orgId), eq(drafts.clientId, scope.clientId), eq(drafts.interviewId, interview.id)))
    .orderBy(asc(drafts.kind), asc(contacts.name));
  const promises = await db
    .select({ id: commitments.id, description: commitments.description, dueAt: commitments.dueAt, doneAt: commitments.doneAt, contactId: commitments.contactId })
    .from(commitments)
    .where(
      and(
        eq(commitments.orgId, scope.orgId),
        eq(commitments.clientId, scope.clientId),
        eq(commitments.interviewId, interview.id),
        eq(commitments.source, "promise"),
      ),
    )
    .orderBy(asc(commitments.dueAt));
  return {
    interview,
    hasEnded: +interview.endsAt <= +now,
    participants,
    application: { id: application.id, roleTitle: application.roleTitle, status: application.status },
    company: { id: company.id, name: company.name, challenges: company.challenges },
    drafts: interviewDrafts,
    promises,
  };
}

/** The client's interviews, soonest first, optionally for one application. */
export async function listInterviews(db: Db, scope: ClientRef, filter: { applicationId?: string }) {
  return db
    .select({
      ...interviewSummaryColumns,
      debriefedAt: interviews.debriefedAt,
      ...applicationTitleColumns,
    })
    .from(interviews)
    .innerJoin(applications, applicationOfInterview)
    .innerJoin(companies, companyOfApplication)
    .where(
      and(
        eq(interviews.orgId, scope.orgId),
        eq(interviews.clientId, scope.clientId),
        filter.applicationId ? eq(interviews.applicationId, filter.applicationId) : undefined,
      ),
    )
    .orderBy(desc(interviews.startsAt))
    .limit(500);
}

/** What the schedule form needs: the application, its company and the people the client knows there. */
export async function scheduleOptions(db: Db, scope: ClientRef, applicationId: string) {
  const { application, company } = await loadApplication(db, scope, applicationId);
  const people = await db
    .select({ id: contacts.id, name: contacts.name, title: contacts.title, role: contacts.role })
    .from(contacts)
    .where(and(eq(contacts.orgId, scope.orgId), eq(contacts.clientId, scope.clientId), eq(contacts.companyId, company.id)))
    .orderBy(asc(contacts.name));
  return {
    application: { id: application.id, roleTitle: application.roleTitle, status: application.status, archived: application.archivedAt !== null },
    company: { id: company.id, name: company.name },
    contacts: people,
  };
}
