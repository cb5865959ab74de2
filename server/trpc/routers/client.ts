import { archiveClient, deleteClient, unarchiveClient } from "../../services/clients/lifecycle";
import { getClientProfile, listVisibleClients } from "../../services/clients/queries";
import { ZArchiveClientInput, ZDeleteClientInput } from "../../services/clients/schemas";
import { clientProcedure, ownerProcedure, router, staffProcedure } from "../init";

export const clientRouter = router({
  /** Coaches: the clients assigned to them; owners: every client. */
  list: staffProcedure.query(({ ctx }) => listVisibleClients(ctx.db, ctx.scope)),
  byId: clientProcedure.query(({ ctx }) => getClientProfile(ctx.db, ctx.scope)),
  /** Owners: keep a client's data read-only and out of the active views. */
  archive: ownerProcedure.input(ZArchiveClientInput).mutation(({ ctx, input }) => archiveClient(ctx.db, ctx.scope, input.clientId)),
  unarchive: ownerProcedure.input(ZArchiveClientInput).mutation(({ ctx, input }) => unarchiveClient(ctx.db, ctx.scope, input.clientId)),
  /** Owners: delete a client's data on request, confirmed by typing their email. */
  delete: ownerProcedure.input(ZDeleteClientInput).mutation(({ ctx, input }) => deleteClient(ctx.db, ctx.scope, input)),
});
