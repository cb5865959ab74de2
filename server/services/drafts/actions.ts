import { and, eq, isNull } from "drizzle-orm";
import { draftKindPhrase } from "@/lib/vocabulary";
import type { Executor } from "@/db";
import { contacts, drafts, interviewParticipants } from "@/db/schema";
import { badRequest, conflict, notFound } from "../../errors";
import { recordActivity } from "../activity";
import { replanApplication } from "../reminders/replan";
import { draftsOf } from "./queries";
import type { TMarkSentDraftInput, TUpdateDraftInput } from "./schemas";
import type { ClientActor } from "../scope";

/**
 * Changes to a draft are conditional on it still being a draft (status in the WHERE), so two
 * tabs racing cannot send or edit a message twice. When the update matches nothing, tell a
 * missing draft (NOT_FOUND) from one that has moved on (CONFLICT).
 */
async function explainNoMatch(db: Executor, scope: ClientActor, draftId: string): Promise<never> {
  const [row] = await db.select({ status: drafts.status }).from(drafts).where(and(draftsOf(scope), eq(drafts.id, draftId)));
  if (!row) throw notFound("Draft not found.");
  throw conflict(row.status === "sent" ? "This message is already marked as sent." : "This draft was discarded.");
}

export async function updateDraft(db: Executor, scope: ClientActor, input: TUpdateDraftInput) {
  const { draftId, ...changes } = input;
  const [updated] = await db
    .update(drafts)
    .set(Object.keys(changes).length ? changes : { updatedAt: new Date() })
    .where(and(draftsOf(scope), eq(drafts.id, draftId), eq(drafts.status, "draft")))
    .returning();
  return updated ?? explainNoMatch(db, scope, draftId);
}

/**
 * The client sent the message themselves. A thank-you marks its interviewer as thanked, which
 * is what stops the thank-you reminder once everyone has been thanked.
 */
export async function markDraftSent(db: Executor, scope: ClientActor, input: TMarkSentDraftInput) {
  const [kind] = await db.select({ kind: drafts.kind }).from(drafts).where(and(draftsOf(scope), eq(drafts.id, input.draftId)));
  if (!kind) throw notFound("Draft not found.");
  if (input.handwritten && kind.kind !== "thank_you") throw badRequest("Only a thank-you note can be written by hand.", "handwritten");

  const now = new Date();
  const [sent] = await db
    .update(drafts)
    .set({ status: "sent", sentAt: now, handwritten: input.handwritten })
    .where(and(draftsOf(scope), eq(drafts.id, input.draftId), eq(drafts.status, "draft")))
    .returning();
  if (!sent) return explainNoMatch(db, scope, input.draftId);

  if (sent.kind === "thank_you" && sent.interviewId && sent.contactId) {
    await db
      .update(interviewParticipants)
      .set({ thankYouSentAt: now, thankYouHandwritten: input.handwritten })
      .where(
        and(
          eq(interviewParticipants.orgId, scope.orgId),
          eq(interviewParticipants.clientId, scope.clientId),
          eq(interviewParticipants.interviewId, sent.interviewId),
          eq(interviewParticipants.contactId, sent.contactId),
          isNull(interviewParticipants.thankYouSentAt),
        ),
      );
  }
  if (sent.contactId) {
    await db
      .update(contacts)
      .set({ lastContactedAt: now })
      .where(and(eq(contacts.orgId, scope.orgId), eq(contacts.clientId, scope.clientId), eq(contacts.id, sent.contactId)));
  }
  await recordActivity(db, {
    orgId: scope.orgId,
    clientId: scope.clientId,
    actorUserId: scope.actorUserId,
    kind: "draft.sent",
    summary: `Sent ${draftKindPhrase(sent.kind)}${input.handwritten ? " (handwritten)" : ""}`,
    applicationId: sent.applicationId,
    interviewId: sent.interviewId,
    data: { draftId: sent.id, kind: sent.kind, handwritten: input.handwritten },
  });
  if (sent.applicationId) await replanApplication(db, { orgId: scope.orgId, applicationId: sent.applicationId }, now);
  return sent;
}

export async function discardDraft(db: Executor, scope: ClientActor, draftId: string) {
  const [discarded] = await db
    .update(drafts)
    .set({ status: "discarded" })
    .where(and(draftsOf(scope), eq(drafts.id, draftId), eq(drafts.status, "draft")))
    .returning();
  if (!discarded) return explainNoMatch(db, scope, draftId);
  await recordActivity(db, {
    orgId: scope.orgId,
    clientId: scope.clientId,
    actorUserId: scope.actorUserId,
    kind: "draft.discarded",
    summary: `Discarded ${draftKindPhrase(discarded.kind)}`,
    applicationId: discarded.applicationId,
    interviewId: discarded.interviewId,
    data: { draftId: discarded.id, kind: discarded.kind },
  });
  return discarded;
}
