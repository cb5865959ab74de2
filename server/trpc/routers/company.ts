import { ZUpdateCompanyInput } from "../../services/companies/schemas";
import { updateCompany } from "../../services/companies/update";
import { clientSelfProcedure, router } from "../init";

export const companyRouter = router({
  update: clientSelfProcedure
    .input(ZUpdateCompanyInput)
    .mutation(({ ctx, input }) => updateCompany(ctx.db, ctx.scope, input)),
});
