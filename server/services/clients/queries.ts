import { and, asc, eq, sql } from "drizzle-orm";
import { membershipNamedBy, userOfMembership } from "@/server/services/joins";
import type { Executor } from "@/db";
import { coachAssignments, memberships, users } from "@/db/schema";
import type { ClientRef, OrgScope } from "../scope";

type Caller = Pick<OrgScope, "orgId" | "membership">;

/** The clients a coach looks after, or every client for an owner. */
export async function listVisibleClients(db: Executor, caller: Caller) {
  const assignedToCaller = sql`exists (select 1 from ${coachAssignments} ca
    where ca.org_id = ${memberships.orgId} and ca.client_membership_id = ${memberships.id}
      and ca.coach_membership_id = ${caller.membership.id})`;
  return db
    .select({ clientId: memberships.id, name: users.name, email: users.email, status: memberships.status, timeZone: users.timeZone })
    .from(memberships)
    .innerJoin(users, userOfMembership)
    .where(
      and(
        eq(memberships.orgId, caller.orgId),
        eq(memberships.role, "client"),
        caller.membership.role === "owner" ? undefined : assignedToCaller,
      ),
    )
    .orderBy(asc(users.name));
}

/** One client's profile and coaches, for a caller already checked by `clientProcedure`. */
export async function getClientProfile(db: Executor, { orgId, clientId }: ClientRef) {
  const [profile] = await db
    .select({
      clientId: memberships.id,
      status: memberships.status,
      name: users.name,
      email: users.email,
      timeZone: users.timeZone,
      headline: users.headline,
      accomplishments: users.accomplishments,
    })
    .from(memberships)
    .innerJoin(users, userOfMembership)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.id, clientId)));
  const coaches = await db
    .select({ membershipId: memberships.id, name: users.name, email: users.email })
    .from(coachAssignments)
    .innerJoin(memberships, membershipNamedBy(coachAssignments.orgId, coachAssignments.coachMembershipId))
    .innerJoin(users, userOfMembership)
    .where(and(eq(coachAssignments.orgId, orgId), eq(coachAssignments.clientMembershipId, clientId)));
  return { ...profile!, coaches };
}
