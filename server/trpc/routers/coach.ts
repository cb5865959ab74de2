import { coachCharts } from "../../services/coach/charts";
import { clientDetail } from "../../services/coach/detail";
import { coachOverview } from "../../services/coach/overview";
import { ZAssignTaskInput, ZChartsInput, ZOverviewInput } from "../../services/coach/schemas";
import { assignTask } from "../../services/coach/tasks";
import { assertStaff } from "../../services/notes/access";
import { clientProcedure, router, staffProcedure } from "../init";
import { clientScope, coachScope } from "../../services/coach/context";

export const coachRouter = router({
  /** Owners: every client; coaches: their assigned clients. One row per client, paginated. */
  overview: staffProcedure.input(ZOverviewInput).query(({ ctx, input }) => coachOverview(ctx.db, coachScope(ctx), input)),
  /** Everything on one client's page; the client themself gets FORBIDDEN (it includes private notes). */
  clientDetail: clientProcedure.query(({ ctx }) => {
    assertStaff(clientScope(ctx));
    return clientDetail(ctx.db, { orgId: ctx.org.id }, ctx.client.id);
  }),
  charts: staffProcedure.input(ZChartsInput).query(({ ctx, input }) => coachCharts(ctx.db, coachScope(ctx), input)),
  assignTask: clientProcedure.input(ZAssignTaskInput).mutation(({ ctx, input }) => assignTask(ctx.db, clientScope(ctx), input)),
});
