import { ZUpdateCompanyInput } from "../../services/companies/schemas";
import { updateCompany } from "../../services/companies/update";
import { clientSelfProcedure, router } from "../init";

export const companyRouter = router({
  update: clientSelfProcedure
    .input(ZUpdateCompanyInput)
    .mutation(({ ctx, input }) => updateCompany(ctx.db, { orgId: ctx.org.id, clientId: ctx.client.id, actorUserId: ctx.session.userId }, input)),
});
