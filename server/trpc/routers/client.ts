import { getClientProfile, listVisibleClients } from "../../services/clients/queries";
import { clientProcedure, router, staffProcedure } from "../init";

export const clientRouter = router({
  /** Coaches: the clients assigned to them; owners: every client. */
  list: staffProcedure.query(({ ctx }) => listVisibleClients(ctx.db, { orgId: ctx.org.id, membership: ctx.membership })),
  byId: clientProcedure.query(({ ctx }) => getClientProfile(ctx.db, ctx.org.id, ctx.client.id)),
});
