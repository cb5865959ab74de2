import { toPlannedReminder, type PlanContext, type ReminderCandidate } from "./candidate";
import { proposalSuggestion, networkingSuggestion, rejectionReminders } from "./rules/application";
import { commitmentReminders } from "./rules/commitment";
import { checkInReminder, debriefReminder, prepareReminder, thankYouReminder } from "./rules/interview";
import { CLOSED_STATUSES } from "../services/applications/status";
import { assertTimeZone } from "./time";
import type { ApplicationStatus, PlanInput, PlanInterview, PlannedReminder } from "./types";

export type { PlanInput, PlannedReminder, ReminderKind } from "./types";

export function isActiveStatus(status: ApplicationStatus): boolean {
  return !CLOSED_STATUSES.has(status);
}

/**
 * Every reminder the playbook wants for one application, as of `input.now`: pure and
 * deterministic, so re-planning unchanged input yields the same dedupe keys. Due times are in
 * quiet-hours-adjusted recipient local time; see `candidate.ts` for what happens to reminders
 * whose time has already passed. Throws RangeError on an unknown time zone.
 */
export function planApplication(input: PlanInput): PlannedReminder[] {
  assertTimeZone(input.recipient.timeZone);
  for (const interview of input.interviews) assertTimeZone(interview.timeZone);

  const context: PlanContext = {
    now: input.now,
    policy: input.policy,
    timeZone: input.recipient.timeZone,
    application: input.application,
  };
  return candidatesFor(input, context)
    .filter((candidate) => input.recipient.preferences[candidate.kind] !== false)
    .map((candidate) => toPlannedReminder(candidate, context))
    .filter((reminder): reminder is PlannedReminder => reminder !== null)
    .sort((a, b) => +a.dueAt - +b.dueAt || a.dedupeKey.localeCompare(b.dedupeKey));
}

function candidatesFor(input: PlanInput, context: PlanContext): ReminderCandidate[] {
  const { status } = input.application;
  // A closed application releases its open promises; one the client chose to keep is still reminded.
  const kept = () => input.commitments.filter((c) => c.keptAfterClose).flatMap((commitment) => commitmentReminders(commitment, context));
  // Rule 10: a rejection replaces the whole plan, so every other pending reminder gets cancelled.
  if (status === "rejected") return [...rejectionReminders(context), ...kept()];
  if (!isActiveStatus(status)) return kept();

  const liveInterviews = input.interviews.filter((interview) => interview.status !== "cancelled");
  const latest = latestInterview(liveInterviews);
  const candidates = [
    ...liveInterviews.flatMap((interview) => [
      prepareReminder(interview, context),
      debriefReminder(interview, context),
      thankYouReminder(interview, context),
    ]),
    // A later round means the process moved on: only the latest interview's check-in stands.
    latest ? checkInReminder(latest, context) : null,
    ...input.commitments.flatMap((commitment) => commitmentReminders(commitment, context)),
    proposalSuggestion(liveInterviews, context),
    networkingSuggestion(input.goodWordContacts, context),
  ];
  return candidates.filter((candidate): candidate is ReminderCandidate => candidate !== null);
}

function latestInterview(interviews: PlanInterview[]): PlanInterview | undefined {
  return [...interviews].sort((a, b) => +b.startsAt - +a.startsAt || b.id.localeCompare(a.id))[0];
}
