import type { draftKind, draftStatus, reminderKind } from "@/db/schema/followup";
import type { memberRole } from "@/db/schema/org";
import type { applicationStatus, contactChannel, interviewKind } from "@/db/schema/pipeline";

/**
 * The words for every enum a person reads, in one place for the app, the emails and the activity
 * log, so a draft kind is called the same on the board, in an email and in the timeline. Each map
 * is checked against the database enum: a new value does not compile until it has its words.
 *
 * Type-only imports: the enums stay in step with the database without pulling drizzle into the
 * browser or the email bundle.
 */

export type ApplicationStatus = (typeof applicationStatus)["enumValues"][number];
export type InterviewKind = (typeof interviewKind)["enumValues"][number];
export type ContactChannel = (typeof contactChannel)["enumValues"][number];
export type DraftKind = (typeof draftKind)["enumValues"][number];
export type DraftStatus = (typeof draftStatus)["enumValues"][number];
export type ReminderKind = (typeof reminderKind)["enumValues"][number];
export type MemberRole = (typeof memberRole)["enumValues"][number];

export const APPLICATION_STATUS_LABEL = {
  saved: "Saved",
  applied: "Applied",
  interviewing: "Interviewing",
  offer: "Offer",
  accepted: "Accepted",
  rejected: "Rejected",
  withdrawn: "Withdrawn",
} as const satisfies Record<ApplicationStatus, string>;

export const INTERVIEW_KIND_LABEL = {
  phone: "Phone",
  video: "Video",
  onsite: "On-site",
  panel: "Panel",
} as const satisfies Record<InterviewKind, string>;

/** "phone interview", "on-site interview": the kind inside a sentence. */
export const interviewKindPhrase = (kind: InterviewKind) => `${INTERVIEW_KIND_LABEL[kind].toLowerCase()} interview`;

export const DRAFT_KIND_LABEL = {
  thank_you: "Thank-you note",
  follow_up_letter: "Follow-up letter",
  check_in: "Check-in message",
  proposal: "Proposal",
  networking_ask: "Request for a good word",
  rejection_reply: "Reply to the rejection",
  references: "References",
} as const satisfies Record<DraftKind, string>;

/** "the thank-you note", "the references": the kind inside a sentence. */
export const draftKindPhrase = (kind: DraftKind) => `the ${DRAFT_KIND_LABEL[kind].toLowerCase()}`;

export const DRAFT_STATUS_LABEL = {
  draft: "Waiting",
  sent: "Sent",
  discarded: "Discarded",
} as const satisfies Record<DraftStatus, string>;

export const REMINDER_KIND_LABEL = {
  prepare: "Prepare for the interview",
  debrief: "Record the debrief",
  thank_you_due: "Thank your interviewers",
  commitment_due: "Promise coming due",
  commitment_overdue: "Promise overdue",
  check_in: "Check in",
  proposal_suggestion: "Suggest a proposal",
  networking_suggestion: "Ask for a good word",
  rejection_follow_through: "Reply with grace",
  reconnect: "Reconnect",
  client_digest: "Weekly digest",
  coach_digest: "Coach digest",
  coach_nudge: "Note from your coach",
  invitation: "Invitation to join",
} as const satisfies Record<ReminderKind, string>;

export const ROLE_LABEL = {
  owner: "Owner",
  coach: "Coach",
  client: "Client",
} as const satisfies Record<MemberRole, string>;

/** "as an owner", "as a coach" */
export const ROLE_WITH_ARTICLE = {
  owner: "an owner",
  coach: "a coach",
  client: "a client",
} as const satisfies Record<MemberRole, string>;

/** How the employer asked to be reached, inside a sentence ("check in by email"). */
export const CONTACT_CHANNEL_PHRASE = {
  email: "by email",
  phone: "by phone",
  linkedin: "on LinkedIn",
  via_recruiter: "through the recruiter",
  other: "the way they asked",
} as const satisfies Record<ContactChannel, string>;

/** The channel inside a sentence, or "" when none (or none we know) was named. */
export function channelPhrase(channel: string | null | undefined): string {
  return channel && Object.hasOwn(CONTACT_CHANNEL_PHRASE, channel) ? CONTACT_CHANNEL_PHRASE[channel as ContactChannel] : "";
}
