import type {
  ApplicationStatus,
  ContactChannel,
  DraftKind,
  InterviewKind,
  MemberRole,
} from "./types";

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "Priya", "Priya and Sam", "Priya, Sam and Lee" */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Subjects and the preheader are single-line text: collapse whitespace, keep them short. */
export function oneLine(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

export const draftKindLabel: Record<DraftKind, string> = {
  thank_you: "Thank-you note",
  follow_up_letter: "Follow-up letter",
  check_in: "Check-in message",
  proposal: "Proposal",
  networking_ask: "Request for a good word",
  rejection_reply: "Reply to keep the door open",
  references: "References",
};

export const interviewKindLabel: Record<InterviewKind, string> = {
  phone: "phone interview",
  video: "video interview",
  onsite: "on-site interview",
  panel: "panel interview",
};

export const applicationStatusLabel: Record<ApplicationStatus, string> = {
  saved: "Saved",
  applied: "Applied",
  interviewing: "Interviewing",
  offer: "Offer",
  accepted: "Accepted",
  rejected: "Rejected",
  withdrawn: "Withdrawn",
};

export const roleLabel: Record<MemberRole, string> = {
  owner: "an owner",
  coach: "a coach",
  client: "a client",
};

export const channelLabel: Record<ContactChannel, string> = {
  email: "by email",
  phone: "by phone",
  linkedin: "on LinkedIn",
  via_recruiter: "through the recruiter",
  other: "the way they asked",
};

/** "10 days", "3 months": rough on purpose, for sentences like "we'll remind you in …". */
export function formatDuration(days: number): string {
  if (days >= 60) return plural(Math.round(days / 30), "month");
  if (days >= 14 && days % 7 === 0) return plural(days / 7, "week");
  return plural(days, "day");
}
