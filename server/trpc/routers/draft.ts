import { aiConfig } from "../../ai/config";
import { discardDraft, markDraftSent, updateDraft } from "../../services/drafts/actions";
import { getDraft, listDrafts } from "../../services/drafts/queries";
import { requestRewrite, rewriteAvailability } from "../../services/drafts/rewrite";
import {
  ZDiscardDraftInput,
  ZDraftByIdInput,
  ZListDraftsInput,
  ZMarkSentDraftInput,
  ZRewriteDraftInput,
  ZUpdateDraftInput,
} from "../../services/drafts/schemas";
import { clientProcedure, clientSelfProcedure, router } from "../init";

export const draftRouter = router({
  list: clientProcedure.input(ZListDraftsInput).query(({ ctx, input }) => listDrafts(ctx.db, ctx.scope, input)),
  byId: clientProcedure.input(ZDraftByIdInput).query(async ({ ctx, input }) => ({
    ...(await getDraft(ctx.db, ctx.scope, input.draftId)),
    rewriting: rewriteAvailability(aiConfig(), ctx.scope.policy),
  })),
  update: clientSelfProcedure.input(ZUpdateDraftInput).mutation(({ ctx, input }) => updateDraft(ctx.db, ctx.scope, input)),
  markSent: clientSelfProcedure.input(ZMarkSentDraftInput).mutation(({ ctx, input }) => markDraftSent(ctx.db, ctx.scope, input)),
  discard: clientSelfProcedure.input(ZDiscardDraftInput).mutation(({ ctx, input }) => discardDraft(ctx.db, ctx.scope, input.draftId)),
  /** Rewrites the draft with the configured model, asked once the request's transaction has committed. */
  rewrite: clientSelfProcedure
    .input(ZRewriteDraftInput)
    .mutation(({ ctx, input }) => requestRewrite(ctx.db, ctx.scope, input, { config: aiConfig(), policy: ctx.scope.policy })),
});
