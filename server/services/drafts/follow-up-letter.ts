import {
  LIMITS,
  accomplishmentFor,
  accomplishments,
  challengeFor,
  companyName,
  personName,
  subjectTopic,
  theRole,
} from "./facts";
import { draft, greeting, headlineSentence, distinctInterviewers, onDay, promisesTo, signOff } from "./shared";
import { endSentence, letter, paragraph, phrase, summarise } from "./text";
import type { DebriefContext, DraftContext, DraftSpec, Participant } from "./types";

/** Personal follow-up letters (playbook rule 4). */

function discussionFollowUp(participant: Participant): string {
  const discussed = summarise(participant.discussed, LIMITS.discussed);
  return discussed
    ? `I have kept thinking about what you shared, in particular this: ${endSentence(discussed)}`
    : "It gave me a clear picture of the team and where it is heading.";
}

function challengeTieIn(ctx: DraftContext, participant: Participant, position: number): string {
  const challenge = challengeFor(ctx, participant);
  if (!challenge) return "";
  const accomplishment = accomplishmentFor(challenge, accomplishments(ctx), position);
  const company = companyName(ctx);
  return paragraph(
    `You described a challenge in front of the team: ${endSentence(challenge)}`,
    accomplishment
      ? `I have worked on something close to it before: ${endSentence(accomplishment)}`
      : "I have been thinking about how I would approach it, and I would welcome the chance to talk it through.",
    accomplishment &&
      (company
        ? `I would bring that experience, and what I learned from it, to ${company}.`
        : "I would bring that experience, and what I learned from it, to your team."),
  );
}

function followUpLetter(ctx: DebriefContext, participant: Participant, position: number): DraftSpec {
  const name = personName(participant.name);
  const role = phrase(ctx.application.roleTitle, LIMITS.role);
  const body = letter(
    greeting(name),
    paragraph(
      `Thank you again for our conversation${onDay(ctx)} about ${theRole(ctx)}.`,
      discussionFollowUp(participant),
    ),
    challengeTieIn(ctx, participant, position),
    headlineSentence(ctx),
    promisesTo(ctx, participant.contactId),
    "I remain very interested in the role and would be happy to answer any further questions.",
    signOff("Kind regards", ctx),
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
