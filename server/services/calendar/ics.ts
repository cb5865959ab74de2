import { TZDate } from "@date-fns/tz";
import { channelPhrase } from "@/lib/vocabulary";
import ical, { ICalEventStatus, ICalEventTransparency, type ICalEventData } from "ical-generator";
import { tzlib_get_ical_block } from "timezones-ical-library";
import { canonicalTimeZone } from "../../validation/time-zone";
import type { contactChannel, interviewStatus } from "@/db/schema/pipeline";

/**
 * A user's iCalendar feed: interviews, agreed check-in days and commitment deadlines. Pure: the
 * caller loads the rows (scoped to the user) and passes `generatedAt`, so the same input always
 * gives the same bytes.
 *
 * Times: an interview is written in its own zone (DTSTART;TZID=…) with a VTIMEZONE block for
 * every zone used, so calendar apps show it correctly wherever the reader is. A zone we have no
 * VTIMEZONE for is written in UTC instead: the instant stays right, only the label is lost.
 */

type Maybe<T> = T | null | undefined;

type EventBase = {
  id: string;
  /** Path inside the app to open this item, e.g. "/acme/applications/123"; defaults to appUrl. */
  path?: Maybe<string>;
  /** Last change to the row: becomes DTSTAMP, which calendar apps use to spot updates. */
  updatedAt?: Maybe<Date>;
};

export type InterviewCalendarEvent = EventBase & {
  kind: "interview";
  roleTitle: string;
  companyName: string;
  round: number;
  startsAt: Date;
  endsAt: Date;
  /** IANA zone the interview happens in. */
  timeZone: string;
  /** An address or a meeting link. */
  location?: Maybe<string>;
  status: (typeof interviewStatus.enumValues)[number];
  description?: Maybe<string>;
  /** Bump when rescheduled (the interview's planVersion works) so apps replace the old one. */
  sequence?: Maybe<number>;
};

export type CheckInCalendarEvent = EventBase & {
  kind: "check_in";
  /** YYYY-MM-DD: the day the employer agreed to be contacted. `id` is the interview's id. */
  on: string;
  roleTitle: string;
  companyName: string;
  contactName?: Maybe<string>;
  channel?: Maybe<(typeof contactChannel.enumValues)[number]>;
};

export type CommitmentCalendarEvent = EventBase & {
  kind: "commitment";
  description: string;
  dueAt: Date;
  toName?: Maybe<string>;
  roleTitle?: Maybe<string>;
  companyName?: Maybe<string>;
};

export type CalendarEvent = InterviewCalendarEvent | CheckInCalendarEvent | CommitmentCalendarEvent;

export type CalendarFeedInput = {
  calendarName: string;
  /** The feed owner's zone: commitment deadlines are shown in it. */
  ownerTimeZone: string;
  /** Absolute base URL of the app, e.g. "https://app.example.com". */
  appUrl: string;
  /** DTSTAMP for events without `updatedAt`; passed in so output is deterministic. */
  generatedAt: Date;
  events: readonly CalendarEvent[];
};

/** How long a deadline appears in a calendar: long enough to be seen, short enough not to block a day. */
const DEADLINE_MINUTES = 15;
const DAY_MS = 24 * 60 * 60 * 1000;
const REFRESH_SECONDS = 60 * 60;

export function buildCalendarFeed(input: CalendarFeedInput): string {
  assertHttpUrl(input.appUrl);
  const ownerZone = usableZone(input.ownerTimeZone);
  const calendar = ical({
    name: text(input.calendarName) || "Followthrough",
    prodId: { company: "Followthrough", product: "Followthrough", language: "EN" },
    url: input.appUrl,
    ttl: REFRESH_SECONDS,
    // No calendar-wide zone on purpose: ical-generator would then write DTSTAMP as local time,
    // which RFC 5545 forbids. Each event carries its own zone; the generator adds the VTIMEZONEs.
    timezone: { name: null, generator: vtimezoneFor },
    x: ownerZone ? { "X-WR-TIMEZONE": ownerZone } : {},
  });
  for (const event of input.events) {
    calendar.createEvent(toEventData(event, input, ownerZone));
  }
  return calendar.toString();
}

function toEventData(event: CalendarEvent, input: CalendarFeedInput, ownerZone: string | null): ICalEventData {
  const common = {
    id: `${event.kind}-${event.id}@followthrough`,
    stamp: event.updatedAt ?? input.generatedAt,
    url: linkTo(input.appUrl, event.path),
  };
  switch (event.kind) {
    case "interview":
      return { ...common, ...interviewData(event, common.url) };
    case "check_in":
      return { ...common, ...checkInData(event, common.url) };
    case "commitment":
      return { ...common, ...commitmentData(event, common.url, ownerZone) };
  }
}

function interviewData(event: InterviewCalendarEvent, url: string): ICalEventData {
  const zone = usableZone(event.timeZone);
  const location = text(event.location);
  return {
    ...timed(event.startsAt, event.endsAt, zone),
    summary: `Interview: ${roleAt(event.roleTitle, event.companyName)} (round ${event.round})`,
    location: location || null,
    description: lines(
      text(event.description, { multiline: true }),
      location && `Where: ${location}`,
      `Open in Followthrough: ${url}`,
    ),
    status: event.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    sequence: event.sequence ?? 0,
  };
}

function checkInData(event: CheckInCalendarEvent, url: string): ICalEventData {
  const day = parseIsoDate(event.on);
  const who = text(event.contactName) || "The employer";
  const how = channelPhrase(event.channel);
  return {
    // All-day events carry no zone: DTSTART;VALUE=DATE is the same calendar day everywhere.
    start: day,
    end: new Date(day.getTime() + DAY_MS),
    allDay: true,
    summary: `Check in: ${roleAt(event.roleTitle, event.companyName)}`,
    description: lines(
      `${who} agreed to hear from you today${how ? `, ${how}` : ""}.`,
      `Open in Followthrough: ${url}`,
    ),
    transparency: ICalEventTransparency.TRANSPARENT,
  };
}

function commitmentData(event: CommitmentCalendarEvent, url: string, ownerZone: string | null): ICalEventData {
  const to = text(event.toName);
  const role = text(event.roleTitle);
  const company = text(event.companyName);
  const about =
    role && company
      ? ` for the ${role} role at ${company}`
      : role
        ? ` for the ${role} role`
        : company
          ? ` for ${company}`
          : "";
  return {
    ...timed(event.dueAt, new Date(event.dueAt.getTime() + DEADLINE_MINUTES * 60_000), ownerZone),
    summary: `Due: ${text(event.description)}`,
    description: lines(`You promised this${to ? ` to ${to}` : ""}${about}.`, `Open in Followthrough: ${url}`),
    transparency: ICalEventTransparency.TRANSPARENT,
  };
}

/**
 * ical-generator formats a plain Date with the server's local clock when a zone is set, so zoned
 * times must be TZDates; without a zone, plain Dates are written in UTC.
 */
function timed(start: Date, end: Date, zone: string | null): Pick<ICalEventData, "start" | "end" | "timezone"> {
  if (!zone) return { start, end, timezone: null };
  return { start: new TZDate(start.getTime(), zone), end: new TZDate(end.getTime(), zone), timezone: zone };
}

// --- Time zones --------------------------------------------------------------------------------

const vtimezones = new Map<string, string | null>();

/** The VTIMEZONE block for an IANA zone, or null when the library does not know it. */
function vtimezoneFor(zone: string): string | null {
  if (!vtimezones.has(zone)) {
    const block = tzlib_get_ical_block(zone);
    vtimezones.set(zone, Array.isArray(block) && typeof block[0] === "string" ? block[0] : null);
  }
  return vtimezones.get(zone) ?? null;
}

/**
 * A zone we can write with TZID (valid and with a VTIMEZONE), else null meaning "write UTC". The
 * stored name is canonicalised first: a zone saved as Asia/Calcutta is written as Asia/Kolkata, the
 * name of the VTIMEZONE block, or calendar apps read the times as floating.
 */
function usableZone(zone: string): string | null {
  const canonical = canonicalTimeZone(zone);
  if (!canonical || canonical === "UTC") return null;
  return vtimezoneFor(canonical) ? canonical : null;
}

function parseIsoDate(value: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!match || !date || date.toISOString().slice(0, 10) !== value) {
    throw new RangeError(`Expected a calendar date like "2026-05-14", got "${value}"`);
  }
  return date;
}

// --- Text --------------------------------------------------------------------------------------

/**
 * iCalendar TEXT may not contain control characters; ical-generator escapes commas, semicolons,
 * backslashes and newlines, but leaves the rest to us.
 */
function text(value: Maybe<string>, { multiline = false } = {}): string {
  if (typeof value !== "string") return "";
  const cleaned = value
    .replace(/\p{Cs}/gu, "")
    .replace(/\r\n?/g, "\n")
    .replace(multiline ? /\t/g : /[\t\n]/g, " ")
    .replace(/[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu, (c) => (c === "\n" ? c : ""));
  return multiline
    ? cleaned
        .split("\n")
        .map((line) => line.replace(/ {2,}/g, " ").trim())
        .join("\n")
        .replace(/\n{3,}/g, "\n\n")
        .trim()
    : cleaned.replace(/\s+/g, " ").trim();
}

/** "Data Engineer at Acme", without dangling words when either is blank. */
function roleAt(roleTitle: Maybe<string>, companyName: Maybe<string>): string {
  const role = text(roleTitle);
  const company = text(companyName);
  return role && company ? `${role} at ${company}` : role || (company ? `a role at ${company}` : "a role");
}

function lines(...parts: Array<string | null | undefined | false>): string {
  return parts.filter(Boolean).join("\n\n");
}

function assertHttpUrl(value: string): void {
  const protocol = URL.canParse(value) ? new URL(value).protocol : "";
  if (protocol !== "https:" && protocol !== "http:")
    throw new RangeError(`appUrl must be an absolute http(s) URL, got "${value}"`);
}

function linkTo(appUrl: string, path: Maybe<string>): string {
  const base = appUrl.replace(/\/+$/, "");
  return path ? `${base}/${path.replace(/^\/+/, "")}` : base;
}
