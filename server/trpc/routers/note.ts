import { commentOnDraft, listDraftComments } from "../../services/notes/draft-comments";
import { createNote, deleteNote, listNotes, updateNote } from "../../services/notes/notes";
import { ZCommentOnDraftInput, ZCreateNoteInput, ZDeleteNoteInput, ZDraftCommentsInput, ZUpdateNoteInput } from "../../services/notes/schemas";
import { clientProcedure, router } from "../init";
import { clientScope } from "../../services/coach/context";

export const noteRouter = router({
  /** Coaches and owners: every note; the client: only notes shared with them. */
  list: clientProcedure.query(({ ctx }) => listNotes(ctx.db, clientScope(ctx))),
  create: clientProcedure.input(ZCreateNoteInput).mutation(({ ctx, input }) => createNote(ctx.db, clientScope(ctx), input)),
  update: clientProcedure.input(ZUpdateNoteInput).mutation(({ ctx, input }) => updateNote(ctx.db, clientScope(ctx), input)),
  delete: clientProcedure.input(ZDeleteNoteInput).mutation(({ ctx, input }) => deleteNote(ctx.db, clientScope(ctx), input.noteId)),
  commentOnDraft: clientProcedure.input(ZCommentOnDraftInput).mutation(({ ctx, input }) => commentOnDraft(ctx.db, clientScope(ctx), input)),
  draftComments: clientProcedure.input(ZDraftCommentsInput).query(({ ctx, input }) => listDraftComments(ctx.db, clientScope(ctx), input.draftId)),
});
