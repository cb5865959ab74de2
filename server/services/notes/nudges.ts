import { and, desc, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db";
import { memberships, nudges, reminders, users } from "@/db/schema";
import { notFound } from "../../errors";
import { recordActivity } from "../activity";
import { assertStaff, assertWritable, type ClientScope } from "./access";
import type { TSendNudgeInput } from "./schemas";
import { noteRemindersRequested } from "../reminders/handoff";

/**
 * A coach nudges a client: the nudge row (shown on the client's dashboard), a timeline entry,
 * and a reminder due now. The reminder's dedupe key names the nudge, so however often delivery
 * retries or re-runs, the email goes out once.
 */
export async function sendNudge(db: Executor, scope: ClientScope, input: TSendNudgeInput, now: Date = new Date()) {
  assertStaff(scope);
  assertWritable(scope);
  const [nudge] = await db
    .insert(nudges)
    .values({ orgId: scope.orgId, clientId: scope.clientId, coachMembershipId: scope.membership.id, message: input.message })
    .returning();
  await recordActivity(db, {
    orgId: scope.orgId,
    clientId: scope.clientId,
    actorUserId: scope.actorUserId,
    kind: "coach.nudge",
    summary: "Your coach sent you a nudge",
    data: { nudgeId: nudge!.id },
  });
  const [reminder] = await db
    .insert(reminders)
    .values({
      orgId: scope.orgId,
      recipientMembershipId: scope.clientId,
      clientId: scope.clientId,
      kind: "coach_nudge",
      reason: "Your coach sent you a message.",
      dueAt: now,
      dedupeKey: `coach_nudge/${nudge!.id}`,
    })
    .returning({ id: reminders.id });
  noteRemindersRequested(db, [reminder!.id]);
  return { nudge: nudge!, reminderId: reminder!.id };
}

export async function listNudges(db: Executor, scope: ClientScope) {
  return db
    .select({
      id: nudges.id,
      message: nudges.message,
      readAt: nudges.readAt,
      createdAt: nudges.createdAt,
      coachName: users.name,
      coachEmail: users.email,
    })
    .from(nudges)
    .innerJoin(memberships, and(eq(memberships.orgId, nudges.orgId), eq(memberships.id, nudges.coachMembershipId)))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(nudges.orgId, scope.orgId), eq(nudges.clientId, scope.clientId)))
    .orderBy(desc(nudges.createdAt));
}

/** The client marks a nudge read; marking it again keeps the first time. */
export async function markNudgeRead(db: Executor, scope: ClientScope, nudgeId: string, now: Date = new Date()) {
  const mine = and(eq(nudges.orgId, scope.orgId), eq(nudges.clientId, scope.clientId), eq(nudges.id, nudgeId));
  const [updated] = await db.update(nudges).set({ readAt: now }).where(and(mine, isNull(nudges.readAt))).returning();
  if (updated) return updated;
  const [existing] = await db.select().from(nudges).where(mine);
  if (!existing) throw notFound("Nudge not found.");
  return existing;
}
