import { clientDashboard } from "../../services/dashboard/client";
import { clientProcedure, router } from "../init";

export const dashboardRouter = router({
  client: clientProcedure.query(({ ctx }) =>
    clientDashboard(ctx.db, ctx.scope),
  ),
});
