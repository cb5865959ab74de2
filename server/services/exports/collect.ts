import { and, asc, eq } from "drizzle-orm";
import { companyOfApplication, interviewSummaryColumns, userOfMembership } from "@/server/services/joins";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Executor } from "@/db";
import type { ClientScope } from "../scope";
import {
  activities,
  applications,
  applicationStatusHistory,
  coachNotes,
  commitments,
  companies,
  contactLinks,
  contacts,
  draftComments,
  drafts,
  interviewParticipants,
  interviews,
  memberships,
  nudges,
  organizations,
  reminders,
  users,
} from "@/db/schema";
import { notFound } from "../../errors";
import { applicationDetailColumns } from "../applications/columns";

/**
 * Everything a client owns in one organisation, table by table, for their own export. Each query
 * names its columns (so a secret column added to a table later is not exported by accident) and
 * carries the organisation and the client in its WHERE clause.
 *
 * Left out on purpose: the password hash and calendar token (secrets), coaches' private notes,
 * reminder delivery internals (dedupe keys, provider ids, leases), and reminders addressed to
 * coaches (they are the coach's mail, not the client's).
 */

export type ExportScope = Pick<ClientScope, "orgId" | "clientId" | "clientUserId">;

/** Column lists double as CSV headers, so an empty table still exports its header row. */
const COLUMNS = {
  profile: {
    userId: users.id,
    name: users.name,
    email: users.email,
    timeZone: users.timeZone,
    headline: users.headline,
    accomplishments: users.accomplishments,
    reminderPreferences: users.reminderPreferences,
    accountCreatedAt: users.createdAt,
    organizationName: organizations.name,
    organizationSlug: organizations.slug,
    membershipId: memberships.id,
    membershipRole: memberships.role,
    membershipStatus: memberships.status,
    joinedAt: memberships.createdAt,
  },
  companies: {
    id: companies.id,
    name: companies.name,
    website: companies.website,
    researchNotes: companies.researchNotes,
    researchUpdatedAt: companies.researchUpdatedAt,
    challenges: companies.challenges,
    createdAt: companies.createdAt,
    updatedAt: companies.updatedAt,
  },
  // Named like the import's fields, with the company's name (not only its id), so this file
  // re-imports into another account as the same applications.
  applications: {
    id: applications.id,
    company: companies.name,
    roleTitle: applications.roleTitle,
    status: applications.status,
    statusChangedAt: applications.statusChangedAt,
    archivedAt: applications.archivedAt,
    jobUrl: applications.jobUrl,
    source: applications.source,
    ...applicationDetailColumns,
    notes: applications.notes,
    postingSnapshot: applications.postingSnapshot,
    postingCapturedAt: applications.postingCapturedAt,
    companyId: applications.companyId,
    createdAt: applications.createdAt,
    updatedAt: applications.updatedAt,
  },
  applicationStatusHistory: {
    id: applicationStatusHistory.id,
    applicationId: applicationStatusHistory.applicationId,
    fromStatus: applicationStatusHistory.fromStatus,
    toStatus: applicationStatusHistory.toStatus,
    changedAt: applicationStatusHistory.changedAt,
  },
  interviews: {
    ...interviewSummaryColumns,
    debriefedAt: interviews.debriefedAt,
    askedForJob: interviews.askedForJob,
    nextSteps: interviews.nextSteps,
    expectAnswerBy: interviews.expectAnswerBy,
    preferredChannel: interviews.preferredChannel,
    agreedCheckInOn: interviews.agreedCheckInOn,
    notBeforeOn: interviews.notBeforeOn,
    debriefNotes: interviews.debriefNotes,
    createdAt: interviews.createdAt,
    updatedAt: interviews.updatedAt,
  },
  interviewParticipants: {
    id: interviewParticipants.id,
    interviewId: interviewParticipants.interviewId,
    contactId: interviewParticipants.contactId,
    discussed: interviewParticipants.discussed,
    challengesDiscussed: interviewParticipants.challengesDiscussed,
    thankYouSentAt: interviewParticipants.thankYouSentAt,
    thankYouHandwritten: interviewParticipants.thankYouHandwritten,
    createdAt: interviewParticipants.createdAt,
  },
  contacts: {
    id: contacts.id,
    name: contacts.name,
    email: contacts.email,
    phone: contacts.phone,
    title: contacts.title,
    companyId: contacts.companyId,
    employer: contacts.employer,
    linkedinUrl: contacts.linkedinUrl,
    connectedOn: contacts.connectedOn,
    role: contacts.role,
    howWeKnow: contacts.howWeKnow,
    lastContactedAt: contacts.lastContactedAt,
    notes: contacts.notes,
    createdAt: contacts.createdAt,
    updatedAt: contacts.updatedAt,
  },
  contactLinks: {
    id: contactLinks.id,
    contactId: contactLinks.contactId,
    knowsContactId: contactLinks.knowsContactId,
    knowsCompanyId: contactLinks.knowsCompanyId,
    note: contactLinks.note,
    createdAt: contactLinks.createdAt,
  },
  commitments: {
    id: commitments.id,
    applicationId: commitments.applicationId,
    interviewId: commitments.interviewId,
    contactId: commitments.contactId,
    description: commitments.description,
    source: commitments.source,
    dueAt: commitments.dueAt,
    doneAt: commitments.doneAt,
    createdAt: commitments.createdAt,
    updatedAt: commitments.updatedAt,
  },
  drafts: {
    id: drafts.id,
    applicationId: drafts.applicationId,
    interviewId: drafts.interviewId,
    contactId: drafts.contactId,
    kind: drafts.kind,
    subject: drafts.subject,
    body: drafts.body,
    status: drafts.status,
    handwritten: drafts.handwritten,
    sentAt: drafts.sentAt,
    createdAt: drafts.createdAt,
    updatedAt: drafts.updatedAt,
  },
  draftComments: {
    id: draftComments.id,
    draftId: draftComments.draftId,
    authorName: users.name,
    body: draftComments.body,
    createdAt: draftComments.createdAt,
  },
  reminders: {
    id: reminders.id,
    kind: reminders.kind,
    reason: reminders.reason,
    dueAt: reminders.dueAt,
    status: reminders.status,
    sentAt: reminders.sentAt,
    cancelledAt: reminders.cancelledAt,
    applicationId: reminders.applicationId,
    interviewId: reminders.interviewId,
    commitmentId: reminders.commitmentId,
    createdAt: reminders.createdAt,
  },
  activities: {
    id: activities.id,
    kind: activities.kind,
    summary: activities.summary,
    applicationId: activities.applicationId,
    interviewId: activities.interviewId,
    data: activities.data,
    occurredAt: activities.occurredAt,
  },
  sharedCoachNotes: {
    id: coachNotes.id,
    authorName: users.name,
    body: coachNotes.body,
    createdAt: coachNotes.createdAt,
    updatedAt: coachNotes.updatedAt,
  },
  nudges: {
    id: nudges.id,
    coachName: users.name,
    message: nudges.message,
    readAt: nudges.readAt,
    createdAt: nudges.createdAt,
  },
} as const;

export type ExportSection = keyof typeof COLUMNS;
export const EXPORT_SECTIONS = Object.keys(COLUMNS) as ExportSection[];

/** The header row of each section, in the order the columns are listed above. */
export const sectionColumns = (section: ExportSection): string[] => Object.keys(COLUMNS[section]);

export async function collectClientData(db: Executor, scope: ExportScope) {
  const { orgId, clientId } = scope;
  const mine = (table: { orgId: PgColumn; clientId: PgColumn }) => and(eq(table.orgId, orgId), eq(table.clientId, clientId));
  /** A coach's membership in this organisation, to name the author of a note or nudge. */
  const staff = (membershipId: PgColumn) =>
    and(eq(memberships.orgId, orgId), eq(memberships.id, membershipId));

  const [profile] = await db
    .select(COLUMNS.profile)
    .from(memberships)
    .innerJoin(users, userOfMembership)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(and(eq(memberships.orgId, orgId), eq(memberships.id, clientId), eq(memberships.userId, scope.clientUserId)));
  if (!profile) throw notFound("Client not found.");

  return {
    profile,
    companies: await db.select(COLUMNS.companies).from(companies).where(mine(companies)).orderBy(asc(companies.createdAt), asc(companies.id)),
    applications: await db
      .select(COLUMNS.applications)
      .from(applications)
      .innerJoin(companies, companyOfApplication)
      .where(mine(applications))
      .orderBy(asc(applications.createdAt), asc(applications.id)),
    applicationStatusHistory: await db
      .select(COLUMNS.applicationStatusHistory)
      .from(applicationStatusHistory)
      .where(mine(applicationStatusHistory))
      .orderBy(asc(applicationStatusHistory.changedAt), asc(applicationStatusHistory.id)),
    interviews: await db.select(COLUMNS.interviews).from(interviews).where(mine(interviews)).orderBy(asc(interviews.startsAt), asc(interviews.id)),
    interviewParticipants: await db
      .select(COLUMNS.interviewParticipants)
      .from(interviewParticipants)
      .where(mine(interviewParticipants))
      .orderBy(asc(interviewParticipants.createdAt), asc(interviewParticipants.id)),
    contacts: await db.select(COLUMNS.contacts).from(contacts).where(mine(contacts)).orderBy(asc(contacts.createdAt), asc(contacts.id)),
    contactLinks: await db
      .select(COLUMNS.contactLinks)
      .from(contactLinks)
      .where(mine(contactLinks))
      .orderBy(asc(contactLinks.createdAt), asc(contactLinks.id)),
    commitments: await db.select(COLUMNS.commitments).from(commitments).where(mine(commitments)).orderBy(asc(commitments.dueAt), asc(commitments.id)),
    drafts: await db.select(COLUMNS.drafts).from(drafts).where(mine(drafts)).orderBy(asc(drafts.createdAt), asc(drafts.id)),
    draftComments: await db
      .select(COLUMNS.draftComments)
      .from(draftComments)
      .leftJoin(memberships, staff(draftComments.authorMembershipId))
      .leftJoin(users, userOfMembership)
      .where(mine(draftComments))
      .orderBy(asc(draftComments.createdAt), asc(draftComments.id)),
    // The client's own reminders; those about them but addressed to a coach stay out.
    reminders: await db
      .select(COLUMNS.reminders)
      .from(reminders)
      .where(and(eq(reminders.orgId, orgId), eq(reminders.clientId, clientId), eq(reminders.recipientMembershipId, clientId)))
      .orderBy(asc(reminders.dueAt), asc(reminders.id)),
    activities: await db
      .select(COLUMNS.activities)
      .from(activities)
      .where(mine(activities))
      .orderBy(asc(activities.occurredAt), asc(activities.id)),
    // Private notes are for coaches: the condition is in the query, not a filter afterwards.
    sharedCoachNotes: await db
      .select(COLUMNS.sharedCoachNotes)
      .from(coachNotes)
      .leftJoin(memberships, staff(coachNotes.authorMembershipId))
      .leftJoin(users, userOfMembership)
      .where(and(mine(coachNotes), eq(coachNotes.visibility, "shared")))
      .orderBy(asc(coachNotes.createdAt), asc(coachNotes.id)),
    nudges: await db
      .select(COLUMNS.nudges)
      .from(nudges)
      .leftJoin(memberships, staff(nudges.coachMembershipId))
      .leftJoin(users, userOfMembership)
      .where(mine(nudges))
      .orderBy(asc(nudges.createdAt), asc(nudges.id)),
  } satisfies Record<ExportSection, unknown>;
}

export type ClientData = Awaited<ReturnType<typeof collectClientData>>;
