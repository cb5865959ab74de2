import type { reminderKind } from "@/db/schema";

type ReminderKind = (typeof reminderKind.enumValues)[number];

/** The row whose plan version a reminder was planned under, or null when nothing re-plans it. */
export type PlanSubject = "interview" | "commitment" | "application" | null;

/**
 * The staleness rule. The planner keys every reminder on one subject row and copies that row's
 * `plan_version` into the reminder (and into its dedupe key, `${kind}/${subjectId}/v${n}`).
 * Re-planning bumps the subject's version, so a pending reminder is stale — and is cancelled at
 * delivery instead of sent — exactly when `reminder.plan_version` differs from the current
 * version of its subject:
 *
 * - interview reminders (prepare, debrief, thank-you, check-in): the interview;
 * - commitment reminders (due, overdue): the commitment;
 * - application reminders (proposal and networking suggestions, rejection follow-through,
 *   reconnect): the application — even when the row also names an interview, as a proposal
 *   suggestion does;
 * - digests and nudges: none; they are never stale.
 *
 * This mirrors `server/followup/rules/*`; keep the two in step when a rule changes its subject.
 */
export const planSubjectOf = {
  prepare: "interview",
  debrief: "interview",
  thank_you_due: "interview",
  check_in: "interview",
  commitment_due: "commitment",
  commitment_overdue: "commitment",
  proposal_suggestion: "application",
  networking_suggestion: "application",
  rejection_follow_through: "application",
  reconnect: "application",
  client_digest: null,
  coach_digest: null,
  coach_nudge: null,
  invitation: null,
} as const satisfies Record<ReminderKind, PlanSubject>;

export type PlanCheck =
  | { ok: true }
  | { ok: false; reason: "missing_subject" | "stale_plan"; detail: string };

export function checkPlanVersion(
  reminder: { kind: ReminderKind; planVersion: number },
  subjects: {
    interview: { planVersion: number } | null;
    commitment: { planVersion: number } | null;
    application: { planVersion: number } | null;
  },
): PlanCheck {
  const subject = planSubjectOf[reminder.kind];
  if (subject === null) return { ok: true };
  const row = subjects[subject];
  if (!row) return { ok: false, reason: "missing_subject", detail: `the ${subject} this ${reminder.kind} reminder is about is gone` };
  if (row.planVersion !== reminder.planVersion) {
    return {
      ok: false,
      reason: "stale_plan",
      detail: `planned under ${subject} plan v${reminder.planVersion}, the ${subject} is now at v${row.planVersion}`,
    };
  }
  return { ok: true };
}
