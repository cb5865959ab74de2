import { aiConfig } from "../../ai/config";
import { discardDraft, markDraftSent, updateDraft } from "../../services/drafts/actions";
import { getDraft, listDrafts } from "../../services/drafts/queries";
import { completeRewrite, prepareRewrite, rewriteAvailability, type RewriteDraftResult } from "../../services/drafts/rewrite";
import {
  ZDiscardDraftInput,
  ZDraftByIdInput,
  ZListDraftsInput,
  ZMarkSentDraftInput,
  ZRewriteDraftInput,
  ZUpdateDraftInput,
} from "../../services/drafts/schemas";
import { scopeOf } from "../../services/interviews/scope";
import { clientProcedure, clientSelfProcedure, router } from "../init";

export const draftRouter = router({
  list: clientProcedure.input(ZListDraftsInput).query(({ ctx, input }) => listDrafts(ctx.db, scopeOf(ctx), input)),
  byId: clientProcedure.input(ZDraftByIdInput).query(async ({ ctx, input }) => ({
    ...(await getDraft(ctx.db, scopeOf(ctx), input.draftId)),
    rewriting: rewriteAvailability(aiConfig(), ctx.org.policy),
  })),
  update: clientSelfProcedure.input(ZUpdateDraftInput).mutation(({ ctx, input }) => updateDraft(ctx.db, scopeOf(ctx), input)),
  markSent: clientSelfProcedure.input(ZMarkSentDraftInput).mutation(({ ctx, input }) => markDraftSent(ctx.db, scopeOf(ctx), input)),
  discard: clientSelfProcedure.input(ZDiscardDraftInput).mutation(({ ctx, input }) => discardDraft(ctx.db, scopeOf(ctx), input.draftId)),
  /**
   * Rewrites the draft with the configured model. The model is asked after the request's tenant
   * transaction has committed (see services/drafts/rewrite.ts), so the answer is filled into the
   * result once that work has run, before the response is sent.
   */
  rewrite: clientSelfProcedure.input(ZRewriteDraftInput).mutation(async ({ ctx, input }) => {
    const scope = scopeOf(ctx);
    const prepared = await prepareRewrite(ctx.db, scope, input, { config: aiConfig(), policy: ctx.org.policy });
    if (prepared.outcome === "kept") return prepared as RewriteDraftResult;
    const result = { outcome: "kept", reason: "unavailable", message: "The writing assistant is not available right now. Your draft is unchanged." } as RewriteDraftResult;
    ctx.afterCommit.push(async () => {
      try {
        Object.assign(result, await completeRewrite(ctx.rootDb, scope, prepared));
      } catch (error) {
        // Nothing was saved: the client keeps the draft and the message above.
        console.error("[drafts] saving a rewrite failed", error);
      }
    });
    return result;
  }),
});
