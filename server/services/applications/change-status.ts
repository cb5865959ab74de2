import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { membershipNamedBy, userOfMembership } from "@/server/services/joins";
import type { Executor } from "@/db";
import { applications, applicationStatusHistory, contacts, drafts, interviewParticipants, interviews, memberships, users } from "@/db/schema";
import { recordActivity } from "../activity";
import { rejectionReply, type Participant } from "../drafts/generate";
import { applicationStatusChanged } from "../../inngest/events";
import { noteWorkflowEvent } from "../reminders/handoff";
import { replanApplication } from "../reminders/replan";
import type { TChangeApplicationStatusInput } from "./schemas";
import { loadApplication } from "./scope";
import { closeApplicationFollowUps, describeClosing, isApplicationClosed } from "./closing";
import { APPLICATION_STATUS_LABEL } from "@/lib/vocabulary";
import type { ClientActor } from "../scope";

/** Drafts that only make sense while the application is alive; a rejection discards them. */
const FOLLOW_UP_DRAFT_KINDS = ["check_in", "networking_ask", "proposal"] as const;

/**
 * Moves an application to a new status: keeps the old one in the history, bumps the plan version
 * (so reminders planned for the old status get new keys and stale ones are cancelled) and
 * re-plans in the same transaction. Closing it applies the closing rule (see `closing.ts`); a
 * rejection also drafts a gracious reply and discards the drafts that no longer apply.
 */
export async function changeApplicationStatus(db: Executor, scope: ClientActor, input: TChangeApplicationStatusInput, now = new Date()) {
  const { application, company } = await loadApplication(db, scope, input.applicationId);
  // Dropping a card back on its own column is not a change worth a history row.
  if (application.status === input.status) return { id: application.id, status: application.status, changed: false };

  await db
    .update(applications)
    .set({ status: input.status, statusChangedAt: now, planVersion: sql`${applications.planVersion} + 1` })
    .where(and(eq(applications.orgId, scope.orgId), eq(applications.clientId, scope.clientId), eq(applications.id, application.id)));
  await db.insert(applicationStatusHistory).values({
    orgId: scope.orgId,
    clientId: scope.clientId,
    applicationId: application.id,
    fromStatus: application.status,
    toStatus: input.status,
    changedAt: now,
    changedByUserId: scope.actorUserId,
  });

  let discardedDrafts = 0;
  let rejectionDraftId: string | null = null;
  if (input.status === "rejected") {
    rejectionDraftId = await draftRejectionReply(db, scope, { id: application.id, roleTitle: application.roleTitle }, company);
    const discarded = await db
      .update(drafts)
      .set({ status: "discarded" })
      .where(
        and(
          eq(drafts.orgId, scope.orgId),
          eq(drafts.clientId, scope.clientId),
          eq(drafts.applicationId, application.id),
          eq(drafts.status, "draft"),
          inArray(drafts.kind, [...FOLLOW_UP_DRAFT_KINDS]),
        ),
      )
      .returning({ id: drafts.id });
    discardedDrafts = discarded.length;
  }

  // After the reply is drafted: it names the interviewers of every round, even one now called off.
  const closing = isApplicationClosed({ status: input.status, archivedAt: application.archivedAt })
    ? await closeApplicationFollowUps(db, scope, application.id, now)
    : null;
  await recordActivity(db, {
    orgId: scope.orgId,
    clientId: scope.clientId,
    actorUserId: scope.actorUserId,
    kind: "application.status_changed",
    summary: `Moved ${application.roleTitle} at ${company.name} from ${APPLICATION_STATUS_LABEL[application.status]} to ${APPLICATION_STATUS_LABEL[input.status]}${closing ? describeClosing(closing) : ""}`,
    applicationId: application.id,
    data: {
      from: application.status,
      to: input.status,
      ...closing,
      ...(input.status === "rejected" && { discardedDrafts, rejectionDraftId }),
    },
  });
  await replanApplication(db, { orgId: scope.orgId, applicationId: application.id }, now);
  noteWorkflowEvent(db, applicationStatusChanged.create({ orgId: scope.orgId, applicationId: application.id }));
  return { id: application.id, status: input.status, changed: true };
}

/**
 * Writes the rejection reply once per application: its generation key is unique, so a second
 * rejection (after reopening) leaves the first draft, whatever became of it, as the only one.
 */
async function draftRejectionReply(
  db: Executor,
  scope: ClientActor,
  application: { id: string; roleTitle: string },
  company: { name: string; challenges: string[]; researchNotes: string },
) {
  const [profile] = await db
    .select({ name: users.name, headline: users.headline, accomplishments: users.accomplishments })
    .from(memberships)
    .innerJoin(users, userOfMembership)
    .where(membershipNamedBy(scope.orgId, scope.clientId));
  const met = await db
    .select({ contactId: contacts.id, name: contacts.name, title: contacts.title, startsAt: interviews.startsAt })
    .from(interviewParticipants)
    .innerJoin(
      interviews,
      and(eq(interviews.orgId, interviewParticipants.orgId), eq(interviews.clientId, interviewParticipants.clientId), eq(interviews.id, interviewParticipants.interviewId)),
    )
    .innerJoin(
      contacts,
      and(eq(contacts.orgId, interviewParticipants.orgId), eq(contacts.clientId, interviewParticipants.clientId), eq(contacts.id, interviewParticipants.contactId)),
    )
    .where(
      and(
        eq(interviewParticipants.orgId, scope.orgId),
        eq(interviewParticipants.clientId, scope.clientId),
        eq(interviews.applicationId, application.id),
        sql`${interviews.status} <> 'cancelled'`,
      ),
    )
    .orderBy(asc(interviews.startsAt), asc(contacts.name));
  // Most recent interviewer first: the person who is likely to have sent the news.
  const seen = new Set<string>();
  const participants: Participant[] = met
    .reverse()
    .filter((p) => !seen.has(p.contactId) && Boolean(seen.add(p.contactId)))
    .map((p) => ({ contactId: p.contactId, name: p.name, title: p.title }));

  const spec = rejectionReply({
    client: { name: profile?.name ?? "", headline: profile?.headline, accomplishments: profile?.accomplishments ?? [] },
    company: { name: company.name, challenges: company.challenges, researchNotes: company.researchNotes },
    application: { id: application.id, roleTitle: application.roleTitle, status: "rejected" },
    participants,
  });
  const [row] = await db
    .insert(drafts)
    .values({
      orgId: scope.orgId,
      clientId: scope.clientId,
      applicationId: application.id,
      contactId: spec.contactId,
      kind: spec.kind,
      subject: spec.subject,
      body: spec.body,
      generationKey: spec.generationKey,
    })
    .onConflictDoNothing()
    .returning({ id: drafts.id });
  return row?.id ?? null;
}
