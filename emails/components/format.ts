import type {
  ApplicationStatus,
  ContactChannel,
  DraftKind,
  Instant,
  InterviewKind,
  MemberRole,
} from "./types";

// One locale for every email until users can choose theirs; times are always shown in the
// recipient's own time zone, with its abbreviation, so nobody has to convert.
const LOCALE = "en-GB";

function toDate(instant: Instant): Date {
  return instant instanceof Date ? instant : new Date(instant);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Building a formatter costs far more than using one, and delivery renders thousands of emails. */
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, cached);
  }
  return cached;
}

/** "Tuesday 14 May, 10:30 BST" */
export function formatDateTime(instant: Instant, timeZone: string): string {
  const date = toDate(instant);
  const day = formatter(LOCALE, { weekday: "long", day: "numeric", month: "long", timeZone }).format(date);
  return `${day}, ${formatTime(date, timeZone)}`;
}

/** "10:30 BST", "10:00 EST" */
export function formatTime(instant: Instant, timeZone: string): string {
  const date = toDate(instant);
  const time = formatter(LOCALE, { hour: "2-digit", minute: "2-digit", timeZone }).format(date);
  return `${time} ${zoneName(date, timeZone)}`;
}

/**
 * ICU knows British abbreviations only in en-GB ("BST") and American ones only in en-US
 * ("EST"); elsewhere each gives an offset ("GMT-5"). Take a real abbreviation from either.
 */
function zoneName(date: Date, timeZone: string): string {
  const names = ["en-GB", "en-US"].map(
    (locale) =>
      formatter(locale, { timeZone, timeZoneName: "short" })
        .formatToParts(date)
        .find((part) => part.type === "timeZoneName")?.value ?? timeZone,
  );
  return names.find((name) => /^[A-Z]{2,5}$/.test(name) && name !== "GMT") ?? names[0] ?? timeZone;
}

/** "Tuesday 14 May" */
export function formatDay(instant: Instant, timeZone: string): string {
  return formatter(LOCALE, { weekday: "long", day: "numeric", month: "long", timeZone }).format(toDate(instant));
}

/** "14 May" */
export function formatShortDate(instant: Instant, timeZone: string): string {
  return formatter(LOCALE, { day: "numeric", month: "short", timeZone }).format(toDate(instant));
}

/** Whole days from `from` to `to`, never negative. */
export function daysBetween(from: Instant, to: Instant): number {
  const ms = toDate(to).getTime() - toDate(from).getTime();
  return Math.max(0, Math.floor(ms / 86_400_000));
}

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
