import type { PlanContext, ReminderCandidate } from "../candidate";
import { joinNames, quoteList } from "../phrases";
import type { PlanInput, PlanInterview } from "../types";
import { addDaysToIsoDate, localDateOf, localTimeOn } from "../time";
import { MORNING_LOCAL_TIME } from "./interview";

/** Give the client a little while after a rejection before suggesting the gracious reply. */
export const REJECTION_FOLLOW_THROUGH_DELAY_MS = 2 * 60 * 60 * 1000;

function applicationSubject(context: PlanContext) {
  return { id: context.application.id, planVersion: context.application.planVersion };
}

function morningAfter(instant: Date, days: number, timeZone: string): Date {
  return localTimeOn(addDaysToIsoDate(localDateOf(instant, timeZone), days), MORNING_LOCAL_TIME, timeZone);
}

function statedChallenges(interview: PlanInterview): string[] {
  return interview.companyChallenges.map((challenge) => challenge.trim()).filter(Boolean);
}

type ChallengeDebrief = { interviewId: string; debriefedAt: Date; challenges: string[] };

/** Debriefs that recorded company challenges, earliest first. */
function debriefsWithChallenges(interviews: PlanInterview[]): ChallengeDebrief[] {
  return interviews
    .flatMap((interview) => {
      const challenges = statedChallenges(interview);
      return interview.status !== "cancelled" && interview.debriefedAt && challenges.length > 0
        ? [{ interviewId: interview.id, debriefedAt: interview.debriefedAt, challenges }]
        : [];
    })
    .sort((a, b) => +a.debriefedAt - +b.debriefedAt || a.interviewId.localeCompare(b.interviewId));
}

/** The morning after a debrief that recorded challenges: when a proposal is worth suggesting. */
export function proposalMoment(debriefedAt: Date, timeZone: string): Date {
  return morningAfter(debriefedAt, 1, timeZone);
}

/**
 * Rule 7: once per application (keyed on it), the morning after the first debrief that recorded
 * company challenges, suggest a short proposal addressing one.
 */
export function proposalSuggestion(interviews: PlanInterview[], context: PlanContext): ReminderCandidate | null {
  const debriefs = debriefsWithChallenges(interviews);
  const [first] = debriefs;
  if (!first) return null;

  const challenges = [...new Set(debriefs.flatMap((debrief) => debrief.challenges))];
  const { application, timeZone } = context;
  return {
    kind: "proposal_suggestion",
    dueAt: proposalMoment(first.debriefedAt, timeZone),
    whenLate: "deliver_now",
    subject: applicationSubject(context),
    interviewId: first.interviewId,
    describe: () =>
      `In your debrief you noted what ${application.companyName} is struggling with: ${quoteList(challenges)}. ` +
      `Consider a short proposal on how you would tackle ${challenges.length === 1 ? "it" : "one of them"}. ` +
      `It shows what you would do in the role, not only what you have done.`,
  };
}

/** Rule 9: when someone in the network knows an interviewer or the company, suggest asking for a good word. */
export function networkingSuggestion(
  contacts: PlanInput["goodWordContacts"],
  context: PlanContext,
): ReminderCandidate | null {
  const [first] = contacts;
  if (!first) return null;
  const { application } = context;
  return {
    kind: "networking_suggestion",
    // Nothing to wait for: suggest it now. The dedupe key keeps it to once per application.
    dueAt: context.now,
    whenLate: "deliver_now",
    subject: applicationSubject(context),
    contactId: first.contactId,
    describe: () =>
      `${joinNames(contacts.map((contact) => `${contact.name} knows ${contact.knows}`))}. A word from someone ` +
      `they already trust carries weight for your ${application.roleTitle} application at ` +
      `${application.companyName}: consider asking for one.`,
  };
}

/** Rule 10: after a rejection, a gracious reply soon, and a reconnect suggestion much later. */
export function rejectionReminders(context: PlanContext): ReminderCandidate[] {
  const { application, policy, timeZone } = context;
  const subject = applicationSubject(context);
  return [
    {
      kind: "rejection_follow_through",
      dueAt: new Date(+application.statusChangedAt + REJECTION_FOLLOW_THROUGH_DELAY_MS),
      whenLate: "drop_after_grace",
      subject,
      describe: () =>
        `${application.companyName} has decided not to go ahead with your application for ` +
        `${application.roleTitle}. Disappointing, but how you respond is remembered: a short, gracious reply ` +
        `thanking them for their time keeps the door open, and the contacts you made there are still yours.`,
    },
    {
      kind: "reconnect",
      dueAt: morningAfter(application.statusChangedAt, policy.reconnectAfterDays, timeZone),
      whenLate: "drop_after_grace",
      subject,
      describe: () =>
        `It's been ${policy.reconnectAfterDays} days since ${application.companyName} closed your ` +
        `${application.roleTitle} application. A good moment to get back in touch with the people you met ` +
        `there: share something you've done since and ask how things are going on their side.`,
    },
  ];
}
