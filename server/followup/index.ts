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
export { diffPlan, type PlanDiff } from "./diff";
export { LATE_GRACE_MS } from "./candidate";
export { MORNING_LOCAL_TIME, PREPARE_MIN_LEAD_MS } from "./rules/interview";
export { REJECTION_FOLLOW_THROUGH_DELAY_MS } from "./rules/application";
export {
  PLANNED_KINDS,
  type ApplicationStatus,
  type ExistingReminder,
  type PlanApplication,
  type PlanCommitment,
  type PlanInput,
  type PlanInterview,
  type PlannedKind,
  type PlannedReminder,
  type ReminderKind,
} from "./types";
