import { coachCharts } from "../../services/coach/charts";
import { clientDetail } from "../../services/coach/detail";
import { coachOverview } from "../../services/coach/overview";
import { coachOutcomes } from "../../services/coach/outcomes";
import { overviewExportBatch } from "../../services/coach/export";
import { ZAssignTaskInput, ZChartsInput, ZOutcomesInput, ZOverviewExportBatchInput, ZOverviewInput } from "../../services/coach/schemas";
import { assignTask } from "../../services/coach/tasks";
import { router, staffClientProcedure, staffClientWriteProcedure, staffProcedure } from "../init";

export const coachRouter = router({
  /** Owners: every client; coaches: their assigned clients. One row per client, paged by cursor. */
  overview: staffProcedure.input(ZOverviewInput).query(({ ctx, input }) => coachOverview(ctx.db, ctx.scope, input)),
  /** Everything on one client's page; the client themself gets FORBIDDEN (it includes private notes). */
  clientDetail: staffClientProcedure.query(({ ctx }) => clientDetail(ctx.db, ctx.scope)),
  /**
   * One batch (1,000 rows) of the overview export, after `cursor`: the streamed CSV route walks
   * these, so the file is authorised, scoped and filtered exactly like the overview.
   */
  overviewExport: staffProcedure.input(ZOverviewExportBatchInput).query(({ ctx, input }) => overviewExportBatch(ctx.db, ctx.scope, input)),
  /** Per cohort and per coach: clients, placements, days to first interview and offer, follow-through, gone quiet. */
  outcomes: staffProcedure.input(ZOutcomesInput).query(({ ctx, input }) => coachOutcomes(ctx.db, ctx.scope, input)),
  charts: staffProcedure.input(ZChartsInput).query(({ ctx, input }) => coachCharts(ctx.db, ctx.scope, input)),
  assignTask: staffClientWriteProcedure.input(ZAssignTaskInput).mutation(({ ctx, input }) => assignTask(ctx.db, ctx.scope, input)),
});
