import { headlineChallenge } from "./facts";
import { followUpLetters } from "./follow-up-letter";
import { mergeByContact, networkingAsk } from "./networking-ask";
import { proposalOutline } from "./proposal";
import { thankYouNotes } from "./thank-you";
import type { DebriefContext, DraftSpec } from "./types";

export { checkInMessage } from "./check-in";
export { followUpLetters } from "./follow-up-letter";
export { networkingAsk } from "./networking-ask";
export { proposalOutline } from "./proposal";
export { referencesNote } from "./references";
export { rejectionReply } from "./rejection-reply";
export { thankYouNotes } from "./thank-you";
export type * from "./types";

/**
 * Deterministic drafts of the messages the playbook asks a client to send. Same input, same
 * output; no AI, no I/O, no clock.
 *
 * Output is PLAIN TEXT. Whatever people typed (names, notes, challenges) is kept literally,
 * including anything that looks like HTML, so `<script>` stays the seven characters `<script>`.
 * Renderers must escape it: React does by default; an HTML email part must never inject a body
 * unescaped. We only strip what no renderer can repair (control characters, bidi overrides,
 * broken surrogates) and bound every inserted piece, so a 2,000-character note becomes one
 * sentence or a clipped phrase with an ellipsis.
 *
 * Paragraphs are separated by a blank line; single line breaks are intended (lists, sign-offs).
 */

/**
 * What logging a debrief drafts: a thank-you note and a follow-up letter per interviewer, a
 * proposal when a challenge is on record, and an ask per contact who could put in a good word.
 */
export function draftsForDebrief(ctx: DebriefContext): DraftSpec[] {
  const proposal = proposalOutline({ ...ctx, challenge: headlineChallenge(ctx) });
  return [
    ...thankYouNotes(ctx),
    ...followUpLetters(ctx),
    ...(proposal ? [proposal] : []),
    ...mergeByContact(ctx.goodWordContacts ?? []).map((contact) => networkingAsk({ ...ctx, contact })),
  ];
}
