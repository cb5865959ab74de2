import { createOrganization, markOrganizationUsed } from "../../services/org/organizations";
import { ZCreateOrgInput } from "../../services/org/schemas";
import { authedProcedure, orgProcedure, router } from "../init";

export const orgRouter = router({
  create: authedProcedure.input(ZCreateOrgInput).mutation(({ ctx, input }) => createOrganization(ctx.db, ctx.scope, input)),

  /** The organisation as the caller sees it, with their role in it. */
  get: orgProcedure.query(({ ctx }) => ({ ...ctx.org, role: ctx.membership.role, membershipId: ctx.membership.id })),

  /** The caller opened the organisation: signing in next time lands there. */
  markUsed: orgProcedure.mutation(({ ctx }) => markOrganizationUsed(ctx.db, ctx.scope)),
});
