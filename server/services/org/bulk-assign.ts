import { and, eq, inArray, isNull, ne, gt, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { coachAssignments, cohortMembers, invitations, memberships } from "@/db/schema";
import { badRequest, notFound } from "../../errors";
import { recordAudit } from "../audit";
import type { OrgActor } from "../scope";
import { loadCohort, requireClients } from "../cohorts/cohorts";
import type { TBulkAssignInput } from "./schemas";


export type BulkAssignResult = {
  /** Clients the action was about (the selection, or the cohort's members). */
  clients: number;
  /** Newly assigned to the coach. */
  assigned: number;
  /** Already with the coach: nothing changed for them. */
  alreadyAssigned: number;
  /** Assignments to other coaches ended ("replace" only). */
  unassignedFromOthers: number;
  /** A cohort's pending invitations that will now join this coach on acceptance. */
  invitations: number;
};

/**
 * Assigns a coach to a selection of clients or to a whole cohort, in one transaction.
 * "add" keeps the clients' other coaches; "replace" makes this coach their only one (a handover).
 * For a cohort, the pending invitations into it are pointed at the coach too, so students who
 * accept later arrive assigned.
 *
 * One audit entry per action, with the counts and the ids of the clients it changed: a career
 * centre moving a 2,000-client cohort reads one line that says what happened, not 2,000 lines
 * that drown every other entry, and the ids still answer "who was moved, by whom, when".
 */
export async function bulkAssignCoach(db: Executor, scope: OrgActor, input: TBulkAssignInput): Promise<BulkAssignResult> {
  const { orgId } = scope;
  const [coach] = await db
    .select({ id: memberships.id, role: memberships.role, status: memberships.status })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.id, input.coachMembershipId)));
  if (!coach) throw notFound("Member not found.");
  if (coach.role === "client" || coach.status !== "active") throw badRequest("Choose an active coach or owner.", "coachMembershipId");

  let clientIds: string[];
  let cohortId: string | null = null;
  if ("cohortId" in input.target) {
    const cohort = await loadCohort(db, scope, input.target.cohortId);
    cohortId = cohort.id;
    const members = await db
      .select({ id: cohortMembers.clientMembershipId })
      .from(cohortMembers)
      .innerJoin(memberships, and(eq(memberships.orgId, cohortMembers.orgId), eq(memberships.id, cohortMembers.clientMembershipId)))
      .where(and(eq(cohortMembers.orgId, orgId), eq(cohortMembers.cohortId, cohort.id), eq(memberships.status, "active")));
    clientIds = members.map((m) => m.id);
  } else {
    clientIds = await requireClients(db, scope, input.target.clientIds);
  }

  let unassigned: string[] = [];
  if (input.mode === "replace" && clientIds.length > 0) {
    const removed = await db
      .delete(coachAssignments)
      .where(
        and(
          eq(coachAssignments.orgId, orgId),
          inArray(coachAssignments.clientMembershipId, clientIds),
          ne(coachAssignments.coachMembershipId, coach.id),
        ),
      )
      .returning({ clientMembershipId: coachAssignments.clientMembershipId });
    unassigned = removed.map((r) => r.clientMembershipId);
  }
  const added =
    clientIds.length === 0
      ? []
      : await db
          .insert(coachAssignments)
          .values(clientIds.map((clientMembershipId) => ({ orgId, coachMembershipId: coach.id, clientMembershipId })))
          .onConflictDoNothing()
          .returning({ clientMembershipId: coachAssignments.clientMembershipId });

  let invited = 0;
  if (cohortId) {
    const pointed = await db
      .update(invitations)
      .set({ coachMembershipId: coach.id })
      .where(
        and(
          eq(invitations.orgId, orgId),
          eq(invitations.cohortId, cohortId),
          eq(invitations.role, "client"),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, sql`now()`),
        ),
      )
      .returning({ id: invitations.id });
    invited = pointed.length;
  }

  const result: BulkAssignResult = {
    clients: clientIds.length,
    assigned: added.length,
    alreadyAssigned: clientIds.length - added.length,
    unassignedFromOthers: unassigned.length,
    invitations: invited,
  };
  await recordAudit(db, {
    orgId,
    actorUserId: scope.actorUserId,
    action: "assignment.bulk",
    targetType: "membership",
    targetId: coach.id,
    data: {
      coachMembershipId: coach.id,
      mode: input.mode,
      ...(cohortId ? { cohortId } : {}),
      ...result,
      assignedClientIds: added.map((r) => r.clientMembershipId),
      unassignedClientIds: [...new Set(unassigned)],
    },
  });
  return result;
}
