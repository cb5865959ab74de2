import type { FollowUpPolicy } from "@/db/schema/org";
import type { PlanApplication, PlannedKind, PlannedReminder } from "./types";
import { applyQuietHours } from "./time";

/**
 * How late a reminder may still go out when its due time has already passed at planning time:
 * - "drop_after_grace": delivered now if at most LATE_GRACE_MS late, otherwise dropped — a late
 *   nudge about a moment long gone is noise;
 * - "deliver_now": always delivered now — late is better than never (overdue promises,
 *   unthanked interviewers, one-off suggestions). The dedupe key still keeps it to one email.
 */
export type WhenLate = "drop_after_grace" | "deliver_now";

export const LATE_GRACE_MS = 12 * 60 * 60 * 1000;

/** What a playbook rule asks for, before quiet hours, lateness and preferences are applied. */
export type ReminderCandidate = {
  kind: PlannedKind;
  dueAt: Date;
  whenLate: WhenLate;
  /** The reminder is pointless at or after this instant (e.g. the interview has begun). */
  deadline?: Date;
  /** The row the rule hangs on; its plan version makes the dedupe key. */
  subject: { id: string; planVersion: number };
  /** Written once the final due time is known, so it can say "today" or "tomorrow". */
  describe: (dueAt: Date) => string;
  interviewId?: string;
  commitmentId?: string;
  contactId?: string;
};

export type PlanContext = {
  now: Date;
  policy: FollowUpPolicy;
  /** The recipient's zone: every due time is a local time there. */
  timeZone: string;
  application: PlanApplication;
};

export function dedupeKeyOf(kind: PlannedKind, subject: { id: string; planVersion: number }): string {
  return `${kind}/${subject.id}/v${subject.planVersion}`;
}

/** The final due time, or null when the reminder should not be sent at all. */
export function deliveryTime(candidate: ReminderCandidate, context: PlanContext): Date | null {
  const { now, timeZone, policy } = context;
  let dueAt = applyQuietHours(candidate.dueAt, timeZone, policy);
  if (+dueAt < +now) {
    const lateBy = +now - +dueAt;
    if (candidate.whenLate === "drop_after_grace" && lateBy > LATE_GRACE_MS) return null;
    dueAt = applyQuietHours(now, timeZone, policy);
  }
  if (candidate.deadline && +dueAt >= +candidate.deadline) return null;
  return dueAt;
}

export function toPlannedReminder(candidate: ReminderCandidate, context: PlanContext): PlannedReminder | null {
  const dueAt = deliveryTime(candidate, context);
  if (!dueAt) return null;
  return {
    kind: candidate.kind,
    dueAt,
    reason: candidate.describe(dueAt),
    dedupeKey: dedupeKeyOf(candidate.kind, candidate.subject),
    applicationId: context.application.id,
    ...(candidate.interviewId ? { interviewId: candidate.interviewId } : {}),
    ...(candidate.commitmentId ? { commitmentId: candidate.commitmentId } : {}),
    ...(candidate.contactId ? { contactId: candidate.contactId } : {}),
  };
}
