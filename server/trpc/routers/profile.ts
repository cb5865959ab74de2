import { getProfile, updateProfile } from "../../services/profile/profile";
import { ZUpdateProfileInput } from "../../services/profile/schemas";
import { orgProcedure, router } from "../init";

/** The signed-in person's own profile: only ever their own row, whatever the input says. */
export const profileRouter = router({
  get: orgProcedure.query(({ ctx }) => getProfile(ctx.db, ctx.scope)),
  update: orgProcedure.input(ZUpdateProfileInput).mutation(({ ctx, input }) => updateProfile(ctx.db, ctx.scope, input)),
});
