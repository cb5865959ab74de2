import { coachCharts } from "../../services/coach/charts";
import { clientDetail } from "../../services/coach/detail";
import { coachOverview } from "../../services/coach/overview";
import { ZAssignTaskInput, ZChartsInput, ZOverviewInput } from "../../services/coach/schemas";
import { assignTask } from "../../services/coach/tasks";
import { router, staffClientProcedure, staffClientWriteProcedure, staffProcedure } from "../init";

export const coachRouter = router({
  /** Owners: every client; coaches: their assigned clients. One row per client, paginated. */
  overview: staffProcedure.input(ZOverviewInput).query(({ ctx, input }) => coachOverview(ctx.db, ctx.scope, input)),
  /** Everything on one client's page; the client themself gets FORBIDDEN (it includes private notes). */
  clientDetail: staffClientProcedure.query(({ ctx }) => clientDetail(ctx.db, ctx.scope, ctx.scope.clientId)),
  charts: staffProcedure.input(ZChartsInput).query(({ ctx, input }) => coachCharts(ctx.db, ctx.scope, input)),
  assignTask: staffClientWriteProcedure.input(ZAssignTaskInput).mutation(({ ctx, input }) => assignTask(ctx.db, ctx.scope, input)),
});
