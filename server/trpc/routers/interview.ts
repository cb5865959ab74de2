import { debriefInterview } from "../../services/interviews/debrief";
import { getInterview, listInterviews, scheduleOptions } from "../../services/interviews/queries";
import { cancelInterview, rescheduleInterview, scheduleInterview } from "../../services/interviews/schedule";
import {
  ZCancelInterviewInput,
  ZDebriefInterviewInput,
  ZInterviewByIdInput,
  ZListInterviewsInput,
  ZRescheduleInterviewInput,
  ZScheduleInterviewInput,
  ZScheduleOptionsInput,
} from "../../services/interviews/schemas";
import { clientProcedure, clientSelfProcedure, router } from "../init";

export const interviewRouter = router({
  list: clientProcedure.input(ZListInterviewsInput).query(({ ctx, input }) => listInterviews(ctx.db, ctx.scope, input)),
  byId: clientProcedure.input(ZInterviewByIdInput).query(({ ctx, input }) => getInterview(ctx.db, ctx.scope, input.interviewId)),
  scheduleOptions: clientProcedure
    .input(ZScheduleOptionsInput)
    .query(({ ctx, input }) => scheduleOptions(ctx.db, ctx.scope, input.applicationId)),
  schedule: clientSelfProcedure.input(ZScheduleInterviewInput).mutation(({ ctx, input }) => scheduleInterview(ctx.db, ctx.scope, input)),
  reschedule: clientSelfProcedure
    .input(ZRescheduleInterviewInput)
    .mutation(({ ctx, input }) => rescheduleInterview(ctx.db, ctx.scope, input)),
  cancel: clientSelfProcedure.input(ZCancelInterviewInput).mutation(({ ctx, input }) => cancelInterview(ctx.db, ctx.scope, input.interviewId)),
  debrief: clientSelfProcedure.input(ZDebriefInterviewInput).mutation(({ ctx, input }) => debriefInterview(ctx.db, ctx.scope, input)),
});
