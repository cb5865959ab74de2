import { TZDate, tzOffset } from "@date-fns/tz";
import type { FollowUpPolicy } from "@/db/schema/org";

/**
 * Local-time arithmetic for the planner. Wall-clock times are resolved with TZDate and the zone
 * offsets @date-fns/tz reads from the runtime's tz database, never from fixed offsets. The DST
 * corner cases (skipped and repeated times) are handled where they arise, below.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

export const HHMM_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;
const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export type QuietHours = Pick<FollowUpPolicy, "quietHoursStart" | "quietHoursEnd">;

/** "18:30" → 1110 (minutes after local midnight). Throws RangeError on anything else. */
export function minuteOfDayFromHHmm(hhmm: string): number {
  const match = HHMM_PATTERN.exec(hhmm);
  if (!match) throw new RangeError(`Expected a time like "18:00", got "${hhmm}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

// Building an Intl formatter is slow enough to matter in a planning loop: remember the answers.
const knownTimeZones = new Set<string>();

export function isValidTimeZone(timeZone: string): boolean {
  if (knownTimeZones.has(timeZone)) return true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
  } catch {
    return false;
  }
  knownTimeZones.add(timeZone);
  return true;
}

export function assertTimeZone(timeZone: string): void {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone "${timeZone}"`);
}

function parseIsoDate(dateISO: string): { year: number; month: number; day: number } {
  const match = ISO_DATE_PATTERN.exec(dateISO);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [NaN, NaN, NaN];
  // Round-trip through a UTC date to reject 2026-02-30 and friends.
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (!match || probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    throw new RangeError(`Expected a calendar date like "2026-05-14", got "${dateISO}"`);
  }
  return { year, month, day };
}

/** Calendar arithmetic on YYYY-MM-DD strings; no time zone involved. */
export function addDaysToIsoDate(dateISO: string, days: number): string {
  const { year, month, day } = parseIsoDate(dateISO);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** The calendar date (YYYY-MM-DD) an instant falls on in a time zone. */
export function localDateOf(instant: Date, timeZone: string): string {
  assertTimeZone(timeZone);
  const local = new TZDate(+instant, timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${String(local.getFullYear()).padStart(4, "0")}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
}

/** Minutes after local midnight, as the wall clock in `timeZone` reads at `instant`. */
export function localMinuteOfDay(instant: Date, timeZone: string): number {
  const local = new TZDate(+instant, timeZone);
  return local.getHours() * 60 + local.getMinutes();
}

/**
 * The instant the wall clock in `timeZone` reads `hhmm` on `dateISO`.
 *
 * Follows the usual ("compatible") convention for the two DST oddities: a time skipped by a
 * spring-forward jump is pushed forward by the jump (02:30 on a 02:00→03:00 night is 03:30), and
 * a time that happens twice in a fall-back night resolves to its first occurrence.
 */
export function localTimeOn(dateISO: string, hhmm: string, timeZone: string): Date {
  const { readings, pushedForward } = resolveWallTime(dateISO, hhmm, timeZone);
  return readings[0] ?? pushedForward;
}

/**
 * Every instant at which the wall clock reads `hhmm` on `dateISO` (none in a spring-forward gap,
 * two in a fall-back overlap), earliest first, and TZDate's own answer, which for a skipped time
 * is pushed forward by the jump.
 *
 * TZDate alone is not enough for the overlap: which occurrence it returns depends on the zone
 * (the later one for London or Auckland, the earlier for New York), so the other occurrence is
 * looked for one offset change away.
 */
function resolveWallTime(dateISO: string, hhmm: string, timeZone: string): { readings: Date[]; pushedForward: Date } {
  const { year, month, day } = parseIsoDate(dateISO);
  const minute = minuteOfDayFromHHmm(hhmm);
  assertTimeZone(timeZone);
  const resolved = new Date(+new TZDate(year, month - 1, day, Math.floor(minute / 60), minute % 60, timeZone));
  if (localMinuteOfDay(resolved, timeZone) !== minute) return { readings: [], pushedForward: resolved };

  const offset = tzOffset(timeZone, resolved);
  const nearbyOffsets = new Set([tzOffset(timeZone, new Date(+resolved - DAY_MS)), tzOffset(timeZone, new Date(+resolved + DAY_MS))]);
  const others = [...nearbyOffsets]
    .filter((other) => other !== offset)
    .map((other) => new Date(+resolved + (offset - other) * MINUTE_MS))
    .filter((candidate) => localMinuteOfDay(candidate, timeZone) === minute && localDateOf(candidate, timeZone) === dateISO);
  const readings = [resolved, ...others].sort((a, b) => +a - +b);
  return { readings, pushedForward: resolved };
}

type MinuteWindow = { start: number; end: number };

/** Quiet hours as minutes of the day, or null when start == end (no quiet hours). */
function quietWindow(policy: QuietHours): MinuteWindow | null {
  const start = minuteOfDayFromHHmm(policy.quietHoursStart);
  const end = minuteOfDayFromHHmm(policy.quietHoursEnd);
  return start === end ? null : { start, end };
}

function crossesMidnight(window: MinuteWindow): boolean {
  return window.start > window.end;
}

/** Whether a local minute of the day lies in [start, end), the window possibly crossing midnight. */
export function isQuietMinute(minuteOfDay: number, policy: QuietHours): boolean {
  const window = quietWindow(policy);
  if (!window) return false;
  return crossesMidnight(window)
    ? minuteOfDay >= window.start || minuteOfDay < window.end
    : minuteOfDay >= window.start && minuteOfDay < window.end;
}

export function isInQuietHours(instant: Date, timeZone: string, policy: QuietHours): boolean {
  assertTimeZone(timeZone);
  return isQuietMinute(localMinuteOfDay(instant, timeZone), policy);
}

/**
 * Moves an instant that falls in the recipient's quiet hours to the first moment after them (the
 * window's end, local time); any other instant is returned unchanged.
 */
export function applyQuietHours(instant: Date, timeZone: string, policy: QuietHours): Date {
  assertTimeZone(timeZone);
  const window = quietWindow(policy);
  let moved = new Date(+instant);
  // Normally one step. A DST jump can skip a short allowed stretch entirely, landing in the next
  // night's quiet hours; then the window's end on the following day is the answer.
  for (let step = 0; window && isInQuietHours(moved, timeZone, policy) && step < 7; step++) {
    moved = endOfQuietStretch(moved, timeZone, window, policy);
  }
  return moved;
}

/** Where the quiet stretch containing `instant` ends: usually the window's end on the right local day. */
function endOfQuietStretch(instant: Date, timeZone: string, window: MinuteWindow, policy: QuietHours): Date {
  const minute = localMinuteOfDay(instant, timeZone);
  // In the evening part of a window that crosses midnight, the window ends tomorrow.
  const today = localDateOf(instant, timeZone);
  const endDay = crossesMidnight(window) && minute >= window.start ? addDaysToIsoDate(today, 1) : today;
  const windowEnd = firstInstantReadingAfter(endDay, window.end, timeZone, instant);
  // Clocks falling back on the way can turn the wall clock back to before the window began.
  const change = offsetChangeWithin(instant, windowEnd, timeZone);
  return change && !isInQuietHours(change, timeZone, policy) ? change : windowEnd;
}

/** The first instant after `after` at which the wall clock reads `minuteOfDay` on `dateISO`. */
function firstInstantReadingAfter(dateISO: string, minuteOfDay: number, timeZone: string, after: Date): Date {
  const hhmm = `${String(Math.floor(minuteOfDay / 60)).padStart(2, "0")}:${String(minuteOfDay % 60).padStart(2, "0")}`;
  const { readings, pushedForward } = resolveWallTime(dateISO, hhmm, timeZone);
  // Clocks jumped over that time: the first minute past the window is the jump itself.
  if (readings.length === 0) {
    return offsetChangeWithin(new Date(+pushedForward - DAY_MS), pushedForward, timeZone) ?? pushedForward;
  }
  // In a fall-back night `after` may sit between the two occurrences: take the one still ahead.
  return readings.find((reading) => +reading > +after) ?? firstInstantReadingAfter(addDaysToIsoDate(dateISO, 1), minuteOfDay, timeZone, after);
}

/**
 * The first whole minute in (from, to] that already has `to`'s UTC offset, or null when the
 * offset is the same at both ends. Assumes at most one change in between (zones change a few
 * times a year, and the ranges here span a day at most).
 */
function offsetChangeWithin(from: Date, to: Date, timeZone: string): Date | null {
  const offsetAfter = tzOffset(timeZone, to);
  if (tzOffset(timeZone, from) === offsetAfter) return null;
  let low = Math.floor(+from / MINUTE_MS) + 1;
  let high = Math.ceil(+to / MINUTE_MS);
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (tzOffset(timeZone, new Date(middle * MINUTE_MS)) === offsetAfter) high = middle;
    else low = middle + 1;
  }
  return new Date(low * MINUTE_MS);
}
