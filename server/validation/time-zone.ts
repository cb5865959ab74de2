import { z } from "zod";

/**
 * Time zones: one place that decides what a zone name is. Every input that takes a zone parses it
 * with `ZTimeZone`, which answers the canonical IANA name, and everything that writes a zone out
 * (the calendar feed) canonicalises stored values with `canonicalTimeZone`.
 *
 * Why canonicalise: ICU (inside Node and older browsers) names some zones by their CLDR ids, which
 * are IANA's *legacy* names (Asia/Calcutta for Asia/Kolkata, Europe/Kiev for Europe/Kyiv). Calendar
 * apps look a TZID up among IANA's canonical names; a feed writing TZID=Asia/Calcutta against a
 * VTIMEZONE named Asia/Kolkata is read as floating time (11:00 in Calcutta became 11:00 UTC).
 */

/** The CLDR ids that differ from IANA's canonical names, mapped to the latter. */
const CLDR_TO_IANA: Readonly<Record<string, string>> = {
  "Africa/Asmera": "Africa/Asmara",
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "America/Catamarca": "America/Argentina/Catamarca",
  "America/Coral_Harbour": "America/Atikokan",
  "America/Cordoba": "America/Argentina/Cordoba",
  "America/Godthab": "America/Nuuk",
  "America/Indianapolis": "America/Indiana/Indianapolis",
  "America/Jujuy": "America/Argentina/Jujuy",
  "America/Louisville": "America/Kentucky/Louisville",
  "America/Mendoza": "America/Argentina/Mendoza",
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "Europe/Kiev": "Europe/Kyiv",
  "Pacific/Enderbury": "Pacific/Kanton",
  "Pacific/Ponape": "Pacific/Pohnpei",
  "Pacific/Truk": "Pacific/Chuuk",
};

const canonicalCache = new Map<string, string | null>();

/**
 * The canonical IANA name of a zone (`asia/calcutta`, `Asia/Kolkata` and `Asia/Calcutta` all give
 * `Asia/Kolkata`; `Etc/UTC` and `GMT` give `UTC`; `US/Pacific` gives `America/Los_Angeles`), or
 * null when the runtime does not know the zone.
 */
export function canonicalTimeZone(zone: string): string | null {
  const cached = canonicalCache.get(zone);
  if (cached !== undefined) return cached;
  let canonical: string | null = null;
  // Offsets like "+05:30" are valid Intl zones but not places: a zone must follow a place's rules.
  if (zone.length > 0 && zone.length <= 64 && /^[A-Za-z]/.test(zone)) {
    try {
      const resolved = new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
      canonical = CLDR_TO_IANA[resolved] ?? resolved;
    } catch {
      canonical = null;
    }
  }
  if (canonicalCache.size < 2000) canonicalCache.set(zone, canonical);
  return canonical;
}

/** A stored zone as it should be written out: canonical, or UTC when it is not a zone at all. */
export const canonicalTimeZoneOrUtc = (zone: string | null | undefined): string => (zone && canonicalTimeZone(zone)) || "UTC";

/** A time-zone input: trimmed, checked against the runtime's zones, answered canonical. */
export const ZTimeZone = z
  .string({ error: "Choose a time zone." })
  .trim()
  .min(1, "Choose a time zone.")
  .max(64, "That time zone is not valid.")
  .transform((zone, ctx) => {
    const canonical = canonicalTimeZone(zone);
    if (!canonical) {
      ctx.addIssue({ code: "custom", message: "Choose a time zone from the list (for example Europe/London)." });
      return z.NEVER;
    }
    return canonical;
  });

export type TimeZoneChoice = { id: string; label: string; offset: string; offsetMinutes: number };

/**
 * Every zone a person can choose, canonical and without duplicates, with its UTC offset at `at`,
 * sorted by offset then name (UTC included, which ICU's list leaves out).
 */
export function timeZoneChoices(at: Date = new Date(), zones: readonly string[] = runtimeZones()): TimeZoneChoice[] {
  const unique = new Set<string>(["UTC"]);
  for (const zone of zones) {
    const canonical = canonicalTimeZone(zone);
    if (canonical) unique.add(canonical);
  }
  return [...unique]
    .map((id) => {
      const offsetMinutes = utcOffsetMinutes(id, at);
      const offset = formatOffset(offsetMinutes);
      return { id, offset, offsetMinutes, label: `${id.replaceAll("_", " ")} (${offset})` };
    })
    .sort((a, b) => a.offsetMinutes - b.offsetMinutes || a.id.localeCompare(b.id));
}

const runtimeZones = () => (typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : ["UTC"]);

/** The zone's offset from UTC at that instant, in minutes (India: 330). */
export function utcOffsetMinutes(zone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"));
  const instant = Math.floor(at.getTime() / 60_000) * 60_000;
  return Math.round((wall - instant) / 60_000);
}

/** `UTC+05:30`, `UTC−03:00`, `UTC±00:00`. */
export function formatOffset(minutes: number): string {
  if (minutes === 0) return "UTC±00:00";
  const sign = minutes > 0 ? "+" : "−";
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}
