import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { cohortMembers, cohorts, memberships } from "@/db/schema";
import { conflict, notFound } from "../../errors";
import { recordAudit } from "../audit";
import type { OrgScope } from "../scope";
import type { TArchiveCohortInput, TCohortClientsInput, TCreateCohortInput, TRenameCohortInput } from "./schemas";

/** Who is asking, in which organisation: cohorts are read by staff and changed by owners. */
export type CohortScope = Pick<OrgScope, "orgId" | "actorUserId" | "membership">;

export type CohortSummary = {
  id: string;
  name: string;
  archivedAt: Date | null;
  createdAt: Date;
  /** Active clients in it; for a coach, only those assigned to them. */
  clientCount: number;
  /** Pending invitations that join it on acceptance (owners only; 0 for a coach). */
  pendingInvitations: number;
};

/**
 * The organisation's cohorts with their sizes. Every staff member sees the names (a coach needs
 * them to filter), but a coach's counts cover only the clients assigned to them: nothing about
 * another coach's clients leaks through an aggregate.
 */
export async function listCohorts(db: Executor, scope: CohortScope, { includeArchived = false }: { includeArchived?: boolean } = {}): Promise<CohortSummary[]> {
  const { orgId, membership } = scope;
  const isOwner = membership.role === "owner";
  // Raw SQL with aliases: drizzle leaves columns of a one-table select unqualified, which a
  // correlated subquery over tables that also have `org_id` would find ambiguous.
  const visibleMember = isOwner
    ? sql`true`
    : sql`exists (select 1 from coach_assignments ca where ca.org_id = cm.org_id and ca.client_membership_id = cm.client_membership_id and ca.coach_membership_id = ${membership.id})`;
  const clientCount = sql<number>`(
    select count(*)::int from cohort_members cm
    join memberships m on m.org_id = cm.org_id and m.id = cm.client_membership_id
    where cm.org_id = ${orgId} and cm.cohort_id = "cohorts"."id" and m.status = 'active' and ${visibleMember})`;
  const pendingInvitations = isOwner
    ? sql<number>`(
        select count(*)::int from invitations i
        where i.org_id = ${orgId} and i.cohort_id = "cohorts"."id"
          and i.accepted_at is null and i.revoked_at is null and i.expires_at > now())`
    : sql<number>`0`;
  return db
    .select({ id: cohorts.id, name: cohorts.name, archivedAt: cohorts.archivedAt, createdAt: cohorts.createdAt, clientCount, pendingInvitations })
    .from(cohorts)
    .where(and(eq(cohorts.orgId, orgId), includeArchived ? undefined : isNull(cohorts.archivedAt)))
    .orderBy(asc(sql`lower(${cohorts.name})`));
}

export async function createCohort(db: Executor, scope: CohortScope, input: TCreateCohortInput) {
  const [created] = await db
    .insert(cohorts)
    .values({ orgId: scope.orgId, name: input.name })
    .onConflictDoNothing()
    .returning({ id: cohorts.id, name: cohorts.name });
  if (!created) throw conflict("There is already a cohort with that name.", "name");
  await audit(db, scope, "cohort.created", created.id, { name: created.name });
  return created;
}

export async function renameCohort(db: Executor, scope: CohortScope, input: TRenameCohortInput) {
  const before = await loadCohort(db, scope, input.cohortId);
  const [clash] = await db
    .select({ id: cohorts.id })
    .from(cohorts)
    .where(and(eq(cohorts.orgId, scope.orgId), sql`lower(${cohorts.name}) = lower(${input.name})`, sql`${cohorts.id} <> ${input.cohortId}`));
  if (clash) throw conflict("There is already a cohort with that name.", "name");
  const [renamed] = await db
    .update(cohorts)
    .set({ name: input.name })
    .where(and(eq(cohorts.orgId, scope.orgId), eq(cohorts.id, input.cohortId)))
    .returning({ id: cohorts.id, name: cohorts.name });
  await audit(db, scope, "cohort.renamed", input.cohortId, { from: before.name, to: input.name });
  return renamed!;
}

/** Archiving keeps the members (past reports still need them) and takes the cohort out of the lists. */
export async function archiveCohort(db: Executor, scope: CohortScope, input: TArchiveCohortInput) {
  await loadCohort(db, scope, input.cohortId);
  const [row] = await db
    .update(cohorts)
    .set({ archivedAt: input.archived ? sql`coalesce(${cohorts.archivedAt}, now())` : null })
    .where(and(eq(cohorts.orgId, scope.orgId), eq(cohorts.id, input.cohortId)))
    .returning({ id: cohorts.id, archivedAt: cohorts.archivedAt });
  await audit(db, scope, input.archived ? "cohort.archived" : "cohort.unarchived", input.cohortId, {});
  return row!;
}

/** Adds clients to a cohort; clients already in it stay as they are. Every id must be a client of this organisation. */
export async function addClientsToCohort(db: Executor, scope: CohortScope, input: TCohortClientsInput) {
  const cohort = await loadCohort(db, scope, input.cohortId);
  if (cohort.archivedAt) throw conflict("This cohort is archived: restore it before adding clients.", "cohortId");
  const clientIds = await requireClients(db, scope, input.clientIds);
  const added = await db
    .insert(cohortMembers)
    .values(clientIds.map((clientMembershipId) => ({ orgId: scope.orgId, cohortId: cohort.id, clientMembershipId })))
    .onConflictDoNothing()
    .returning({ clientMembershipId: cohortMembers.clientMembershipId });
  await audit(db, scope, "cohort.clients_added", cohort.id, { added: added.length, alreadyIn: clientIds.length - added.length, clientIds: added.map((r) => r.clientMembershipId) });
  return { added: added.length, alreadyIn: clientIds.length - added.length };
}

export async function removeClientsFromCohort(db: Executor, scope: CohortScope, input: TCohortClientsInput) {
  const cohort = await loadCohort(db, scope, input.cohortId);
  const removed = await db
    .delete(cohortMembers)
    .where(and(eq(cohortMembers.orgId, scope.orgId), eq(cohortMembers.cohortId, cohort.id), inArray(cohortMembers.clientMembershipId, input.clientIds)))
    .returning({ clientMembershipId: cohortMembers.clientMembershipId });
  await audit(db, scope, "cohort.clients_removed", cohort.id, { removed: removed.length, clientIds: removed.map((r) => r.clientMembershipId) });
  return { removed: removed.length };
}

export async function loadCohort(db: Executor, scope: Pick<CohortScope, "orgId">, cohortId: string) {
  const [row] = await db
    .select({ id: cohorts.id, name: cohorts.name, archivedAt: cohorts.archivedAt })
    .from(cohorts)
    .where(and(eq(cohorts.orgId, scope.orgId), eq(cohorts.id, cohortId)));
  if (!row) throw notFound("Cohort not found.");
  return row;
}

/** The distinct ids, if every one is a client membership of this organisation; NOT_FOUND otherwise. */
export async function requireClients(db: Executor, scope: Pick<CohortScope, "orgId">, ids: readonly string[]): Promise<string[]> {
  const wanted = [...new Set(ids)];
  const found = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.orgId, scope.orgId), eq(memberships.role, "client"), inArray(memberships.id, wanted)));
  if (found.length !== wanted.length) throw notFound("Client not found.");
  return wanted;
}

function audit(db: Executor, scope: CohortScope, action: "cohort.created" | "cohort.renamed" | "cohort.archived" | "cohort.unarchived" | "cohort.clients_added" | "cohort.clients_removed", cohortId: string, data: Record<string, unknown>) {
  return recordAudit(db, { orgId: scope.orgId, actorUserId: scope.actorUserId, action, targetType: "cohort", targetId: cohortId, data });
}
