import { MAX_LISTED, companyName, nameWithTitle, roleAtCompany } from "./facts";
import { draft, greeting, headlineSentence, signOff } from "./shared";
import { letter, listNames, paragraph } from "./text";
import type {
  Acquaintance,
  ApplicationStatus,
  DraftContext,
  DraftSpec,
  GoodWordContact,
  PersonAcquaintance,
} from "./types";

/** Asking a contact for a good word (playbook rule 9). */

const STAGE_PHRASES: Partial<Record<ApplicationStatus, string>> = {
  saved: "I am about to apply for",
  applied: "I have applied for",
  offer: "I am in the final stage for",
};

function stagePhrase(ctx: DraftContext): string {
  if (ctx.interview) return "I recently interviewed for";
  return STAGE_PHRASES[ctx.application.status] ?? "I am interviewing for";
}

function acquaintanceSentence(ctx: DraftContext, knows: readonly Acquaintance[]): string {
  const interviewerIds = new Set((ctx.participants ?? []).map((p) => p.contactId));
  const isInterviewer = (p: PersonAcquaintance) => Boolean(p.contactId && interviewerIds.has(p.contactId));
  const people = knows.filter((k): k is PersonAcquaintance => k.kind === "person");
  const namesOf = (list: PersonAcquaintance[]) => list.map(nameWithTitle).filter(Boolean);
  const interviewers = namesOf(people.filter(isInterviewer));
  const others = namesOf(people.filter((p) => !isInterviewer(p)));
  const company = companyName(ctx);
  const limit = MAX_LISTED.acquaintances;
  return paragraph(
    interviewers.length > 0 &&
      `I believe you know ${listNames(interviewers, limit)}, who ${interviewers.length > 1 ? "were among my interviewers" : "was one of my interviewers"}.`,
    others.length > 0 && `I believe you know ${listNames(others, limit)}${company ? ` at ${company}` : ""}.`,
    knows.some((k) => k.kind === "company") &&
      (company ? `I know you have good connections at ${company}.` : "I know you have good connections there."),
  );
}

/** Asks one contact for a good word, naming the role and who they know. */
export function networkingAsk(ctx: DraftContext & { contact: GoodWordContact }): DraftSpec {
  const company = companyName(ctx);
  const body = letter(
    greeting(ctx, ctx.contact.name),
    paragraph(
      "I hope all is well with you.",
      `${stagePhrase(ctx)} ${roleAtCompany(ctx)}.`,
      acquaintanceSentence(ctx, ctx.contact.knows ?? []),
    ),
    paragraph(
      "If you feel comfortable doing so, would you be willing to put in a good word for me?",
      headlineSentence(ctx),
      "I am happy to send you a few lines about the role and why I am a good fit, so it takes as little of your time as possible.",
    ),
    "Thank you either way; I really appreciate it.",
    signOff(ctx),
  );
  return draft({
    kind: "networking_ask",
    contactId: ctx.contact.contactId,
    subject: company ? `Could you put in a good word at ${company}?` : "Could you put in a good word for me?",
    body,
    generationKey: `networking_ask/${ctx.application.id}/${ctx.contact.contactId}`,
  });
}

/** The same contact listed twice (once per link) gets one ask that names everyone they know. */
export function mergeByContact(contacts: readonly GoodWordContact[]): GoodWordContact[] {
  const merged = new Map<string, GoodWordContact>();
  for (const contact of contacts) {
    const seen = merged.get(contact.contactId);
    merged.set(contact.contactId, seen ? { ...seen, knows: [...seen.knows, ...(contact.knows ?? [])] } : contact);
  }
  return [...merged.values()];
}
