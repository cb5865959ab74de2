import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { users } from "@/db/schema";
import { unsafeListMembershipsOfUser } from "../org/organizations";
import type { UserScope } from "../scope";

/**
 * The signed-in person and every organisation they belong to (the switcher), the one they used
 * last first. Only ever their own row and memberships, keyed by the scope's person.
 */
export async function getMe(db: Database, scope: Pick<UserScope, "actorUserId">) {
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email, timeZone: users.timeZone })
    .from(users)
    .where(eq(users.id, scope.actorUserId));
  const memberships = await unsafeListMembershipsOfUser(db, scope.actorUserId);
  return { user: user!, memberships };
}

/** Where a signed-in person lands: the organisation they used last (listed first), or onboarding when they have none. */
export function homePathOf({ memberships }: Pick<Awaited<ReturnType<typeof getMe>>, "memberships">) {
  const [first] = memberships;
  return first ? `/${first.slug}` : "/onboarding";
}
