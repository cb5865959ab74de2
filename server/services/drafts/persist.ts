import { and, desc, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import { applicationOfInterview, companyOfApplication, contactNamedBy, membershipNamedBy, userOfMembership } from "@/server/services/joins";
import type { Executor } from "@/db";
import { applications, commitments, companies, contactLinks, contacts, drafts, interviewParticipants, interviews, memberships, organizations, users } from "@/db/schema";
import { draftAvailableAt, resolvePolicy } from "@/server/followup";
import { draftsForDebrief } from "./generate";
import type { Acquaintance, DebriefContext, DraftSpec, GoodWordContact } from "./types";
import type { ClientRef } from "../scope";

/**
 * Stores generated drafts. The generation key is unique per organisation, so inserting the same
 * subject matter again (a debrief saved twice, two requests racing) adds nothing and never
 * overwrites what the client has already edited.
 */
export async function saveGeneratedDrafts(
  db: Executor,
  scope: ClientRef,
  link: { applicationId: string; interviewId?: string | null },
  specs: readonly (DraftSpec & { availableAt?: Date })[],
) {
  if (specs.length === 0) return [];
  return db
    .insert(drafts)
    .values(
      specs.map((spec) => ({
        orgId: scope.orgId,
        clientId: scope.clientId,
        applicationId: link.applicationId,
        interviewId: link.interviewId ?? null,
        contactId: spec.contactId,
        kind: spec.kind,
        subject: spec.subject,
        body: spec.body,
        generationKey: spec.generationKey,
        availableAt: spec.availableAt,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: drafts.id, kind: drafts.kind, contactId: drafts.contactId });
}

/**
 * Drafts the debrief of one interview and stores the ones not drafted before, each shown from
 * its moment in the playbook (see draft-timing.ts): the thank-you notes now, the rest later.
 */
export async function draftAfterDebrief(db: Executor, scope: ClientRef, interviewId: string, now = new Date()) {
  const context = await loadDebriefContext(db, scope, interviewId);
  const [timing] = await db
    .select({ endsAt: interviews.endsAt, debriefedAt: interviews.debriefedAt, policy: organizations.policy, timeZone: users.timeZone })
    .from(interviews)
    .innerJoin(organizations, eq(organizations.id, interviews.orgId))
    .innerJoin(memberships, membershipNamedBy(interviews.orgId, interviews.clientId))
    .innerJoin(users, userOfMembership)
    .where(and(eq(interviews.orgId, scope.orgId), eq(interviews.id, interviewId)));
  const input = {
    now,
    policy: resolvePolicy(timing?.policy),
    timeZone: timing?.timeZone ?? "UTC",
    interview: { endsAt: timing?.endsAt ?? now, debriefedAt: timing?.debriefedAt ?? now },
  };
  const specs = draftsForDebrief(context).map((spec) => ({ ...spec, availableAt: draftAvailableAt(spec.kind, input) }));
  return saveGeneratedDrafts(db, scope, { applicationId: context.application.id, interviewId }, specs);
}

/** Everything the generator needs about one debriefed interview, read with the client's scope. */
export async function loadDebriefContext(db: Executor, scope: ClientRef, interviewId: string): Promise<DebriefContext> {
  const [row] = await db
    .select({ interview: interviews, application: applications, company: companies })
    .from(interviews)
    .innerJoin(applications, applicationOfInterview)
    .innerJoin(companies, companyOfApplication)
    .where(and(eq(interviews.orgId, scope.orgId), eq(interviews.clientId, scope.clientId), eq(interviews.id, interviewId)));
  if (!row) throw new Error("loadDebriefContext: the interview was checked by the caller");
  const { interview, application, company } = row;

  const [client] = await db
    .select({ name: users.name, headline: users.headline, accomplishments: users.accomplishments, tone: users.draftTone })
    .from(memberships)
    .innerJoin(users, userOfMembership)
    .where(membershipNamedBy(scope.orgId, scope.clientId));

  const participants = await db
    .select({
      contactId: interviewParticipants.contactId,
      name: contacts.name,
      title: contacts.title,
      discussed: interviewParticipants.discussed,
      challengesDiscussed: interviewParticipants.challengesDiscussed,
    })
    .from(interviewParticipants)
    .innerJoin(contacts, contactNamedBy(interviewParticipants))
    .where(
      and(
        eq(interviewParticipants.orgId, scope.orgId),
        eq(interviewParticipants.clientId, scope.clientId),
        eq(interviewParticipants.interviewId, interviewId),
      ),
    )
    .orderBy(interviewParticipants.createdAt, contacts.name);

  const openCommitments = await db
    .select({ id: commitments.id, description: commitments.description, dueAt: commitments.dueAt, contactId: commitments.contactId, doneAt: commitments.doneAt })
    .from(commitments)
    .where(and(eq(commitments.orgId, scope.orgId), eq(commitments.clientId, scope.clientId), eq(commitments.applicationId, application.id)))
    .orderBy(commitments.dueAt);

  return {
    client: { name: client?.name ?? "", headline: client?.headline, accomplishments: client?.accomplishments ?? [], tone: client?.tone },
    company: { name: company.name, challenges: company.challenges },
    application: { id: application.id, roleTitle: application.roleTitle, status: application.status },
    interview: {
      id: interview.id,
      kind: interview.kind,
      startsAt: interview.startsAt,
      timeZone: interview.timeZone,
      nextSteps: interview.nextSteps,
      agreedCheckInOn: interview.agreedCheckInOn,
      preferredChannel: interview.preferredChannel,
    },
    participants,
    commitments: openCommitments,
    goodWordContacts: await goodWordContactsFor(db, scope, company.id, participants),
  };
}

/** People in the client's network who know one of the interviewers, or the company itself (rule 9). */
async function goodWordContactsFor(
  db: Executor,
  scope: ClientRef,
  companyId: string,
  participants: ReadonlyArray<{ contactId: string; name: string; title: string | null }>,
): Promise<GoodWordContact[]> {
  const interviewerIds = participants.map((p) => p.contactId);
  const links = await db
    .select({ contactId: contactLinks.contactId, name: contacts.name, knowsContactId: contactLinks.knowsContactId })
    .from(contactLinks)
    .innerJoin(contacts, contactNamedBy(contactLinks))
    .where(
      and(
        eq(contactLinks.orgId, scope.orgId),
        eq(contactLinks.clientId, scope.clientId),
        or(
          eq(contactLinks.knowsCompanyId, companyId),
          interviewerIds.length ? and(isNotNull(contactLinks.knowsContactId), inArray(contactLinks.knowsContactId, interviewerIds)) : sql`false`,
        ),
      ),
    )
    .orderBy(desc(contactLinks.createdAt));
  const byId = new Map(participants.map((p) => [p.contactId, p]));
  return (
    links
      // An interviewer putting in a good word with their own panel is no introduction.
      .filter((link) => !byId.has(link.contactId))
      .map((link) => {
        const person = link.knowsContactId ? byId.get(link.knowsContactId) : undefined;
        const knows: Acquaintance[] = person
          ? [{ kind: "person", name: person.name, contactId: person.contactId, title: person.title }]
          : [{ kind: "company" }];
        return { contactId: link.contactId, name: link.name, knows };
      })
  );
}
