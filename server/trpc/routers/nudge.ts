import { listNudges, markNudgeRead, sendNudge } from "../../services/notes/nudges";
import { ZMarkNudgeReadInput, ZSendNudgeInput } from "../../services/notes/schemas";
import { clientProcedure, clientSelfProcedure, router, staffClientWriteProcedure } from "../init";

export const nudgeRouter = router({
  /** The client's coach or an owner; the client gets FORBIDDEN. */
  send: staffClientWriteProcedure.input(ZSendNudgeInput).mutation(async ({ ctx, input }) => (await sendNudge(ctx.db, ctx.scope, input)).nudge),
  list: clientProcedure.query(({ ctx }) => listNudges(ctx.db, ctx.scope)),
  markRead: clientSelfProcedure.input(ZMarkNudgeReadInput).mutation(({ ctx, input }) => markNudgeRead(ctx.db, ctx.scope, input.nudgeId)),
});
