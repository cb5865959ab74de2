import {
  LIMITS,
  accomplishmentFor,
  accomplishments,
  clientName,
  companyName,
  nameWithTitle,
  proposalKey,
  subjectTopic,
  theRole,
} from "./facts";
import { accomplishmentSentence } from "./notes";
import { draft } from "./shared";
import { endSentence, letter, listNames, paragraph, phrase } from "./text";
import type { DraftContext, DraftSpec } from "./types";

/** Proposal outlines (playbook rule 7). */

function peopleWhoRaised(ctx: DraftContext, challenge: string): string[] {
  return (ctx.participants ?? [])
    .filter((p) => (p.challengesDiscussed ?? []).some((c) => phrase(c, LIMITS.challenge) === challenge))
    .map(nameWithTitle)
    .filter(Boolean);
}

/**
 * A one-page outline for ONE stated challenge: the problem, three steps, the first 30 days and
 * how progress would be measured. Returns null when the challenge is empty after cleaning.
 */
export function proposalOutline(ctx: DraftContext & { challenge: string }): DraftSpec | null {
  const challenge = phrase(ctx.challenge, LIMITS.challenge);
  if (!challenge) return null;
  const company = companyName(ctx);
  const client = clientName(ctx);
  const raisedBy = listNames(peopleWhoRaised(ctx, challenge));
  const accomplishment = accomplishmentFor(challenge, accomplishments(ctx));
  const them = company || "the team";
  const body = letter(
    company ? `Proposal for ${company}: ${challenge}` : `Proposal: ${challenge}`,
    client ? `Prepared by ${client}, candidate for ${theRole(ctx)}.` : `Prepared by a candidate for ${theRole(ctx)}.`,
    `The problem\n${paragraph(
      `As I understood it from our conversations, ${them} wants to make progress on this: ${endSentence(challenge)}`,
      raisedBy && `It came up in my conversation with ${raisedBy}.`,
      "What follows is how I would approach it; I would be glad to refine it with you.",
    )}`,
    [
      "How I would approach it",
      "1. Listen and map: talk to the people closest to the problem and gather the numbers that describe it today.",
      "2. Choose a first target: agree on one outcome to move and the smallest change that could move it.",
      "3. Deliver and review: make that change, check the results together, and decide what to extend.",
    ].join("\n"),
    [
      "My first 30 days",
      "- Week 1: meet the people involved, read what already exists, and record a baseline.",
      "- Week 2: share a short written summary of what I found and agree the first target.",
      "- Weeks 3 and 4: deliver the first change and report on what it did.",
    ].join("\n"),
    [
      "How we would measure it",
      "- One main indicator, agreed in week 2 and compared with the baseline from week 1.",
      "- A short weekly update: what moved, what did not, and why.",
      "- A review at day 30 to decide the next step together.",
    ].join("\n"),
    accomplishment && `Why I can do this\n${accomplishmentSentence(accomplishment)}`,
  );
  return draft({
    kind: "proposal",
    contactId: null,
    subject: `Proposal: ${subjectTopic(challenge)}`,
    body,
    generationKey: proposalKey(ctx.application.id, challenge),
  });
}
