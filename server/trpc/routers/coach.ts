import { enqueueReminders } from "../../inngest/enqueue";
import { coachCharts } from "../../services/coach/charts";
import { clientDetail } from "../../services/coach/detail";
import { coachOverview } from "../../services/coach/overview";
import { coachOutcomes } from "../../services/coach/outcomes";
import { overviewExportBatch } from "../../services/coach/export";
import { ZAssignTaskInput, ZChartsInput, ZOutcomesInput, ZOverviewExportBatchInput, ZOverviewInput } from "../../services/coach/schemas";
import { assignTask } from "../../services/coach/tasks";
import { assertStaff } from "../../services/notes/access";
import { clientProcedure, router, staffProcedure } from "../init";
import { clientScope, coachScope } from "../../services/coach/context";

export const coachRouter = router({
  /** Owners: every client; coaches: their assigned clients. One row per client, paged by cursor. */
  overview: staffProcedure.input(ZOverviewInput).query(({ ctx, input }) => coachOverview(ctx.db, coachScope(ctx), input)),
  /** Everything on one client's page; the client themself gets FORBIDDEN (it includes private notes). */
  clientDetail: clientProcedure.query(({ ctx }) => {
    assertStaff(clientScope(ctx));
    return clientDetail(ctx.db, { orgId: ctx.org.id }, ctx.client.id);
  }),
  /**
   * One batch (1,000 rows) of the overview export, after `cursor`: the streamed CSV route walks
   * these, so the file is authorised, scoped and filtered exactly like the overview.
   */
  overviewExport: staffProcedure
    .input(ZOverviewExportBatchInput)
    .query(({ ctx, input }) => overviewExportBatch(ctx.db, coachScope(ctx), input)),
  /** Per cohort and per coach: clients, placements, days to first interview and offer, follow-through, gone quiet. */
  outcomes: staffProcedure.input(ZOutcomesInput).query(({ ctx, input }) => coachOutcomes(ctx.db, coachScope(ctx), input)),
  charts: staffProcedure.input(ZChartsInput).query(({ ctx, input }) => coachCharts(ctx.db, coachScope(ctx), input)),
  assignTask: clientProcedure.input(ZAssignTaskInput).mutation(async ({ ctx, input }) => {
    const result = await assignTask(ctx.db, clientScope(ctx), input);
    ctx.afterCommit.push(async () => void (await enqueueReminders(ctx.rootDb, result.reminderIds)));
    return result.task;
  }),
});
