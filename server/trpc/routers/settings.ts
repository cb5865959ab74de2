import { getSettings, updateBranding, updatePolicy } from "../../services/settings/settings";
import { ZUpdateBrandingInput, ZUpdatePolicyInput } from "../../services/settings/schemas";
import { ownerProcedure, router } from "../init";

const scope = (ctx: { org: { id: string }; session: { userId: string } }) => ({ orgId: ctx.org.id, actorUserId: ctx.session.userId });

export const settingsRouter = router({
  get: ownerProcedure.query(({ ctx }) => getSettings(ctx.db, ctx.org.id)),
  updatePolicy: ownerProcedure.input(ZUpdatePolicyInput).mutation(({ ctx, input }) => updatePolicy(ctx.db, scope(ctx), input)),
  updateBranding: ownerProcedure.input(ZUpdateBrandingInput).mutation(({ ctx, input }) => updateBranding(ctx.db, scope(ctx), input)),
});
