import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { userOfMembership } from "@/server/services/joins";
import type { Executor } from "@/db";
import { coachAssignments, memberships, users } from "@/db/schema";
import { badRequest, conflict, notFound } from "../../errors";
import { recordAudit } from "../audit";
import type { OrgActor } from "../scope";

/** Members of the organisation with their role and, for clients, their coaches. */
export async function listMembers(db: Executor, { orgId }: Pick<OrgActor, "orgId">) {
  const rows = await db
    .select({
      membershipId: memberships.id,
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      status: memberships.status,
      joinedAt: memberships.createdAt,
      coachMembershipIds: sql<string[]>`coalesce(array_agg(${coachAssignments.coachMembershipId}) filter (where ${coachAssignments.id} is not null), '{}')`,
      cohortIds: sql<string[]>`array(select cmb.cohort_id from cohort_members cmb where cmb.org_id = ${memberships.orgId} and cmb.client_membership_id = ${memberships.id})`,
    })
    .from(memberships)
    .innerJoin(users, userOfMembership)
    .leftJoin(
      coachAssignments,
      and(eq(coachAssignments.orgId, memberships.orgId), eq(coachAssignments.clientMembershipId, memberships.id)),
    )
    .where(eq(memberships.orgId, orgId))
    .groupBy(memberships.id, users.id)
    .orderBy(asc(memberships.role), asc(users.name));
  return rows;
}

async function loadMembership(db: Executor, orgId: string, membershipId: string) {
  const [row] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.id, membershipId)));
  if (!row) throw notFound("Member not found.");
  return row;
}

async function ensureAnotherOwner(db: Executor, orgId: string, leavingMembershipId: string) {
  const [{ owners } = { owners: 0 }] = await db
    .select({ owners: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, "owner"), eq(memberships.status, "active")));
  const [leaving] = await db.select({ role: memberships.role }).from(memberships).where(and(eq(memberships.orgId, orgId), eq(memberships.id, leavingMembershipId)));
  if (leaving?.role === "owner" && owners <= 1) {
    throw conflict("An organisation needs at least one owner: make someone else an owner first.");
  }
}

export async function changeRole(db: Executor, scope: OrgActor, membershipId: string, role: "owner" | "coach" | "client") {
  const member = await loadMembership(db, scope.orgId, membershipId);
  if (member.role === role) return member;
  if (member.role === "owner") await ensureAnotherOwner(db, scope.orgId, membershipId);
  // A change of role ends the assignments the old role had; keeping them would grant stale access.
  await db
    .delete(coachAssignments)
    .where(
      and(
        eq(coachAssignments.orgId, scope.orgId),
        member.role === "coach" ? eq(coachAssignments.coachMembershipId, membershipId) : eq(coachAssignments.clientMembershipId, membershipId),
      ),
    );
  const [updated] = await db
    .update(memberships)
    .set({ role })
    .where(and(eq(memberships.orgId, scope.orgId), eq(memberships.id, membershipId)))
    .returning();
  await recordAudit(db, {
    orgId: scope.orgId,
    actorUserId: scope.actorUserId,
    action: "member.role_changed",
    targetType: "membership",
    targetId: membershipId,
    data: { from: member.role, to: role },
  });
  return updated!;
}

export async function removeMember(db: Executor, scope: OrgActor, membershipId: string) {
  const member = await loadMembership(db, scope.orgId, membershipId);
  await ensureAnotherOwner(db, scope.orgId, membershipId);
  if (member.role === "client") {
    // A client's data is theirs and is only deleted on an explicit request (the admin's delete).
    throw badRequest("Clients are archived or deleted from the client admin, not removed here.");
  }
  await db.delete(memberships).where(and(eq(memberships.orgId, scope.orgId), eq(memberships.id, membershipId)));
  await recordAudit(db, {
    orgId: scope.orgId,
    actorUserId: scope.actorUserId,
    action: "member.removed",
    targetType: "membership",
    targetId: membershipId,
    data: { role: member.role, userId: member.userId },
  });
}

/** Assigns clients to a coach (bulk). Both sides must be members of this organisation in those roles. */
export async function assignClients(db: Executor, scope: OrgActor, coachMembershipId: string, clientMembershipIds: string[]) {
  const coach = await loadMembership(db, scope.orgId, coachMembershipId);
  if (coach.role === "client") throw badRequest("Choose a coach or an owner to assign clients to.", "coachMembershipId");
  const clients = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.orgId, scope.orgId), eq(memberships.role, "client"), inArray(memberships.id, clientMembershipIds)));
  if (clients.length !== new Set(clientMembershipIds).size) throw notFound("Client not found.");
  const added = await db
    .insert(coachAssignments)
    .values(clients.map((c) => ({ orgId: scope.orgId, coachMembershipId, clientMembershipId: c.id })))
    .onConflictDoNothing()
    .returning({ clientMembershipId: coachAssignments.clientMembershipId });
  for (const row of added) {
    await recordAudit(db, {
      orgId: scope.orgId,
      actorUserId: scope.actorUserId,
      action: "assignment.added",
      targetType: "membership",
      targetId: row.clientMembershipId,
      data: { coachMembershipId },
    });
  }
  return { added: added.length };
}

export async function unassignClient(db: Executor, scope: OrgActor, coachMembershipId: string, clientMembershipId: string) {
  const removed = await db
    .delete(coachAssignments)
    .where(
      and(
        eq(coachAssignments.orgId, scope.orgId),
        eq(coachAssignments.coachMembershipId, coachMembershipId),
        eq(coachAssignments.clientMembershipId, clientMembershipId),
      ),
    )
    .returning({ id: coachAssignments.id });
  if (removed.length === 0) throw notFound("Assignment not found.");
  await recordAudit(db, {
    orgId: scope.orgId,
    actorUserId: scope.actorUserId,
    action: "assignment.removed",
    targetType: "membership",
    targetId: clientMembershipId,
    data: { coachMembershipId },
  });
}
