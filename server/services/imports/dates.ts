/**
 * Dates as people type them in spreadsheets, read into YYYY-MM-DD. Numeric dates like 03/04/2026
 * are ambiguous, so the reader takes an explicit day/month order; `inferDateOrder` guesses it for
 * a whole file from the dates that are not ambiguous (a first number above 12 means day first).
 */

export type DateOrder = "DMY" | "MDY";

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

/** 2026-03-14, 2026/3/14, 2026.03.14, and ISO date-times such as 2026-03-14T10:00:00Z (date kept). */
const YEAR_FIRST = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
/** 14/03/2026, 3-14-26, 14.3.2026 */
const NUMERIC = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})$/;
/** 14 March 2026, 14-Mar-26, 14th Mar. 2026 */
const DAY_MONTH_YEAR = /^(\d{1,2})(?:st|nd|rd|th)?[\s\-/.]+([a-z]+)\.?,?[\s\-/.]+(\d{4}|\d{2})$/i;
/** March 14, 2026; Mar 14 2026 */
const MONTH_DAY_YEAR = /^([a-z]+)\.?[\s\-/.]+(\d{1,2})(?:st|nd|rd|th)?,?[\s\-/.]+(\d{4}|\d{2})$/i;
/** A leading weekday adds nothing: "Fri, 14 March 2026". */
const WEEKDAY = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i;

/** A clock time after the date, as LinkedIn writes it: "4/8/24, 1:48 PM". The day is what we keep. */
const TRAILING_TIME = /,?\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:am|pm)?$/i;
/** Milliseconds since 1970, as some JSON-minded exports write dates. */
const EPOCH_MS = /^\d{12,13}$/;

/** "2026-03-14", or null when the text is not a real date in a format we read. */
export function parseLooseDate(input: string, order: DateOrder): string | null {
  const text = input.trim().replace(WEEKDAY, "").replace(TRAILING_TIME, "");
  if (EPOCH_MS.test(text)) {
    const date = new Date(Number(text));
    return isoDate(String(date.getUTCFullYear()), String(date.getUTCMonth() + 1), String(date.getUTCDate()));
  }
  let match: RegExpExecArray | null;
  if ((match = YEAR_FIRST.exec(text))) return isoDate(match[1], match[2], match[3]);
  if ((match = NUMERIC.exec(text))) {
    const [first, second, year] = [match[1], match[2], match[3]];
    return order === "DMY" ? isoDate(year, second, first) : isoDate(year, first, second);
  }
  if ((match = DAY_MONTH_YEAR.exec(text))) return isoDate(match[3], monthNumber(match[2]), match[1]);
  if ((match = MONTH_DAY_YEAR.exec(text))) return isoDate(match[3], monthNumber(match[1]), match[2]);
  return null;
}

/**
 * The order a file's numeric dates use, judged from the unambiguous ones. When the file does not
 * say (or says both), `fallback` wins.
 */
export function inferDateOrder(values: readonly string[], fallback: DateOrder): DateOrder {
  let dayFirst = false;
  let monthFirst = false;
  for (const value of values) {
    const match = NUMERIC.exec(value.trim().replace(WEEKDAY, "").replace(TRAILING_TIME, ""));
    if (!match) continue;
    const [first, second] = [Number(match[1]), Number(match[2])];
    if (first > 12 && second <= 12) dayFirst = true;
    if (second > 12 && first <= 12) monthFirst = true;
  }
  if (dayFirst !== monthFirst) return dayFirst ? "DMY" : "MDY";
  return fallback;
}

function monthNumber(name: string | undefined): string | undefined {
  const month = MONTHS[(name ?? "").toLowerCase()];
  return month === undefined ? undefined : String(month);
}

function isoDate(
  yearText: string | undefined,
  monthText: string | undefined,
  dayText: string | undefined,
): string | null {
  if (!yearText || !monthText || !dayText) return null;
  // Two-digit years in a job search are this century.
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  const month = Number(monthText);
  const day = Number(dayText);
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 31 February over into March; a real date survives the round trip.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}
