import { sql, type SQL } from "drizzle-orm";
import type { OrgScope } from "../scope";

/** Who is looking: the organisation, its zone and policy, and the caller's membership. */
export type CoachScope = Pick<OrgScope, "orgId" | "timeZone" | "policy" | "membership">;

/**
 * The condition that limits a query on `memberships m` to the clients the caller may see: every
 * client for an owner, the assigned ones for a coach. Every coach-portal query (rows, aggregates,
 * charts) starts from it, so an unassigned coach cannot see a client even inside a count.
 */
export function visibleClientCondition(scope: CoachScope, alias = "m", idColumn = "id"): SQL {
  const m = sql.raw(alias);
  const id = sql.raw(idColumn);
  if (scope.membership.role === "owner") return sql`true`;
  if (scope.membership.role !== "coach") return sql`false`;
  return sql`exists (select 1 from coach_assignments ca_scope
    where ca_scope.org_id = ${m}.org_id and ca_scope.client_membership_id = ${m}.${id}
      and ca_scope.coach_membership_id = ${scope.membership.id})`;
}

/** Kinds of reminder that are not a follow-up the client owes (digests, a coach's nudge, an invitation). */
export const NOT_FOLLOW_UPS = sql`('client_digest', 'coach_digest', 'coach_nudge', 'invitation')`;

/** `x / y` as a fraction, or null when nothing was due. */
export const rate = (done: number, due: number) => (due > 0 ? done / due : null);
