import { and, asc, desc, eq } from "drizzle-orm";
import { applicationTitleColumns, companyOfApplication, contactNamedBy, membershipNamedBy, userOfMembership } from "@/server/services/joins";
import type { Executor } from "@/db";
import { applications, companies, contacts, draftComments, drafts, interviews, memberships, users } from "@/db/schema";
import { notFound } from "../../errors";
import type { TListDraftsInput } from "./schemas";
import type { ClientRef } from "../scope";

export const draftsOf = (scope: ClientRef) => and(eq(drafts.orgId, scope.orgId), eq(drafts.clientId, scope.clientId));

/**
 * The client's drafts, newest first, with who each is for and what it is about. Drafts whose
 * moment has not come yet (`availableAt` in the future) are included; the page lists them apart.
 */
export async function listDrafts(db: Executor, scope: ClientRef, filter: TListDraftsInput) {
  return db
    .select({
      id: drafts.id,
      kind: drafts.kind,
      status: drafts.status,
      subject: drafts.subject,
      handwritten: drafts.handwritten,
      sentAt: drafts.sentAt,
      createdAt: drafts.createdAt,
      updatedAt: drafts.updatedAt,
      availableAt: drafts.availableAt,
      rewrittenAt: drafts.rewrittenAt,
      applicationId: drafts.applicationId,
      interviewId: drafts.interviewId,
      contactId: drafts.contactId,
      contactName: contacts.name,
      ...applicationTitleColumns,
    })
    .from(drafts)
    .leftJoin(contacts, contactNamedBy(drafts))
    .leftJoin(applications, and(eq(applications.orgId, drafts.orgId), eq(applications.id, drafts.applicationId)))
    .leftJoin(companies, companyOfApplication)
    .where(
      and(
        draftsOf(scope),
        filter.status ? eq(drafts.status, filter.status) : undefined,
        filter.kind ? eq(drafts.kind, filter.kind) : undefined,
        filter.applicationId ? eq(drafts.applicationId, filter.applicationId) : undefined,
      ),
    )
    .orderBy(desc(drafts.createdAt), asc(drafts.kind))
    .limit(500);
}

/** One draft with its recipient, what it is about, and the coach's comments on it. */
export async function getDraft(db: Executor, scope: ClientRef, draftId: string) {
  const [row] = await db
    .select({
      draft: drafts,
      contact: { id: contacts.id, name: contacts.name, email: contacts.email, phone: contacts.phone },
      application: { id: applications.id, roleTitle: applications.roleTitle, status: applications.status },
      companyName: companies.name,
      interview: { id: interviews.id, startsAt: interviews.startsAt, timeZone: interviews.timeZone },
    })
    .from(drafts)
    .leftJoin(contacts, contactNamedBy(drafts))
    .leftJoin(applications, and(eq(applications.orgId, drafts.orgId), eq(applications.id, drafts.applicationId)))
    .leftJoin(companies, companyOfApplication)
    .leftJoin(interviews, and(eq(interviews.orgId, drafts.orgId), eq(interviews.id, drafts.interviewId)))
    .where(and(draftsOf(scope), eq(drafts.id, draftId)));
  if (!row) throw notFound("Draft not found.");
  const comments = await db
    .select({ id: draftComments.id, body: draftComments.body, createdAt: draftComments.createdAt, authorName: users.name, authorEmail: users.email })
    .from(draftComments)
    .innerJoin(memberships, membershipNamedBy(draftComments.orgId, draftComments.authorMembershipId))
    .innerJoin(users, userOfMembership)
    .where(and(eq(draftComments.orgId, scope.orgId), eq(draftComments.clientId, scope.clientId), eq(draftComments.draftId, row.draft.id)))
    .orderBy(asc(draftComments.createdAt));
  const { generationKey: _key, ...draft } = row.draft;
  return {
    draft,
    contact: row.contact?.id ? row.contact : null,
    application: row.application?.id ? row.application : null,
    companyName: row.companyName,
    interview: row.interview?.id ? row.interview : null,
    comments,
  };
}
