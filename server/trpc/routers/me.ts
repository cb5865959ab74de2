import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { unsafeListMembershipsOfUser } from "../../services/org/organizations";
import { authedProcedure, router } from "../init";

export const meRouter = router({
  /** The signed-in person and every organisation they belong to (the switcher). */
  get: authedProcedure.query(async ({ ctx }) => {
    const [user] = await ctx.db
      .select({ id: users.id, name: users.name, email: users.email, timeZone: users.timeZone })
      .from(users)
      .where(eq(users.id, ctx.session.userId));
    const memberships = await unsafeListMembershipsOfUser(ctx.db, ctx.session.userId);
    return { user: user!, memberships };
  }),
});
