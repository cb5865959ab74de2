/**
 * How every date and time is written, in the app, in the emails and in reminder reasons.
 *
 * Two rules make the same instant read the same everywhere:
 * - the zone is always passed in (the viewer's, the recipient's or the interview's), never the
 *   zone of the runtime: a server in UTC and a browser in Tokyo must write the same text, or React
 *   finds a hydration mismatch;
 * - one fixed locale, for the same reason (the browser's locale is not the server's).
 *
 * Pure functions over `Intl`: safe to import from client components, React Email templates and
 * server code alike.
 */

export const LOCALE = "en-GB";

/** A point in time: a `Date` from a row, or its ISO string after a trip through JSON. */
export type Instant = Date | string;

const toDate = (instant: Instant) => (instant instanceof Date ? instant : new Date(instant));

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Building a formatter costs far more than using one, and delivery renders thousands of emails.
 * A zone `Intl` does not know (a row written before zones were validated) reads as UTC rather
 * than failing the page or the email.
 */
function formatter(timeZone: string, options: Intl.DateTimeFormatOptions, locale = LOCALE): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    try {
      cached = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    } catch {
      cached = new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" });
    }
    formatters.set(key, cached);
  }
  return cached;
}

const SHORT_DATE_TIME: Intl.DateTimeFormatOptions = { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" };
const DATE_WITH_YEAR: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric" };
const DAY_MONTH: Intl.DateTimeFormatOptions = { day: "numeric", month: "short" };
const SHORT_DAY: Intl.DateTimeFormatOptions = { weekday: "short", day: "numeric", month: "short" };
const LONG_DAY: Intl.DateTimeFormatOptions = { weekday: "long", day: "numeric", month: "long" };
const CLOCK: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit" };

/** "Tue 1 Dec, 18:00": a moment on screen. */
export const formatDateTime = (instant: Instant, timeZone: string) => formatter(timeZone, SHORT_DATE_TIME).format(toDate(instant));

/** "1 Dec 2026" */
export const formatDate = (instant: Instant, timeZone: string) => formatter(timeZone, DATE_WITH_YEAR).format(toDate(instant));

/** "1 Dec" */
export const formatShortDate = (instant: Instant, timeZone: string) => formatter(timeZone, DAY_MONTH).format(toDate(instant));

/** "Tuesday 1 December": the day, as a sentence names it. */
export const formatDay = (instant: Instant, timeZone: string) => formatter(timeZone, LONG_DAY).format(toDate(instant));

/** "18:00" (24-hour clock, midnight is 00:00). */
export const formatTime = (instant: Instant, timeZone: string) => formatter(timeZone, CLOCK).format(toDate(instant));

/** "18:00 GMT", "10:00 EST": a clock reading with the zone it is read in. */
export const formatTimeWithZone = (instant: Instant, timeZone: string) => `${formatTime(instant, timeZone)} ${zoneAbbreviation(instant, timeZone)}`;

/** "Tuesday 1 December, 18:00 GMT": a moment in a sentence, for a reader who may be elsewhere. */
export const formatLongDateTime = (instant: Instant, timeZone: string) => `${formatDay(instant, timeZone)}, ${formatTimeWithZone(instant, timeZone)}`;

/**
 * "BST", "EST", or an offset ("GMT+9") where no abbreviation is in common use. ICU knows British
 * abbreviations only in en-GB and American ones only in en-US, so both are asked.
 */
export function zoneAbbreviation(instant: Instant, timeZone: string): string {
  const date = toDate(instant);
  const names = ["en-GB", "en-US"].map(
    (locale) =>
      formatter(timeZone, { timeZoneName: "short" }, locale)
        .formatToParts(date)
        .find((part) => part.type === "timeZoneName")?.value ?? timeZone,
  );
  return names.find((name) => /^[A-Z]{2,5}$/.test(name) && name !== "GMT") ?? names[0] ?? timeZone;
}

/** "America/New_York" → "New York": the place a zone is named after. */
export const zoneCity = (timeZone: string) => (timeZone.split("/").pop() ?? timeZone).replaceAll("_", " ");

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar date (YYYY-MM-DD, as an employer names it) as the instant of its noon in UTC, or
 * null when it is not a real date. A date has no zone: noon UTC falls on the same day wherever it
 * is then formatted in UTC.
 */
function isoDateNoon(isoDate: string): Date | null {
  const match = ISO_DATE.exec(isoDate);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day, 12));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

/** "2026-12-09" → "Wed 9 Dec"; "" for anything that is not a real calendar date. */
export function formatIsoDay(isoDate: string): string {
  const date = isoDateNoon(isoDate);
  return date ? formatter("UTC", SHORT_DAY).format(date) : "";
}

/** "2026-12-09" → "Wednesday 9 December"; "" for anything that is not a real calendar date. */
export function formatIsoDate(isoDate: string): string {
  const date = isoDateNoon(isoDate);
  return date ? formatDay(date, "UTC") : "";
}

const relativeFormat = new Intl.RelativeTimeFormat(LOCALE, { numeric: "auto" });
const RELATIVE_UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/** "3 days ago", "in 2 hours", "just now": relative to `now`, for timelines and last activity. */
export function formatRelative(instant: Instant, now: Date = new Date()): string {
  const diff = +toDate(instant) - +now;
  const found = RELATIVE_UNITS.find(([, ms]) => Math.abs(diff) >= ms);
  return found ? relativeFormat.format(Math.round(diff / found[1]), found[0]) : "just now";
}
