import { clientName, companyName, dayOfIsoDate, interviewDay, properNouns, roleAtCompany } from "./facts";
import { nextStepPhrase } from "./notes";
import { draft, greeting, recipientOrFirstInterviewer } from "./shared";
import { endSentence, letter, paragraph } from "./text";
import { firstName } from "./voice";
import type { DraftContext, DraftSpec, Recipient } from "./types";

/** Check-in messages (playbook rule 6), worded for the channel the employer prefers. */

type CheckInFacts = {
  /** The recipient's first name, as greetings use it. */
  name: string;
  greeting: string;
  client: string;
  role: string;
  company: string;
  day: string;
  agreed: string;
  steps: string;
};

function checkInFacts(ctx: DraftContext, recipient: Recipient | null): CheckInFacts {
  return {
    name: firstName(recipient?.name),
    greeting: greeting(ctx, recipient?.name),
    client: clientName(ctx),
    role: roleAtCompany(ctx),
    company: companyName(ctx),
    day: interviewDay(ctx),
    agreed: dayOfIsoDate(ctx.interview?.agreedCheckInOn),
    steps: nextStepPhrase(ctx.interview?.nextSteps, (ctx.participants ?? []).map((p) => p.name), properNouns(ctx)),
  };
}

function checkInOpening(f: CheckInFacts): string {
  const when = f.day ? ` on ${f.day}` : "";
  return f.agreed
    ? `When we spoke${when}, you suggested I get in touch around ${f.agreed}, so I am checking in on ${f.role}.`
    : `I am writing to check in on ${f.role}, following our conversation${when}.`;
}

function checkInEmail(f: CheckInFacts): { subject: string; body: string } {
  return {
    subject: `Checking in on ${f.role}`,
    body: letter(
      f.greeting,
      paragraph(
        "I hope you are well.",
        checkInOpening(f),
        f.steps && `You mentioned the next step would be ${endSentence(f.steps)}`,
      ),
      paragraph(
        f.company ? `I am still very keen to join ${f.company}.` : "I am still very keen on the role.",
        "Could you let me know where things stand, and whether there is anything more you need from me?",
      ),
      f.client ? `Best regards,\n${f.client}` : "Best regards,",
    ),
  };
}

function checkInViaRecruiter(f: CheckInFacts): { subject: string; body: string } {
  const team = f.company ? `the team at ${f.company}` : "the hiring team";
  return {
    subject: `Checking in on ${f.role}`,
    body: letter(
      f.greeting,
      paragraph("I hope you are well.", checkInOpening(f)),
      paragraph(
        `Would you be able to find out whether ${team} has an update, or needs anything more from me?`,
        "I am still very interested, and I appreciate your help.",
      ),
      f.client ? `Thank you,\n${f.client}` : "Thank you,",
    ),
  };
}

function checkInPhoneScript(f: CheckInFacts): { subject: string; body: string } {
  const hello = `Hello${f.name ? ` ${f.name}` : ""}${f.client ? `, this is ${f.client}` : ""}.`;
  const spoke = f.day ? `We spoke on ${f.day} about ${f.role}` : `We spoke recently about ${f.role}`;
  const suggested = f.agreed ? `, and you suggested I call around ${f.agreed}.` : ".";
  return {
    subject: f.company ? `Call script: checking in with ${f.company}` : "Call script: checking in",
    body: letter(
      `A short script for your call with ${f.name || "your contact"}. Say it in your own words; it is a guide, not a text to read out.`,
      `Opening:\n"${hello} ${spoke}${suggested} Is now a good moment for a quick word?"`,
      `If they have time:\n"I wanted to check in on where things stand. I am still very keen on the role. Is there anything else you need from me?"`,
      `If you reach voicemail:\n"${hello} I am calling to check in on ${f.role}. I am still very interested and would be glad to talk. I will follow up with a short email so you have my details. Thank you."`,
      "Before you hang up, note anything they say about timing, and ask when it would suit them to hear from you next.",
    ),
  };
}

function checkInLinkedIn(f: CheckInFacts): { subject: string; body: string } {
  const when = f.day ? ` on ${f.day}` : "";
  const suggested = f.agreed ? ", as you suggested" : "";
  return {
    subject: f.name ? `LinkedIn message to ${f.name}` : "LinkedIn message",
    // LinkedIn messages are read on phones: one short paragraph and a sign-off.
    body: letter(
      f.name ? `Hi ${f.name},` : "Hi,",
      paragraph(
        `Following our conversation${when} about ${f.role}, I wanted to check in${suggested}.`,
        f.company ? `I am still very keen to join ${f.company}.` : "I am still very keen on the role.",
        "Is there anything else I can share to help?",
      ),
      f.client ? `Thank you,\n${f.client}` : "Thank you,",
    ),
  };
}

/**
 * A check-in in the channel the employer prefers: an email, a phone script, a LinkedIn message,
 * or a note to the recruiter. `recipient` defaults to the first interviewer.
 */
export function checkInMessage(ctx: DraftContext & { recipient?: Recipient | null }): DraftSpec {
  const recipient = recipientOrFirstInterviewer(ctx, ctx.recipient);
  const facts = checkInFacts(ctx, recipient);
  const channel = ctx.interview?.preferredChannel;
  const { subject, body } =
    channel === "phone"
      ? checkInPhoneScript(facts)
      : channel === "linkedin"
        ? checkInLinkedIn(facts)
        : channel === "via_recruiter"
          ? checkInViaRecruiter(facts)
          : checkInEmail(facts);
  return draft({
    kind: "check_in",
    contactId: recipient?.contactId ?? null,
    subject,
    body,
    generationKey: `check_in/${ctx.interview?.id ?? ctx.application.id}`,
  });
}
