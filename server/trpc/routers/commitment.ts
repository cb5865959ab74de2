import { completeCommitment, createCommitment, listCommitments, reopenCommitment } from "../../services/commitments/commitments";
import {
  ZCompleteCommitmentInput,
  ZCreateCommitmentInput,
  ZListCommitmentsInput,
  ZReopenCommitmentInput,
} from "../../services/commitments/schemas";
import { clientProcedure, clientSelfProcedure, router } from "../init";

export const commitmentRouter = router({
  list: clientProcedure.input(ZListCommitmentsInput).query(({ ctx, input }) => listCommitments(ctx.db, ctx.scope, input)),
  create: clientSelfProcedure.input(ZCreateCommitmentInput).mutation(({ ctx, input }) => createCommitment(ctx.db, ctx.scope, input)),
  complete: clientSelfProcedure
    .input(ZCompleteCommitmentInput)
    .mutation(({ ctx, input }) => completeCommitment(ctx.db, ctx.scope, input.commitmentId)),
  reopen: clientSelfProcedure
    .input(ZReopenCommitmentInput)
    .mutation(({ ctx, input }) => reopenCommitment(ctx.db, ctx.scope, input.commitmentId)),
});
