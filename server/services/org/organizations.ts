import { and, asc, eq, sql } from "drizzle-orm";
import { withOrg, type Database } from "@/db";
import { memberships, organizations } from "@/db/schema";
import { pgErrorCode } from "@/db/sql";
import { conflict } from "../../errors";
import { recordAudit } from "../audit";
import type { OrgActor, UserScope } from "../scope";
import type { TCreateOrgInput } from "./schemas";

const UNIQUE_VIOLATION = "23505";

/** A signed-in person creates a practice and becomes its first owner. */
export async function createOrganization(db: Database, scope: Pick<UserScope, "actorUserId">, input: TCreateOrgInput) {
  const userId = scope.actorUserId;
  const orgId = crypto.randomUUID();
  try {
    // The organisation row comes first, outside tenant scope: it is what the scope will point at.
    await db.insert(organizations).values({ id: orgId, name: input.name, slug: input.slug, timeZone: input.timeZone ?? "UTC" });
  } catch (error) {
    if (pgErrorCode(error) === UNIQUE_VIOLATION) throw conflict("That address is taken; choose another.", "slug");
    throw error;
  }
  await withOrg(db, orgId, async (tx) => {
    const [owner] = await tx.insert(memberships).values({ orgId, userId, role: "owner" }).returning({ id: memberships.id });
    await recordAudit(tx, { orgId, actorUserId: userId, action: "organization.created", targetType: "organization", targetId: orgId });
    return owner;
  });
  return { id: orgId, slug: input.slug };
}

/**
 * Every organisation a person belongs to, for the switcher. Crosses tenants by design (it is
 * keyed by the person, not an organisation), hence `unsafe`: the caller must pass the signed-in
 * user's own id.
 */
export async function unsafeListMembershipsOfUser(db: Database, userId: string) {
  return db
    .select({
      membershipId: memberships.id,
      role: memberships.role,
      orgId: organizations.id,
      slug: organizations.slug,
      name: organizations.name,
      brandColor: organizations.brandColor,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(and(eq(memberships.userId, userId), eq(memberships.status, "active")))
    // The one used last first (signing in lands there); never used: the widest role first.
    .orderBy(
      sql`${memberships.lastUsedAt} desc nulls last`,
      sql`case ${memberships.role} when 'owner' then 0 when 'coach' then 1 else 2 end`,
      asc(organizations.name),
    );
}

/** The person in `scope` opened its organisation: their next sign-in lands there. */
export async function markOrganizationUsed(db: Database, scope: OrgActor) {
  await unsafeMarkOrganizationUsed(db, scope.actorUserId, scope.orgId);
}

/** Slower than this, a page view does not write "last used" again. */
const LAST_USED_PRECISION = "5 minutes";

/**
 * Remembers that the person opened this organisation, so the next sign-in lands there. Keyed by
 * the person's own id and the organisation they were just admitted to (hence `unsafe`: the
 * caller passes the signed-in user's id and an organisation already resolved for them).
 */
export async function unsafeMarkOrganizationUsed(db: Database, userId: string, orgId: string, now = new Date()) {
  await db
    .update(memberships)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(memberships.userId, userId),
        eq(memberships.orgId, orgId),
        sql`(${memberships.lastUsedAt} is null or ${memberships.lastUsedAt} < ${now.toISOString()}::timestamptz - interval '${sql.raw(LAST_USED_PRECISION)}')`,
      ),
    );
}
