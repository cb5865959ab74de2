import type { PlanContext, ReminderCandidate } from "../candidate";
import { describeMoment } from "../phrases";
import type { PlanCommitment } from "../types";

const HOUR_MS = 60 * 60 * 1000;

function promiseText(commitment: PlanCommitment): string {
  return `You promised${commitment.toName ? ` ${commitment.toName}` : ""}: "${commitment.description}"`;
}

/** Rule 5: a heads-up before a promise is due and a nudge once it is overdue; nothing once done. */
export function commitmentReminders(commitment: PlanCommitment, context: PlanContext): ReminderCandidate[] {
  if (commitment.doneAt) return [];
  const { policy, timeZone } = context;
  const subject = { id: commitment.id, planVersion: commitment.planVersion };
  const dueMoment = (seenAt: Date) => describeMoment(commitment.dueAt, timeZone, seenAt);
  return [
    {
      kind: "commitment_due",
      dueAt: new Date(+commitment.dueAt - policy.commitmentLeadHours * HOUR_MS),
      whenLate: "deliver_now",
      // Once the promise is due, the overdue reminder speaks instead.
      deadline: commitment.dueAt,
      subject,
      commitmentId: commitment.id,
      describe: (dueAt) =>
        `${promiseText(commitment)}, due ${dueMoment(dueAt)}. Get it done and mark it done: keeping small ` +
        `promises on time is what employers remember.`,
    },
    {
      kind: "commitment_overdue",
      dueAt: commitment.dueAt,
      whenLate: "deliver_now",
      subject,
      commitmentId: commitment.id,
      describe: (dueAt) =>
        `${promiseText(commitment)}. It was due ${dueMoment(dueAt)} and isn't marked done yet. Send it now, ` +
        `or let them know when to expect it, then mark it done.`,
    },
  ];
}
