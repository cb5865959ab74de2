import { TZDate } from "@date-fns/tz";

/**
 * Wall-clock arithmetic for forms: what a clock in `timeZone` reads at an instant, and the
 * instant a clock there reads a given date and time. Works the same in the browser and on the
 * server because the zone is always explicit.
 */
const pad = (n: number) => String(n).padStart(2, "0");

export function wallClock(instant: Date, timeZone: string): { date: string; time: string } {
  const local = new TZDate(+instant, timeZone);
  return {
    date: `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`,
    time: `${pad(local.getHours())}:${pad(local.getMinutes())}`,
  };
}

/** The instant at which the clock in `timeZone` reads `time` on `date` (YYYY-MM-DD, HH:mm). */
export function instantAt(date: string, time: string, timeZone: string): Date | null {
  const dateMatch = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const timeMatch = /^(\d{2}):(\d{2})$/.exec(time);
  if (!dateMatch || !timeMatch) return null;
  const local = new TZDate(Number(dateMatch[1]), Number(dateMatch[2]) - 1, Number(dateMatch[3]), Number(timeMatch[1]), Number(timeMatch[2]), timeZone);
  return new Date(+local);
}
