import { clientDigestParts } from "./client-weekly-digest";
import { coachDigestCounts } from "./coach-weekly-digest";
import { draftHeadline } from "./draft-ready";
import { formatDay } from "@/lib/dates";
import { joinNames, oneLine, plural } from "./components/text";
import type { EmailName, EmailPropsMap } from "./registry";

type SubjectBuilders = { readonly [N in EmailName]: (props: EmailPropsMap[N]) => string };

/** Every subject line the product sends, in one place. Keep them short and specific. */
const builders: SubjectBuilders = {
  "sign-in-link": ({ org }) => `Your sign-in link for ${org.name}`,
  invitation: ({ org, inviterName }) => `${inviterName} invited you to join ${org.name}`,
  "reminder-prepare": ({ application, interview }) =>
    `Get ready for ${application.companyName} on ${formatDay(interview.startsAt, interview.timeZone)}`,
  "reminder-debrief": ({ application }) => `How did it go at ${application.companyName}? Record your debrief`,
  "reminder-thank-you-due": ({ application, pendingNotes }) =>
    pendingNotes.length === 1
      ? `Your thank-you note to ${pendingNotes[0]?.interviewerName ?? application.companyName} is waiting`
      : `Your thank-you notes for ${application.companyName} are waiting`,
  "reminder-commitment-due": ({ commitment }) =>
    `Due ${formatDay(commitment.dueAt, commitment.timeZone)}: ${oneLine(commitment.description, 70)}`,
  "reminder-commitment-overdue": ({ commitment }) => `Overdue: ${oneLine(commitment.description, 70)}`,
  "reminder-check-in": ({ application }) => `Time to check in with ${application.companyName}`,
  "reminder-proposal-suggestion": ({ application }) => `An idea for ${application.companyName}: a short proposal`,
  "reminder-networking-suggestion": ({ contact, application }) =>
    `${contact.name} could put in a good word at ${application.companyName}`,
  "reminder-rejection-follow-through": ({ application }) => `Closing well with ${application.companyName}`,
  "reminder-reconnect": ({ application, contacts }) =>
    contacts.length > 0
      ? `Time to reconnect with ${joinNames(contacts.slice(0, 2).map((c) => c.name))} at ${application.companyName}`
      : `Time to reconnect with ${application.companyName}`,
  "draft-ready": ({ draft }) => draftHeadline(draft.kind, draft.recipientName),
  "client-weekly-digest": (props) => {
    const parts = clientDigestParts(props);
    return parts.length > 0 ? `Your week ahead: ${parts.join(", ")}` : "Your week ahead";
  },
  "coach-weekly-digest": ({ clients }) => {
    const n = coachDigestCounts(clients);
    const parts: string[] = [];
    if (n.moved) parts.push(`${n.moved} moved`);
    if (n.overdue) parts.push(`${n.overdue} overdue`);
    if (n.quiet) parts.push(`${n.quiet} gone quiet`);
    return parts.length > 0
      ? `Your clients this week: ${parts.join(", ")}`
      : `Your clients this week: ${plural(n.clients, "client")}, all steady`;
  },
  "coach-nudge": ({ coachName }) => `A note from ${coachName}`,
};

/**
 * The subject for a template. Collapsed to one line: names come from user input, and a line
 * break in a header is how header injection starts.
 */
export function subjectFor<N extends EmailName>(name: N, props: EmailPropsMap[N]): string {
  const build: (props: EmailPropsMap[N]) => string = builders[name];
  return oneLine(build(props), 140);
}
