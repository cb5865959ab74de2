import { ZListApplicationsInput, ZApplicationIdInput, ZChangeApplicationStatusInput, ZCreateApplicationInput, ZUpdateApplicationInput } from "../../services/applications/schemas";
import { changeApplicationStatus } from "../../services/applications/change-status";
import { createApplication } from "../../services/applications/create";
import { getApplicationDetail } from "../../services/applications/detail";
import { applicationBoard, listApplications } from "../../services/applications/list";
import type { ClientScope } from "../../services/applications/scope";
import { setApplicationArchived, updateApplication } from "../../services/applications/update";
import { clientProcedure, clientSelfProcedure, router } from "../init";

const scope = (ctx: { org: { id: string }; client: { id: string }; session: { userId: string } }): ClientScope => ({
  orgId: ctx.org.id,
  clientId: ctx.client.id,
  actorUserId: ctx.session.userId,
});

export const applicationRouter = router({
  list: clientProcedure.input(ZListApplicationsInput).query(({ ctx, input }) => listApplications(ctx.db, scope(ctx), input)),
  board: clientProcedure.query(({ ctx }) => applicationBoard(ctx.db, scope(ctx))),
  byId: clientProcedure.input(ZApplicationIdInput).query(async ({ ctx, input }) => ({
    ...(await getApplicationDetail(ctx.db, scope(ctx), input.applicationId)),
    // Coaches and owners read the same page; only the client may change it.
    canEdit: ctx.membership.id === ctx.client.id,
  })),
  create: clientSelfProcedure.input(ZCreateApplicationInput).mutation(({ ctx, input }) => createApplication(ctx.db, scope(ctx), input)),
  update: clientSelfProcedure.input(ZUpdateApplicationInput).mutation(({ ctx, input }) => updateApplication(ctx.db, scope(ctx), input)),
  changeStatus: clientSelfProcedure
    .input(ZChangeApplicationStatusInput)
    .mutation(({ ctx, input }) => changeApplicationStatus(ctx.db, scope(ctx), input)),
  archive: clientSelfProcedure.input(ZApplicationIdInput).mutation(({ ctx, input }) => setApplicationArchived(ctx.db, scope(ctx), input.applicationId, true)),
  unarchive: clientSelfProcedure
    .input(ZApplicationIdInput)
    .mutation(({ ctx, input }) => setApplicationArchived(ctx.db, scope(ctx), input.applicationId, false)),
});
