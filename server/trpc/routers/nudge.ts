import { listNudges, markNudgeRead, sendNudge } from "../../services/notes/nudges";
import { ZMarkNudgeReadInput, ZSendNudgeInput } from "../../services/notes/schemas";
import { clientProcedure, clientSelfProcedure, router } from "../init";
import { clientScope } from "../../services/coach/context";

export const nudgeRouter = router({
  /** The client's coach or an owner; the client gets FORBIDDEN. */
  send: clientProcedure.input(ZSendNudgeInput).mutation(async ({ ctx, input }) => (await sendNudge(ctx.db, clientScope(ctx), input)).nudge),
  list: clientProcedure.query(({ ctx }) => listNudges(ctx.db, clientScope(ctx))),
  markRead: clientSelfProcedure.input(ZMarkNudgeReadInput).mutation(({ ctx, input }) => markNudgeRead(ctx.db, clientScope(ctx), input.nudgeId)),
});
