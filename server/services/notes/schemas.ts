import { z } from "zod";

const body = (what: string, max: number) =>
  z.string().trim().min(1, { error: `Write the ${what} first.` }).max(max, { error: `Keep the ${what} under ${max.toLocaleString("en")} characters.` });

export const ZCreateNoteInput = z.object({ body: body("note", 5000), visibility: z.enum(["private", "shared"]).default("private") });
export type TCreateNoteInput = z.infer<typeof ZCreateNoteInput>;

export const ZUpdateNoteInput = z.object({ noteId: z.uuid(), body: body("note", 5000).optional(), visibility: z.enum(["private", "shared"]).optional() });
export type TUpdateNoteInput = z.infer<typeof ZUpdateNoteInput>;

export const ZDeleteNoteInput = z.object({ noteId: z.uuid() });

export const ZSendNudgeInput = z.object({ message: body("message", 1000) });
export type TSendNudgeInput = z.infer<typeof ZSendNudgeInput>;

export const ZMarkNudgeReadInput = z.object({ nudgeId: z.uuid() });

export const ZCommentOnDraftInput = z.object({ draftId: z.uuid(), body: body("comment", 2000) });
export type TCommentOnDraftInput = z.infer<typeof ZCommentOnDraftInput>;

export const ZDraftCommentsInput = z.object({ draftId: z.uuid() });
