import { LIMITS, MAX_LISTED, companyName, personName, theRole } from "./facts";
import { draft, greeting, signOff } from "./shared";
import { letter, paragraph, phrase } from "./text";
import type { CommitmentFacts, DraftContext, DraftSpec, Recipient, ReferencePerson } from "./types";

/** Sending promised references (playbook rule 5). */

function referenceLine(person: ReferencePerson): string {
  const name = personName(person.name);
  if (!name) return "";
  const relationship = phrase(person.relationship, LIMITS.title);
  const details = [person.email, person.phone]
    .map((d) => phrase(d, LIMITS.contactDetail))
    .filter(Boolean)
    .join(", ");
  return `- ${name}${relationship ? `, ${relationship}` : ""}${details ? ` (${details})` : ""}`;
}

/**
 * Sends promised references. Lists them when given; otherwise the wording works with the details
 * attached or pasted in by the client. Keyed by the commitment it fulfils, when there is one.
 */
export function referencesNote(
  ctx: DraftContext & {
    recipient?: Recipient | null;
    commitment?: CommitmentFacts | null;
    references?: readonly ReferencePerson[] | null;
  },
): DraftSpec {
  const recipient = ctx.recipient ?? null;
  const lines = (ctx.references ?? []).slice(0, MAX_LISTED.references).map(referenceLine).filter(Boolean);
  const company = companyName(ctx);
  const body = letter(
    greeting(ctx, recipient?.name),
    lines.length > 0
      ? `As promised, here are my references for ${theRole(ctx)}:\n${lines.join("\n")}`
      : `As promised, I am sending my references for ${theRole(ctx)}. I have included their names and contact details with this message.`,
    paragraph(
      company
        ? `They know my work well and expect to hear from ${company}.`
        : "They know my work well and expect to be contacted.",
      "Please let me know if there is anything else you need from me.",
    ),
    signOff(ctx),
  );
  return draft({
    kind: "references",
    contactId: recipient?.contactId ?? null,
    subject: `References for ${theRole(ctx)}`,
    body,
    generationKey: ctx.commitment ? `references/${ctx.commitment.id}` : `references/${ctx.application.id}`,
  });
}
