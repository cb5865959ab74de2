/**
 * The new application fields' vocabularies and how free text from trackers and job postings reads
 * into them. Pure: used by the CSV import, the posting extractor and the forms (client components
 * import the labels).
 */

export const WORKPLACE_TYPES = ["onsite", "hybrid", "remote"] as const;
export type WorkplaceType = (typeof WORKPLACE_TYPES)[number];
export const WORKPLACE_LABEL: Record<WorkplaceType, string> = { onsite: "On-site", hybrid: "Hybrid", remote: "Remote" };

export const JOB_TYPES = ["full_time", "part_time", "contract", "temporary", "internship", "volunteer", "other"] as const;
export type JobType = (typeof JOB_TYPES)[number];
export const JOB_TYPE_LABEL: Record<JobType, string> = {
  full_time: "Full-time",
  part_time: "Part-time",
  contract: "Contract",
  temporary: "Temporary",
  internship: "Internship",
  volunteer: "Volunteer",
  other: "Other",
};

export const EXCITEMENT_MIN = 1;
export const EXCITEMENT_MAX = 5;
export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 40;

/** Lowercase, separators folded to single spaces: "Full_Time" and "full-time" read the same. */
export function folded(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const WORKPLACE_WORDS: Record<string, WorkplaceType> = {
  onsite: "onsite",
  "on site": "onsite",
  office: "onsite",
  "in office": "onsite",
  "in person": "onsite",
  hybrid: "hybrid",
  remote: "remote",
  telecommute: "remote",
  "work from home": "remote",
  wfh: "remote",
  "fully remote": "remote",
  "remote first": "remote",
};

export function workplaceTypeFrom(text: string): WorkplaceType | undefined {
  return WORKPLACE_WORDS[folded(text)];
}

/** Tracker words and schema.org's employmentType values (FULL_TIME, CONTRACTOR, INTERN, PER_DIEM…). */
const JOB_TYPE_WORDS: Record<string, JobType> = {
  "full time": "full_time",
  fulltime: "full_time",
  ft: "full_time",
  permanent: "full_time",
  "part time": "part_time",
  parttime: "part_time",
  pt: "part_time",
  contract: "contract",
  contractor: "contract",
  c: "contract",
  freelance: "contract",
  freelancer: "contract",
  temporary: "temporary",
  temp: "temporary",
  "per diem": "temporary",
  seasonal: "temporary",
  internship: "internship",
  intern: "internship",
  volunteer: "volunteer",
  other: "other",
};

export function jobTypeFrom(text: string): JobType | undefined {
  return JOB_TYPE_WORDS[folded(text)];
}

export type SalaryRange = { min: number | null; max: number | null; currency: string | null };

const CURRENCY_SYMBOLS: Record<string, string> = { $: "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", "₣": "CHF" };
const PREFIXED_DOLLARS: Record<string, string> = { us$: "USD", c$: "CAD", ca$: "CAD", a$: "AUD", au$: "AUD", nz$: "NZD", hk$: "HKD", s$: "SGD" };
/** A salary amount: digits with thousands separators, an optional decimal part, and k or m. */
const AMOUNT = /(\d[\d,.\s']*\d|\d)\s*([km])?\b/gi;

/**
 * "$120,000 - $150,000", "120k–150k USD", "€60.000", "GBP 45000 per year" → a range in whole
 * units. Null when the text holds no amount. A single amount is both ends.
 */
export function salaryFrom(text: string): SalaryRange | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const amounts = [...trimmed.matchAll(AMOUNT)].map((m) => amountOf(m[1]!, m[2])).filter((n): n is number => n !== null && n > 0);
  if (amounts.length === 0) return null;
  const [first, second] = amounts;
  const min = first!;
  const max = second !== undefined && second >= min ? second : min;
  return { min, max, currency: currencyIn(trimmed) };
}

function amountOf(digits: string, suffix: string | undefined): number | null {
  let text = digits.replace(/[\s']/g, "");
  // "60.000" and "60,000" are thousands; "60.5" and "60,5" (with k) are decimals.
  const decimal = /[.,](\d{1,2})$/.exec(text);
  if (decimal) text = `${text.slice(0, decimal.index).replace(/[.,]/g, "")}.${decimal[1]}`;
  else text = text.replace(/[.,]/g, "");
  const value = Number(text);
  if (!Number.isFinite(value)) return null;
  const multiplier = suffix?.toLowerCase() === "k" ? 1_000 : suffix?.toLowerCase() === "m" ? 1_000_000 : 1;
  const whole = Math.round(value * multiplier);
  // Postgres integer; no salary comes close.
  return whole <= 2_000_000_000 ? whole : null;
}

function currencyIn(text: string): string | null {
  const code = /\b([A-Z]{3})\b/.exec(text.toUpperCase().replace(/[^A-Z\s]/g, " "));
  const lower = text.toLowerCase();
  for (const [prefix, currency] of Object.entries(PREFIXED_DOLLARS)) if (lower.includes(prefix)) return currency;
  for (const [symbol, currency] of Object.entries(CURRENCY_SYMBOLS)) if (text.includes(symbol)) return currency;
  if (code && isCurrencyCode(code[1]!)) return code[1]!;
  return null;
}

/** ISO 4217 as the runtime knows it; a three-letter word such as "PER" is not a currency. */
export function isCurrencyCode(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.("currency");
  return supported ? supported.includes(code) : true;
}

/** "remote, urgent; Design" → ["remote", "urgent", "Design"], distinct (case-insensitive), bounded. */
export function tagsFrom(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of text.split(/[,;|\n]/)) {
    const tag = raw.trim().replace(/\s+/g, " ").slice(0, MAX_TAG_LENGTH);
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    tags.push(tag);
    if (tags.length === MAX_TAGS) break;
  }
  return tags;
}

/** "4", "4/5", "★★★★", "4 stars" → 4; null when it is not 1–5. */
export function excitementFrom(text: string): number | null {
  const stars = [...text.trim()].filter((c) => c === "★" || c === "⭐").length;
  const number = stars > 0 ? stars : Number(/^\s*(\d+(?:\.\d+)?)/.exec(text)?.[1] ?? NaN);
  if (!Number.isFinite(number)) return null;
  const rounded = Math.round(number);
  return rounded >= EXCITEMENT_MIN && rounded <= EXCITEMENT_MAX ? rounded : null;
}

/** "$120,000–$150,000 USD" for display; "" when there is no salary. */
export function formatSalary(range: SalaryRange): string {
  const { min, max, currency } = range;
  if (min === null && max === null) return "";
  const amount = (n: number) => n.toLocaleString("en-US");
  const span = min !== null && max !== null && min !== max ? `${amount(min)}–${amount(max)}` : amount((min ?? max)!);
  return currency ? `${span} ${currency}` : span;
}
