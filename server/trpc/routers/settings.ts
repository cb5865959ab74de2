import { getSettings, updateBranding, updatePolicy } from "../../services/settings/settings";
import { ZUpdateBrandingInput, ZUpdatePolicyInput } from "../../services/settings/schemas";
import { ownerProcedure, router } from "../init";

export const settingsRouter = router({
  get: ownerProcedure.query(({ ctx }) => getSettings(ctx.db, ctx.scope)),
  updatePolicy: ownerProcedure.input(ZUpdatePolicyInput).mutation(({ ctx, input }) => updatePolicy(ctx.db, ctx.scope, input)),
  updateBranding: ownerProcedure.input(ZUpdateBrandingInput).mutation(({ ctx, input }) => updateBranding(ctx.db, ctx.scope, input)),
});
