import { archiveClient, deleteClient, unarchiveClient } from "../../services/clients/lifecycle";
import { getClientProfile, listVisibleClients } from "../../services/clients/queries";
import { ZArchiveClientInput, ZDeleteClientInput } from "../../services/clients/schemas";
import { clientProcedure, ownerProcedure, router, staffProcedure } from "../init";

const scope = (ctx: { org: { id: string }; session: { userId: string } }) => ({ orgId: ctx.org.id, actorUserId: ctx.session.userId });

export const clientRouter = router({
  /** Coaches: the clients assigned to them; owners: every client. */
  list: staffProcedure.query(({ ctx }) => listVisibleClients(ctx.db, { orgId: ctx.org.id, membership: ctx.membership })),
  byId: clientProcedure.query(({ ctx }) => getClientProfile(ctx.db, ctx.org.id, ctx.client.id)),
  /** Owners: keep a client's data read-only and out of the active views. */
  archive: ownerProcedure.input(ZArchiveClientInput).mutation(({ ctx, input }) => archiveClient(ctx.db, scope(ctx), input.clientId)),
  unarchive: ownerProcedure.input(ZArchiveClientInput).mutation(({ ctx, input }) => unarchiveClient(ctx.db, scope(ctx), input.clientId)),
  /** Owners: delete a client's data on request, confirmed by typing their email. */
  delete: ownerProcedure.input(ZDeleteClientInput).mutation(({ ctx, input }) => deleteClient(ctx.db, scope(ctx), input)),
});
