import { commentOnDraft, listDraftComments } from "../../services/notes/draft-comments";
import { createNote, deleteNote, listNotes, updateNote } from "../../services/notes/notes";
import { ZCommentOnDraftInput, ZCreateNoteInput, ZDeleteNoteInput, ZDraftCommentsInput, ZUpdateNoteInput } from "../../services/notes/schemas";
import { clientProcedure, router, staffClientProcedure, staffClientWriteProcedure } from "../init";

export const noteRouter = router({
  /** Coaches and owners: every note; the client: only notes shared with them. */
  list: clientProcedure.query(({ ctx }) => listNotes(ctx.db, ctx.scope)),
  create: staffClientWriteProcedure.input(ZCreateNoteInput).mutation(({ ctx, input }) => createNote(ctx.db, ctx.scope, input)),
  update: staffClientWriteProcedure.input(ZUpdateNoteInput).mutation(({ ctx, input }) => updateNote(ctx.db, ctx.scope, input)),
  delete: staffClientProcedure.input(ZDeleteNoteInput).mutation(({ ctx, input }) => deleteNote(ctx.db, ctx.scope, input.noteId)),
  commentOnDraft: staffClientWriteProcedure.input(ZCommentOnDraftInput).mutation(({ ctx, input }) => commentOnDraft(ctx.db, ctx.scope, input)),
  draftComments: clientProcedure.input(ZDraftCommentsInput).query(({ ctx, input }) => listDraftComments(ctx.db, ctx.scope, input.draftId)),
});
