import { getProfile, updateProfile } from "../../services/profile/profile";
import { ZUpdateProfileInput } from "../../services/profile/schemas";
import { orgProcedure, router } from "../init";

const me = (ctx: { session: { userId: string }; org: { id: string }; membership: { id: string; role: "owner" | "coach" | "client" } }) => ({
  userId: ctx.session.userId,
  orgId: ctx.org.id,
  membership: ctx.membership,
});

/** The signed-in person's own profile: only ever their own row, whatever the input says. */
export const profileRouter = router({
  get: orgProcedure.query(({ ctx }) => getProfile(ctx.db, me(ctx))),
  update: orgProcedure.input(ZUpdateProfileInput).mutation(({ ctx, input }) => updateProfile(ctx.db, me(ctx), input)),
});
