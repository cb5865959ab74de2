/**
 * Dates as people read them, always in an explicit zone so the server and the browser render the
 * same text. Interview times show the viewer's clock and, when it differs, the interview's own.
 */

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string, options: Intl.DateTimeFormatOptions) {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let found = cache.get(key);
  if (!found) {
    try {
      found = new Intl.DateTimeFormat("en-GB", { ...options, timeZone });
    } catch {
      found = new Intl.DateTimeFormat("en-GB", { ...options, timeZone: "UTC" });
    }
    cache.set(key, found);
  }
  return found;
}

const DATE_TIME: Intl.DateTimeFormatOptions = { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" };
const DATE: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric" };
const TIME: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit" };

export const formatDateTime = (date: Date, timeZone: string) => formatter(timeZone, DATE_TIME).format(date);
export const formatDate = (date: Date, timeZone: string) => formatter(timeZone, DATE).format(date);
export const formatTime = (date: Date, timeZone: string) => formatter(timeZone, TIME).format(date);

const DAY: Intl.DateTimeFormatOptions = { weekday: "short", day: "numeric", month: "short" };
/** A calendar day (YYYY-MM-DD) as "Wed 9 Dec": a date has no zone, so it is read at noon UTC. */
export const formatIsoDay = (isoDate: string) => formatter("UTC", DAY).format(new Date(`${isoDate}T12:00:00Z`));

/** "America/New_York" → "New York". */
export const zoneName = (timeZone: string) => (timeZone.split("/").pop() ?? timeZone).replaceAll("_", " ");

/** A moment in the viewer's zone, in a <time> element machines can read too. */
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
      <span className="text-slate-500"> ({zoneName(viewerTimeZone)})</span>
      {sameClock ? null : (
        <span className="block text-xs text-slate-500">
          {formatDateTime(startsAt, timeZone)} in {zoneName(timeZone)}, where it happens
        </span>
      )}
    </span>
  );
}
