import { companyName, discussedChallenge, meetingPhrase, personName, properNouns, roleAtCompany } from "./facts";
import { lowerFirst } from "./notes";
import {
  conversationWith,
  distinctInterviewers,
  draft,
  greeting,
  nextStepsSentence,
  onDay,
  promisesTo,
  signOff,
  toneOf,
} from "./shared";
import { letter, paragraph } from "./text";
import type { DebriefContext, DraftSpec, Participant } from "./types";
import { firstName, pick } from "./voice";

/**
 * Thank-you notes (playbook rule 3). Wording varies with the interviewer's position so a panel
 * comparing notes reads different letters, each about its own conversation.
 */

function opening(ctx: DebriefContext, position: number): string {
  const role = roleAtCompany(ctx);
  const thanks = toneOf(ctx) === "formal" ? "Thank you" : "Thanks";
  return pick(
    [
      `Thank you for ${meetingPhrase(ctx.interview)}${onDay(ctx)} to talk about ${role}.`,
      `${thanks} again for your time${onDay(ctx)}; I enjoyed learning more about ${role}.`,
      `I appreciated the time you took${onDay(ctx)} to talk with me about ${role}.`,
    ],
    position,
  );
}

function discussionThanks(ctx: DebriefContext, participant: Participant, position: number): string {
  const conversation = conversationWith(ctx, participant);
  if (conversation && "quote" in conversation) {
    return pick(
      [
        `One line from our conversation has stayed with me: "${conversation.quote}".`,
        `I keep coming back to something from our conversation: "${conversation.quote}".`,
      ],
      position,
    );
  }
  if (conversation) {
    const about = conversation.topic;
    return conversation.theySaidIt
      ? pick(
          [
            `What you said about ${about} has stayed with me.`,
            `I have been thinking about what you said about ${about}.`,
            `I especially valued what you shared about ${about}.`,
          ],
          position,
        )
      : pick(
          [
            `I especially enjoyed our conversation about ${about}.`,
            `Talking with you about ${about} was a highlight for me.`,
            `I have been thinking about our conversation about ${about}.`,
          ],
          position,
        );
  }
  const challenge = discussedChallenge(participant);
  if (challenge) return `I enjoyed talking with you about ${lowerFirst(challenge, properNouns(ctx))}.`;
  return pick(
    [
      "I appreciated how openly you described the team and the work ahead.",
      "It was good to hear how the team works and what it is focusing on next.",
      "Thank you for giving me such a clear picture of the team and its plans.",
    ],
    position,
  );
}

function interest(ctx: DebriefContext, position: number): string {
  const company = companyName(ctx);
  return company
    ? pick(
        [
          `I came away even more interested in joining ${company}.`,
          `Our conversation made me even keener to join ${company}.`,
          `I left even more excited about the chance to work at ${company}.`,
        ],
        position,
      )
    : pick(["I came away even more interested in the role.", "Our conversation made me even keener on the role."], position);
}

function thankYouNote(ctx: DebriefContext, participant: Participant, position: number): DraftSpec {
  const first = firstName(participant.name);
  const body = letter(
    greeting(ctx, participant.name),
    paragraph(opening(ctx, position), discussionThanks(ctx, participant, position)),
    paragraph(interest(ctx, position), promisesTo(ctx, { contactId: participant.contactId, name: personName(participant.name) })),
    nextStepsSentence(ctx, position),
    signOff(ctx, position),
  );
  return draft({
    kind: "thank_you",
    contactId: participant.contactId,
    subject: first ? `Thank you, ${first}` : "Thank you for your time",
    body,
    generationKey: `thank_you/${ctx.interview.id}/${participant.contactId}`,
  });
}

/** One note per interviewer, naming them and what they talked about. */
export function thankYouNotes(ctx: DebriefContext): DraftSpec[] {
  return distinctInterviewers(ctx).map((participant, position) => thankYouNote(ctx, participant, position));
}
