/**
 * The follow-up planner: the playbook's rules as pure functions, no I/O.
 *
 * Flow: load an application's rows → `planApplication` → `diffPlan` against that application's
 * stored reminders → insert / cancel / revive in the same transaction as the change.
 *
 * Decisions a consumer relies on:
 * - Every due time is quiet-hours adjusted in the recipient's zone and never before `now`.
 * - A due time already passed at planning time: prepare, thank_you_due, commitment_due,
 *   commitment_overdue, proposal_suggestion and networking_suggestion go out now (late rather
 *   than never); debrief, check_in, rejection_follow_through and reconnect go out now only if at
 *   most LATE_GRACE_MS (12 h) late, else they are dropped. prepare is also dropped when it would
 *   arrive less than an hour before the interview, commitment_due once the promise is due.
 * - Dedupe keys are `${kind}/${subjectId}/v${planVersion}`: re-time a reminder by bumping the
 *   plan version of its subject (interview, commitment, or application for proposal,
 *   networking, rejection and reconnect); a changed time under the same key is not propagated.
 */
export { ZFollowUpPolicy, ZFollowUpPolicyFields, ZFollowUpPolicyPatch, resolvePolicy } from "./policy";
export {
  addDaysToIsoDate,
  applyQuietHours,
  isInQuietHours,
  isValidTimeZone,
  localDateOf,
  localTimeOn,
} from "./time";
export { planApplication, isActiveStatus } from "./planner";
export { draftAvailableAt, type DraftTimingInput } from "./draft-timing";
export { diffPlan, type PlanDiff } from "./diff";
export { LATE_GRACE_MS } from "./candidate";
export { MORNING_LOCAL_TIME, PREPARE_MIN_LEAD_MS } from "./rules/interview";
export { REJECTION_FOLLOW_THROUGH_DELAY_MS } from "./rules/application";
export {
  PLANNED_KINDS,
  SWITCHABLE_KINDS,
  type ApplicationStatus,
  type ExistingReminder,
  type PlanApplication,
  type PlanCommitment,
  type PlanInput,
  type PlanInterview,
  type PlannedKind,
  type SwitchableKind,
  type PlannedReminder,
  type ReminderKind,
} from "./types";
