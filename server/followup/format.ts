import { tz } from "@date-fns/tz";
import { format } from "date-fns";
import { addDaysToIsoDate, localDateOf } from "./time";

/** Small helpers that turn instants and lists into the plain English of reminder reasons. */

export function formatClock(instant: Date, timeZone: string): string {
  return format(instant, "HH:mm", { in: tz(timeZone) });
}

/**
 * "today at 10:00 (Europe/London)", "tomorrow at …" or "on Tuesday 12 May at …", as seen from
 * `seenAt` in `timeZone`.
 */
export function describeMoment(instant: Date, timeZone: string, seenAt: Date): string {
  const day = localDateOf(instant, timeZone);
  const today = localDateOf(seenAt, timeZone);
  const dayPhrase =
    day === today
      ? "today"
      : day === addDaysToIsoDate(today, 1)
        ? "tomorrow"
        : `on ${format(instant, "EEEE d MMMM", { in: tz(timeZone) })}`;
  return `${dayPhrase} at ${formatClock(instant, timeZone)} (${timeZone})`;
}

/** "Ana", "Ana and Ben", "Ana, Ben and Cy". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

const CHANNEL_PHRASES: Record<string, string> = {
  email: "by email",
  phone: "by phone",
  linkedin: "on LinkedIn",
  via_recruiter: "through the recruiter",
};

/** How to reach the employer, as they asked; empty when they named no usable channel. */
export function channelPhrase(channel: string | null): string {
  return channel ? (CHANNEL_PHRASES[channel] ?? "") : "";
}

/** "2026-05-14" → "Thursday 14 May": a calendar date as the employer named it. */
export function formatIsoDate(dateISO: string): string {
  const [year, month, day] = dateISO.split("-").map(Number) as [number, number, number];
  return format(new Date(Date.UTC(year, month - 1, day, 12)), "EEEE d MMMM", { in: tz("UTC") });
}

/** `"A", "B" and 2 more`: quoted items, at most `limit` of them spelled out. */
export function quoteList(items: readonly string[], limit = 3): string {
  const quoted = items.slice(0, limit).map((item) => `"${item}"`);
  const rest = items.length - quoted.length;
  return rest > 0 ? `${quoted.join(", ")} and ${rest} more` : joinNames(quoted);
}
