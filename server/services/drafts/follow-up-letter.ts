import { accomplishmentFor, accomplishments, challengeFor, companyName, personName, properNouns, roleTitle, subjectTopic, theRole } from "./facts";
import { accomplishmentSentence, lowerFirst } from "./notes";
import { conversationWith, distinctInterviewers, draft, greeting, headlineSentence, onDay, promisesTo, signOff } from "./shared";
import { endSentence, letter, paragraph } from "./text";
import type { DebriefContext, DraftContext, DraftSpec, Participant } from "./types";
import { pick } from "./voice";

/** Personal follow-up letters (playbook rule 4). */

function discussionFollowUp(ctx: DraftContext, participant: Participant, position: number): string {
  const conversation = conversationWith(ctx, participant);
  if (!conversation) return "";
  if ("quote" in conversation) return `Since then I have kept thinking about one thing that came up: "${conversation.quote}".`;
  const what = conversation.theySaidIt ? "what you said about" : "our conversation about";
  return pick([`Since then I have kept thinking about ${what} ${conversation.topic}.`, `I have come back more than once to ${what} ${conversation.topic}.`], position);
}

/**
 * The challenge this person raised (or the company's first) and the accomplishment that answers
 * it. Without a matching accomplishment the letter offers to think it through instead.
 */
function challengeTieIn(ctx: DraftContext, participant: Participant, position: number): string {
  const challenge = challengeFor(ctx, participant);
  if (!challenge) return "";
  const accomplishment = accomplishmentFor(challenge, accomplishments(ctx));
  const company = companyName(ctx);
  return paragraph(
    pick(
      [`You mentioned a challenge the team is facing: ${endSentence(lowerFirst(challenge, properNouns(ctx)))}`, `One thing you described stayed with me: ${endSentence(lowerFirst(challenge, properNouns(ctx)))}`],
      position,
    ),
    accomplishment
      ? paragraph(
          "I have worked on something close to it before.",
          accomplishmentSentence(accomplishment),
          company ? `I would bring what I learned from that to ${company}.` : "I would bring what I learned from that to your team.",
        )
      : "I have been thinking about how I would approach it, and I would welcome the chance to talk it through.",
  );
}

function followUpLetter(ctx: DebriefContext, participant: Participant, position: number): DraftSpec {
  const role = roleTitle(ctx);
  const body = letter(
    greeting(ctx, participant.name),
    paragraph(
      pick([`Thank you again for our conversation${onDay(ctx)} about ${theRole(ctx)}.`, `I wanted to follow up on our conversation${onDay(ctx)} about ${theRole(ctx)}.`], position),
      discussionFollowUp(ctx, participant, position),
    ),
    challengeTieIn(ctx, participant, position),
    headlineSentence(ctx),
    promisesTo(ctx, { contactId: participant.contactId, name: personName(participant.name) }),
    "I remain very interested in the role and would be happy to answer any further questions.",
    signOff(ctx, position + 1),
  );
  return draft({
    kind: "follow_up_letter",
    contactId: participant.contactId,
    subject: role ? `Following up on the ${subjectTopic(role)} role` : "Following up on our conversation",
    body,
    generationKey: `follow_up_letter/${ctx.interview.id}/${participant.contactId}`,
  });
}

/** One letter per interviewer: their discussion, and an accomplishment tied to a stated challenge. */
export function followUpLetters(ctx: DebriefContext): DraftSpec[] {
  return distinctInterviewers(ctx).map((participant, position) => followUpLetter(ctx, participant, position));
}
