import { clientDashboard } from "../../services/dashboard/client";
import { clientProcedure, router } from "../init";

export const dashboardRouter = router({
  client: clientProcedure.query(({ ctx }) =>
    clientDashboard(ctx.db, { orgId: ctx.org.id, orgSlug: ctx.org.slug, clientId: ctx.client.id, viewerUserId: ctx.session.userId }),
  ),
});
