import { formatDate, formatDateTime } from "./when";

/** Shared display helpers for the coach portal. */

export const percent = (rate: number | null | undefined) => (rate === null || rate === undefined ? "—" : `${Math.round(rate * 100)}%`);

/**
 * A date and time, or a date, in the given zone (the viewer's): the same text on the server and
 * in the browser, so nothing changes on hydration. The formats are the ones in `when.tsx`.
 */
export function dateTime(value: Date | string | null | undefined, timeZone: string) {
  return value ? formatDateTime(new Date(value), timeZone) : "—";
}

export function shortDate(value: Date | string | null | undefined, timeZone: string) {
  return value ? formatDate(new Date(value), timeZone) : "—";
}

/** "3 days ago", "in 2 hours": relative to now, for timelines and last activity. */
export function relative(value: Date | string | null | undefined) {
  if (!value) return "never";
  const diff = +new Date(value) - Date.now();
  const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [["day", 86_400_000], ["hour", 3_600_000], ["minute", 60_000]];
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
  for (const [unit, ms] of units) if (Math.abs(diff) >= ms || unit === "minute") return format.format(Math.round(diff / ms), unit);
  return "just now";
}
