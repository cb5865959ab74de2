import { companyName, theRole } from "./facts";
import { draft, greeting, recipientOrFirstInterviewer, signOff } from "./shared";
import { letter, listNames, paragraph } from "./text";
import { firstName } from "./voice";
import type { DraftContext, DraftSpec, Recipient } from "./types";

/** Replying to a rejection with grace (playbook rule 10). */

/** A gracious reply to a rejection that keeps the door open. `recipient` defaults to the first interviewer. */
export function rejectionReply(ctx: DraftContext & { recipient?: Recipient | null }): DraftSpec {
  const recipient = recipientOrFirstInterviewer(ctx, ctx.recipient);
  const company = companyName(ctx);
  // Named apart from the recipient, who is thanked directly.
  const others = (ctx.participants ?? []).filter((p) => p.contactId !== recipient?.contactId);
  const met = listNames(others.map((p) => firstName(p.name)).filter(Boolean));
  const body = letter(
    greeting(ctx, recipient?.name),
    paragraph(
      `Thank you for letting me know your decision on ${theRole(ctx)}.`,
      met
        ? `I am disappointed, of course, but grateful for the time you gave me, and for my conversations with ${met}.`
        : "I am disappointed, of course, but grateful for the time you and the team gave me.",
    ),
    paragraph(
      company
        ? `I enjoyed learning about ${company}, and I would still very much like to work with you one day.`
        : "I would still very much like to work with you one day.",
      "If another role opens up that fits my experience, I would be glad to be considered.",
      "If you have a moment, I would also value any feedback that could help me improve.",
    ),
    "May I stay in touch? I would like to keep following your work, and I hope our paths cross again.",
    signOff(ctx),
  );
  return draft({
    kind: "rejection_reply",
    contactId: recipient?.contactId ?? null,
    subject: "Thank you, and staying in touch",
    body,
    generationKey: `rejection_reply/${ctx.application.id}`,
  });
}
