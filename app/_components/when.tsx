import { formatDate, formatDateTime, formatTime, zoneCity } from "@/lib/dates";

/**
 * Moments on screen, in <time> elements machines can read too. The text comes from `lib/dates`,
 * always in an explicit zone, so the server and the browser render the same. Interview times show
 * the viewer's clock and, when it differs, the interview's own.
 */

/** A moment in the viewer's zone. */
export function When({ date, timeZone, dateOnly = false }: { date: Date; timeZone: string; dateOnly?: boolean }) {
  return <time dateTime={date.toISOString()}>{dateOnly ? formatDate(date, timeZone) : formatDateTime(date, timeZone)}</time>;
}

/** An interview's start in the viewer's zone, plus its local time where it happens when that differs. */
export function InterviewWhen({ startsAt, endsAt, viewerTimeZone, timeZone }: { startsAt: Date; endsAt?: Date; viewerTimeZone: string; timeZone: string }) {
  const own = `${formatDateTime(startsAt, viewerTimeZone)}${endsAt ? `–${formatTime(endsAt, viewerTimeZone)}` : ""}`;
  const sameClock = formatDateTime(startsAt, viewerTimeZone) === formatDateTime(startsAt, timeZone);
  return (
    <span>
      <time dateTime={startsAt.toISOString()}>{own}</time>
      <span className="text-slate-500"> ({zoneCity(viewerTimeZone)})</span>
      {sameClock ? null : (
        <span className="block text-xs text-slate-500">
          {formatDateTime(startsAt, timeZone)} in {zoneCity(timeZone)}, where it happens
        </span>
      )}
    </span>
  );
}
