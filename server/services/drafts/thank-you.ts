import { LIMITS, companyName, discussedChallenge, meetingPhrase, personName, roleAtCompany } from "./facts";
import { draft, greeting, distinctInterviewers, nextStepsSentence, onDay, promisesTo, signOff } from "./shared";
import { endSentence, letter, paragraph, summarise } from "./text";
import type { DebriefContext, DraftSpec, Participant } from "./types";

/** Thank-you notes (playbook rule 3). */

function discussionThanks(participant: Participant): string {
  const discussed = summarise(participant.discussed, LIMITS.discussed);
  if (discussed) return `One part of our conversation has stayed with me: ${endSentence(discussed)}`;
  const challenge = discussedChallenge(participant);
  if (challenge) return `I enjoyed talking with you about one of the challenges ahead: ${endSentence(challenge)}`;
  return "I appreciated how openly you described the team and the work ahead.";
}

function thankYouNote(ctx: DebriefContext, participant: Participant): DraftSpec {
  const name = personName(participant.name);
  const company = companyName(ctx);
  const body = letter(
    greeting(name),
    paragraph(
      `Thank you for ${meetingPhrase(ctx.interview)}${onDay(ctx)} to talk about ${roleAtCompany(ctx)}.`,
      discussionThanks(participant),
    ),
    paragraph(
      company
        ? `I came away even more interested in joining ${company}, and I would be glad to bring my experience to your team.`
        : "I came away even more interested in the role, and I would be glad to bring my experience to your team.",
      promisesTo(ctx, participant.contactId),
    ),
    paragraph(nextStepsSentence(ctx), "Thank you again for your time."),
    signOff("Best regards", ctx),
  );
  return draft({
    kind: "thank_you",
    contactId: participant.contactId,
    subject: name ? `Thank you for your time, ${name}` : "Thank you for your time",
    body,
    generationKey: `thank_you/${ctx.interview.id}/${participant.contactId}`,
  });
}

/** One note per interviewer, naming them and what they talked about. */
export function thankYouNotes(ctx: DebriefContext): DraftSpec[] {
  return distinctInterviewers(ctx).map((participant) => thankYouNote(ctx, participant));
}
