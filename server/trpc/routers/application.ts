import { ZListApplicationsInput, ZApplicationIdInput, ZChangeApplicationStatusInput, ZCreateApplicationInput, ZUpdateApplicationInput } from "../../services/applications/schemas";
import { changeApplicationStatus } from "../../services/applications/change-status";
import { createApplication } from "../../services/applications/create";
import { getApplicationDetail } from "../../services/applications/detail";
import { applicationBoard, listApplications } from "../../services/applications/list";
import { setApplicationArchived, updateApplication } from "../../services/applications/update";
import { clientProcedure, clientSelfProcedure, router } from "../init";

export const applicationRouter = router({
  list: clientProcedure.input(ZListApplicationsInput).query(({ ctx, input }) => listApplications(ctx.db, ctx.scope, input)),
  board: clientProcedure.query(({ ctx }) => applicationBoard(ctx.db, ctx.scope)),
  byId: clientProcedure.input(ZApplicationIdInput).query(async ({ ctx, input }) => ({
    ...(await getApplicationDetail(ctx.db, ctx.scope, input.applicationId)),
    // Coaches and owners read the same page; only the client may change it.
    canEdit: ctx.scope.membership.id === ctx.scope.clientId,
  })),
  create: clientSelfProcedure.input(ZCreateApplicationInput).mutation(({ ctx, input }) => createApplication(ctx.db, ctx.scope, input)),
  update: clientSelfProcedure.input(ZUpdateApplicationInput).mutation(({ ctx, input }) => updateApplication(ctx.db, ctx.scope, input)),
  changeStatus: clientSelfProcedure
    .input(ZChangeApplicationStatusInput)
    .mutation(({ ctx, input }) => changeApplicationStatus(ctx.db, ctx.scope, input)),
  archive: clientSelfProcedure.input(ZApplicationIdInput).mutation(({ ctx, input }) => setApplicationArchived(ctx.db, ctx.scope, input.applicationId, true)),
  unarchive: clientSelfProcedure
    .input(ZApplicationIdInput)
    .mutation(({ ctx, input }) => setApplicationArchived(ctx.db, ctx.scope, input.applicationId, false)),
});
