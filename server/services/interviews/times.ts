import { localTimeOn } from "../../followup/time";

/**
 * The instants an interview starts and ends, from what a person typed on the wall clock of the
 * interview's own zone (so "10:00 in Berlin" stays 10:00 in Berlin whatever zone the client is in).
 * Schemas have already checked the date, the times and the zone.
 */
export function interviewInstants(when: { date: string; startTime: string; durationMinutes?: number; endTime?: string; timeZone: string }) {
  const startsAt = localTimeOn(when.date, when.startTime, when.timeZone);
  const endsAt =
    when.durationMinutes !== undefined
      ? new Date(+startsAt + when.durationMinutes * 60_000)
      : localTimeOn(when.date, when.endTime!, when.timeZone);
  return { startsAt, endsAt };
}
