import { z } from "zod";
import { REWRITE_STYLES } from "../../ai/styles";

export const ZDraftKind = z.enum(["thank_you", "follow_up_letter", "check_in", "proposal", "networking_ask", "rejection_reply", "references"]);
export const ZDraftStatus = z.enum(["draft", "sent", "discarded"]);

export const ZListDraftsInput = z.object({
  status: ZDraftStatus.optional(),
  kind: ZDraftKind.optional(),
  applicationId: z.uuid().optional(),
});
export type TListDraftsInput = z.infer<typeof ZListDraftsInput>;

export const ZDraftIdInput = z.object({ draftId: z.uuid() });
export const ZDraftByIdInput = ZDraftIdInput;
export const ZDiscardDraftInput = ZDraftIdInput;

export const ZUpdateDraftInput = z.object({
  draftId: z.uuid(),
  subject: z.string().trim().min(1, "Give the message a subject.").max(300, "Keep the subject under 300 characters.").optional(),
  body: z.string().max(20_000, "Keep the message under 20,000 characters.").refine((v) => v.trim() !== "", "The message is empty.").optional(),
});
export type TUpdateDraftInput = z.infer<typeof ZUpdateDraftInput>;

export const ZMarkSentDraftInput = z.object({
  draftId: z.uuid(),
  /** A thank-you note written by hand counts as sent. */
  handwritten: z.boolean().default(false),
});
export type TMarkSentDraftInput = z.infer<typeof ZMarkSentDraftInput>;

/** Either a style button or a coach's comment to apply; never both. */
export const ZRewriteDraftInput = z
  .object({
    draftId: z.uuid(),
    style: z.enum(REWRITE_STYLES).optional(),
    commentId: z.uuid().optional(),
  })
  .refine((input) => !(input.style && input.commentId), { error: "Choose a style or a suggestion, not both.", path: ["style"] });
export type TRewriteDraftInput = z.infer<typeof ZRewriteDraftInput>;
