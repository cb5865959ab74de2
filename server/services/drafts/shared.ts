import { LIMITS, clientName, dayOf, interviewDay, openCommitmentsTo, properNouns, writingZone } from "./facts";
import { nextStepPhrase, promiseSentence, quotedPhrase, topicOf } from "./notes";
import { clip, endSentence, paragraph, phrase } from "./text";
import type { DraftContext, DraftSpec, DraftTone, Participant, Recipient } from "./types";
import { greeting as greetingIn, pick, signOffWords } from "./voice";

/** Pieces every kind of draft shares: greeting, sign-off, the recurring sentences. */

/** Every draft leaves through here, so a subject can never outgrow what a mail client shows. */
export function draft(spec: DraftSpec): DraftSpec {
  return { ...spec, subject: clip(spec.subject, LIMITS.subject) };
}

export function toneOf(ctx: DraftContext): DraftTone {
  return ctx.client.tone === "formal" ? "formal" : "warm";
}

/** "Hi Elena," or "Dear Elena," in the client's register; never the full name. */
export function greeting(ctx: DraftContext, name: unknown): string {
  return greetingIn(name, toneOf(ctx));
}

/** The sign-off and the client's name; `variant` lets letters to one panel close differently. */
export function signOff(ctx: DraftContext, variant = 0): string {
  const words = signOffWords(toneOf(ctx), variant);
  const name = clientName(ctx);
  return name ? `${words},\n${name}` : `${words},`;
}

export function onDay(ctx: DraftContext): string {
  const day = interviewDay(ctx);
  return day ? ` on ${day}` : "";
}

/** Looks ahead to what comes next; a note that reports who said what is not repeated to them. */
export function nextStepsSentence(ctx: DraftContext, position = 0): string {
  const names = (ctx.participants ?? []).map((p) => p.name);
  const step = nextStepPhrase(ctx.interview?.nextSteps, names, properNouns(ctx));
  if (step) return pick([`I look forward to the next step: ${endSentence(step)}`, `I'm looking forward to what comes next: ${endSentence(step)}`], position);
  return pick(["I look forward to hearing from you about the next steps.", "I look forward to hearing from you."], position);
}

export function headlineSentence(ctx: DraftContext): string {
  const headline = phrase(ctx.client.headline, LIMITS.headline);
  return headline ? `In one line, here is what I would bring: ${endSentence(headline)}` : "";
}

/** Open promises to one person, each written as a sentence to them. */
export function promisesTo(ctx: DraftContext, recipient: { contactId: string | null; name?: unknown }): string {
  const names = typeof recipient.name === "string" ? [recipient.name] : [];
  return paragraph(
    ...openCommitmentsTo(ctx, recipient.contactId).map((c) =>
      promiseSentence(c.description, names, dayOf(c.dueAt, writingZone(ctx)), toneOf(ctx) === "formal"),
    ),
  );
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

export type Conversation = { quote: string } | { topic: string; theySaidIt: boolean } | null;

/** What the client noted about one interviewer, in a form a sentence can hold (see notes.ts). */
export function conversationWith(ctx: DraftContext, participant: Participant): Conversation {
  const quote = quotedPhrase(participant.discussed);
  if (quote) return { quote };
  const topic = topicOf(participant.discussed, [participant.name], properNouns(ctx));
  return topic ? { topic: topic.text, theySaidIt: topic.theySaidIt } : null;
}
