import type { applicationStatus } from "@/db/schema/pipeline";
import type { reminderKind } from "@/db/schema/followup";
import type { FollowUpPolicy } from "@/db/schema/org";

export type ReminderKind = (typeof reminderKind.enumValues)[number];
export type ApplicationStatus = (typeof applicationStatus.enumValues)[number];

/** The kinds the playbook planner produces (digests and nudges are scheduled elsewhere). */
export const PLANNED_KINDS = [
  "prepare",
  "debrief",
  "thank_you_due",
  "commitment_due",
  "commitment_overdue",
  "check_in",
  "proposal_suggestion",
  "networking_suggestion",
  "rejection_follow_through",
  "reconnect",
] as const satisfies readonly ReminderKind[];
export type PlannedKind = (typeof PLANNED_KINDS)[number];

/**
 * The emails a person can switch off, by their role: a client's playbook reminders and weekly
 * digest, a coach's (or owner's) weekly digest. Nudges are a coach writing in person: not a switch.
 */
export const SWITCHABLE_KINDS = {
  client: [...PLANNED_KINDS, "client_digest"],
  coach: ["coach_digest"],
  owner: ["coach_digest"],
} as const satisfies Record<"client" | "coach" | "owner", readonly ReminderKind[]>;
export type SwitchableKind = (typeof SWITCHABLE_KINDS)[keyof typeof SWITCHABLE_KINDS][number];

export type PlannedReminder = {
  kind: ReminderKind;
  dueAt: Date;
  /** Why this reminder exists, in words the recipient can read. */
  reason: string;
  /** `${kind}/${subjectId}/v${planVersion}`: stable while the subject's plan version is unchanged. */
  dedupeKey: string;
  applicationId: string;
  interviewId?: string;
  commitmentId?: string;
  contactId?: string;
};

export type PlanInterview = {
  id: string;
  status: "scheduled" | "completed" | "cancelled";
  startsAt: Date;
  endsAt: Date;
  /** Where the interview happens; dates the employer named (check-in, not-before) are read here. */
  timeZone: string;
  planVersion: number;
  debriefedAt: Date | null;
  /** YYYY-MM-DD */
  agreedCheckInOn: string | null;
  /** YYYY-MM-DD */
  notBeforeOn: string | null;
  preferredChannel: string | null;
  participants: Array<{ contactId: string; name: string; thankYouSentAt: Date | null; thankYouHandwritten: boolean }>;
  companyChallenges: string[];
};

export type PlanCommitment = {
  id: string;
  description: string;
  dueAt: Date;
  doneAt: Date | null;
  planVersion: number;
  toName?: string | null;
  /** Kept by the client although the application closed: still reminded once it is closed. */
  keptAfterClose?: boolean;
};

export type PlanApplication = {
  id: string;
  status: ApplicationStatus;
  statusChangedAt: Date;
  planVersion: number;
  companyName: string;
  roleTitle: string;
};

export type PlanInput = {
  now: Date;
  policy: FollowUpPolicy;
  /** `preferences[kind] === false` switches a kind off; a missing entry means on. */
  recipient: { timeZone: string; preferences: Partial<Record<ReminderKind, boolean>> };
  application: PlanApplication;
  interviews: PlanInterview[];
  commitments: PlanCommitment[];
  /** Contacts who know an interviewer or the company (rule 9). */
  goodWordContacts: Array<{ contactId: string; name: string; knows: string }>;
};

export type ExistingReminder = {
  id: string;
  dedupeKey: string;
  status: "pending" | "sent" | "cancelled" | "failed";
};
