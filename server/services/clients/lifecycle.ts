import { and, eq, inArray, isNull } from "drizzle-orm";
import { userOfMembership } from "@/server/services/joins";
import type { Executor } from "@/db";
import { applications, memberships, reminders, users } from "@/db/schema";
import { badRequest, notFound } from "../../errors";
import { recordAudit } from "../audit";
import { noteRemindersCancelled } from "../reminders/handoff";
import { replanApplication } from "../reminders/replan";
import type { OrgActor } from "../scope";


async function loadClient(db: Executor, orgId: string, clientId: string) {
  const [client] = await db
    .select({ id: memberships.id, status: memberships.status, email: users.email })
    .from(memberships)
    .innerJoin(users, userOfMembership)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.id, clientId), eq(memberships.role, "client")));
  if (!client) throw notFound("Client not found.");
  return client;
}

/**
 * A client who found a job (or stopped) is archived: their data is kept and readable by their
 * coach and owners, they leave the active views, they lose access, and no more reminders go out.
 */
export async function archiveClient(db: Executor, scope: OrgActor, clientId: string, now: Date = new Date()) {
  const client = await loadClient(db, scope.orgId, clientId);
  if (client.status === "archived") return { clientId, status: "archived" as const, cancelledReminders: 0 };
  await db.update(memberships).set({ status: "archived" }).where(and(eq(memberships.orgId, scope.orgId), eq(memberships.id, clientId)));
  const cancelled = await db
    .update(reminders)
    .set({ status: "cancelled", cancelledAt: now, leaseUntil: null })
    .where(and(eq(reminders.orgId, scope.orgId), eq(reminders.recipientMembershipId, clientId), eq(reminders.status, "pending")))
    .returning({ id: reminders.id });
  await recordAudit(db, {
    orgId: scope.orgId,
    actorUserId: scope.actorUserId,
    action: "client.archived",
    targetType: "membership",
    targetId: clientId,
    data: { cancelledReminders: cancelled.length },
  });
  noteRemindersCancelled(db, cancelled.map((r) => r.id));
  return { clientId, status: "archived" as const, cancelledReminders: cancelled.length };
}

/** Restores an archived client; re-planning their live applications brings back their reminders. */
export async function unarchiveClient(db: Executor, scope: OrgActor, clientId: string, now: Date = new Date()) {
  const client = await loadClient(db, scope.orgId, clientId);
  if (client.status === "active") return { clientId, status: "active" as const };
  await db.update(memberships).set({ status: "active" }).where(and(eq(memberships.orgId, scope.orgId), eq(memberships.id, clientId)));
  const live = await db
    .select({ id: applications.id })
    .from(applications)
    .where(
      and(
        eq(applications.orgId, scope.orgId),
        eq(applications.clientId, clientId),
        isNull(applications.archivedAt),
        inArray(applications.status, ["saved", "applied", "interviewing", "offer"]),
      ),
    );
  // Each re-plan records its reminders against the transaction, handed over once it commits.
  for (const application of live) await replanApplication(db, { orgId: scope.orgId, applicationId: application.id }, now);
  await recordAudit(db, { orgId: scope.orgId, actorUserId: scope.actorUserId, action: "client.unarchived", targetType: "membership", targetId: clientId });
  return { clientId, status: "active" as const };
}

/**
 * Deletes a client's data on their request. Every client-domain row references the membership
 * with ON DELETE CASCADE, so deleting it removes applications, interviews, contacts, drafts,
 * reminders, notes and the timeline in one statement. The person's account stays (they may
 * belong to other organisations). The audit entry keeps only the membership id: recording the
 * email would keep personal data the client asked us to delete.
 */
export async function deleteClient(db: Executor, scope: OrgActor, input: { clientId: string; confirmation: string }) {
  const client = await loadClient(db, scope.orgId, input.clientId);
  if (input.confirmation.trim().toLowerCase() !== client.email.toLowerCase()) {
    throw badRequest("That does not match the client's email address.", "confirmation");
  }
  const deleted = await db
    .delete(memberships)
    .where(and(eq(memberships.orgId, scope.orgId), eq(memberships.id, client.id), eq(memberships.role, "client")))
    .returning({ id: memberships.id });
  if (deleted.length !== 1) throw notFound("Client not found.");
  await recordAudit(db, {
    orgId: scope.orgId,
    actorUserId: scope.actorUserId,
    action: "client.deleted",
    targetType: "membership",
    targetId: client.id,
    data: { previousStatus: client.status },
  });
  return { clientId: client.id, deleted: true as const };
}
