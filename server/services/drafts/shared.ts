import { LIMITS, clientName, commitmentSentence, interviewDay, openCommitmentsTo } from "./facts";
import { clip, endSentence, paragraph, phrase } from "./text";
import type { DraftContext, DraftSpec, Participant, Recipient } from "./types";

/** Pieces every kind of draft shares: greeting, sign-off, the recurring sentences. */

/** Every draft leaves through here, so a subject can never outgrow what a mail client shows. */
export function draft(spec: DraftSpec): DraftSpec {
  return { ...spec, subject: clip(spec.subject, LIMITS.subject) };
}

export function greeting(name: string): string {
  return name ? `Dear ${name},` : "Hello,";
}

export function signOff(words: string, ctx: DraftContext): string {
  const name = clientName(ctx);
  return name ? `${words},\n${name}` : `${words},`;
}

export function onDay(ctx: DraftContext): string {
  const day = interviewDay(ctx);
  return day ? ` on ${day}` : "";
}

export function nextStepsSentence(ctx: DraftContext): string {
  const steps = phrase(ctx.interview?.nextSteps, LIMITS.nextSteps);
  return steps ? `I look forward to the next step: ${endSentence(steps)}` : "";
}

export function headlineSentence(ctx: DraftContext): string {
  const headline = phrase(ctx.client.headline, LIMITS.headline);
  return headline ? `In one line, here is what I would bring: ${endSentence(headline)}` : "";
}

export function promisesTo(ctx: DraftContext, contactId: string | null): string {
  return paragraph(...openCommitmentsTo(ctx, contactId).map((c) => commitmentSentence(ctx, c)));
}

/** Who a message goes to when the caller did not say: the first interviewer, if any. */
export function recipientOrFirstInterviewer(
  ctx: DraftContext,
  recipient: Recipient | null | undefined,
): Recipient | null {
  if (recipient) return recipient;
  const first = ctx.participants?.[0];
  return first ? { contactId: first.contactId, name: first.name } : null;
}

/** One entry per interviewer, even if a caller passes someone twice: generation keys stay unique. */
export function distinctInterviewers(ctx: DraftContext): Participant[] {
  const byContact = new Map<string, Participant>();
  for (const participant of ctx.participants ?? []) {
    if (!byContact.has(participant.contactId)) byContact.set(participant.contactId, participant);
  }
  return [...byContact.values()];
}
