import { discardDraft, markDraftSent, updateDraft } from "../../services/drafts/actions";
import { getDraft, listDrafts } from "../../services/drafts/queries";
import { ZDiscardDraftInput, ZDraftByIdInput, ZListDraftsInput, ZMarkSentDraftInput, ZUpdateDraftInput } from "../../services/drafts/schemas";
import { scopeOf } from "../../services/interviews/scope";
import { clientProcedure, clientSelfProcedure, router } from "../init";

export const draftRouter = router({
  list: clientProcedure.input(ZListDraftsInput).query(({ ctx, input }) => listDrafts(ctx.db, scopeOf(ctx), input)),
  byId: clientProcedure.input(ZDraftByIdInput).query(({ ctx, input }) => getDraft(ctx.db, scopeOf(ctx), input.draftId)),
  update: clientSelfProcedure.input(ZUpdateDraftInput).mutation(({ ctx, input }) => updateDraft(ctx.db, scopeOf(ctx), input)),
  markSent: clientSelfProcedure.input(ZMarkSentDraftInput).mutation(({ ctx, input }) => markDraftSent(ctx.db, scopeOf(ctx), input)),
  discard: clientSelfProcedure.input(ZDiscardDraftInput).mutation(({ ctx, input }) => discardDraft(ctx.db, scopeOf(ctx), input.draftId)),
});
