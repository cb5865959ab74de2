import { formatDay, formatTime } from "@/lib/dates";
import { addDaysToIsoDate, localDateOf } from "./time";

/** Small helpers that turn instants and lists into the plain English of reminder reasons. */

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
        : `on ${formatDay(instant, timeZone)}`;
  return `${dayPhrase} at ${formatTime(instant, timeZone)} (${timeZone})`;
}

/** "Ana", "Ana and Ben", "Ana, Ben and Cy". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** `"A", "B" and 2 more`: quoted items, at most `limit` of them spelled out. */
export function quoteList(items: readonly string[], limit = 3): string {
  const quoted = items.slice(0, limit).map((item) => `"${item}"`);
  const rest = items.length - quoted.length;
  return rest > 0 ? `${quoted.join(", ")} and ${rest} more` : joinNames(quoted);
}
