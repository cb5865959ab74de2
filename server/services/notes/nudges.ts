import { and, count, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { membershipNamedBy, userOfMembership } from "@/server/services/joins";
import type { Executor } from "@/db";
import { memberships, nudges, organizations, reminders, users } from "@/db/schema";
import { DomainError, notFound } from "../../errors";
import { applyQuietHours } from "../../followup/time";
import { canonicalTimeZoneOrUtc } from "../../validation/time-zone";
import { recordActivity } from "../activity";
import type { TSendNudgeInput } from "./schemas";
import { noteRemindersRequested } from "../reminders/handoff";
import type { StaffActor } from "../scope";

/** Nudges one client can receive in any 24 hours, from all their coaches together. */
export const NUDGES_PER_CLIENT_PER_DAY = 3;

/**
 * A coach nudges a client: the nudge row (shown on the client's dashboard at once), a timeline
 * entry, and a reminder that emails it, due now or, in the client's quiet hours (their own time
 * zone), when those end. The reminder's dedupe key names the nudge, so however often delivery
 * retries or re-runs, the email goes out once. A client gets at most NUDGES_PER_CLIENT_PER_DAY.
 */
export async function sendNudge(db: Executor, scope: StaffActor, input: TSendNudgeInput, now: Date = new Date()) {
  // Two coaches nudging at the same moment must not both take the last one of the day.
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`nudge:${scope.clientId}`}))`);
  const [recent] = await db
    .select({ n: count() })
    .from(nudges)
    .where(and(eq(nudges.orgId, scope.orgId), eq(nudges.clientId, scope.clientId), gt(nudges.createdAt, new Date(now.getTime() - 24 * 3600_000))));
  if ((recent?.n ?? 0) >= NUDGES_PER_CLIENT_PER_DAY) {
    throw new DomainError(
      "TOO_MANY_REQUESTS",
      `This client has had ${NUDGES_PER_CLIENT_PER_DAY} nudges in the last 24 hours. Leave them a note instead, or nudge again tomorrow.`,
      "message",
    );
  }
  const [recipient] = await db
    .select({ timeZone: users.timeZone, policy: organizations.policy })
    .from(memberships)
    .innerJoin(users, userOfMembership)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(membershipNamedBy(scope.orgId, scope.clientId));
  if (!recipient) throw notFound("Client not found.");
  const dueAt = applyQuietHours(now, canonicalTimeZoneOrUtc(recipient.timeZone), recipient.policy);

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
      dueAt,
      dedupeKey: `coach_nudge/${nudge!.id}`,
    })
    .returning({ id: reminders.id });
  noteRemindersRequested(db, [reminder!.id]);
  return { nudge: nudge!, reminderId: reminder!.id };
}

export async function listNudges(db: Executor, scope: StaffActor) {
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
    .innerJoin(memberships, membershipNamedBy(nudges.orgId, nudges.coachMembershipId))
    .innerJoin(users, userOfMembership)
    .where(and(eq(nudges.orgId, scope.orgId), eq(nudges.clientId, scope.clientId)))
    .orderBy(desc(nudges.createdAt));
}

/** The client marks a nudge read; marking it again keeps the first time. */
export async function markNudgeRead(db: Executor, scope: StaffActor, nudgeId: string, now: Date = new Date()) {
  const mine = and(eq(nudges.orgId, scope.orgId), eq(nudges.clientId, scope.clientId), eq(nudges.id, nudgeId));
  const [updated] = await db.update(nudges).set({ readAt: now }).where(and(mine, isNull(nudges.readAt))).returning();
  if (updated) return updated;
  const [existing] = await db.select().from(nudges).where(mine);
  if (!existing) throw notFound("Nudge not found.");
  return existing;
}
