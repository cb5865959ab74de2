import { and, asc, eq } from "drizzle-orm";
import { withOrg, type Database } from "@/db";
import { memberships, organizations } from "@/db/schema";
import { pgErrorCode } from "@/db/sql";
import { conflict } from "../../errors";
import { recordAudit } from "../audit";
import type { TCreateOrgInput } from "./schemas";

const UNIQUE_VIOLATION = "23505";

/** A signed-in person creates a practice and becomes its first owner. */
export async function createOrganization(db: Database, userId: string, input: TCreateOrgInput) {
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
    .orderBy(asc(organizations.name));
}
