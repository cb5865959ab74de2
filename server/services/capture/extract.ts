import { jobTypeFrom, salaryFrom, workplaceTypeFrom, type JobType, type WorkplaceType } from "../applications/values";

/**
 * Reading a job posting out of a page: schema.org `JobPosting` as JSON-LD or microdata first (job
 * boards publish it for Google for Jobs), Open Graph and the page title as the fallback. Pure and
 * free of DOM and Node APIs, so the same code reads what the bookmarklet collects in the browser
 * and what the server fetched.
 */

/** A microdata item: its type and its properties, each a text value or a nested item. */
export type MicrodataItem = { type: string; properties: Record<string, Array<string | MicrodataItem>> };

/** What a page offers, collected from its DOM (by the bookmarklet) or its HTML (by the server). */
export type PageData = {
  url: string;
  title: string;
  /** The text of each `<script type="application/ld+json">`. */
  jsonLd: string[];
  /** `<meta property|name=… content=…>`, keys lowercased ("og:title", "description"). */
  meta: Record<string, string>;
  microdata: MicrodataItem[];
};

export type CapturedPosting = {
  roleTitle: string;
  companyName: string;
  location: string;
  workplaceType: WorkplaceType | null;
  jobType: JobType | null;
  salaryMin: number | null;
  salaryMax: number | null;
  salaryCurrency: string | null;
  datePosted: string | null;
  deadlineOn: string | null;
  jobUrl: string;
  /** The posting's text, kept as a snapshot on the application. */
  description: string;
  /** Where the posting was read from, for the form's notice. */
  foundIn: "json-ld" | "microdata" | "open-graph" | "text";
};

/** Bounds what one capture carries into a form. */
const MAX_DESCRIPTION = 100_000;
const MAX_FIELD = 200;

export function extractPosting(page: PageData): CapturedPosting {
  const fromJsonLd = page.jsonLd.flatMap(parseJson).flatMap(jobPostingsIn)[0];
  if (fromJsonLd) return { ...fromSchemaOrg(fromJsonLd, page), foundIn: "json-ld" };
  const fromMicrodata = page.microdata.flatMap(microdataPostings)[0];
  if (fromMicrodata) return { ...fromSchemaOrg(microdataToObject(fromMicrodata), page), foundIn: "microdata" };
  return fromOpenGraph(page);
}

// --- JSON-LD ---------------------------------------------------------------------------------------

type Json = Record<string, unknown>;

function parseJson(text: string): unknown[] {
  try {
    return [JSON.parse(text.trim().replace(/^<!--|-->$/g, ""))];
  } catch {
    return [];
  }
}

/** JobPosting objects anywhere in a JSON-LD value: top level, in arrays, or in an `@graph`. */
function jobPostingsIn(value: unknown, depth = 0): Json[] {
  if (depth > 5 || value === null || typeof value !== "object") return [];
  if (Array.isArray(value)) return value.flatMap((v) => jobPostingsIn(v, depth + 1));
  const object = value as Json;
  if (typesOf(object["@type"]).includes("jobposting")) return [object];
  return jobPostingsIn(object["@graph"], depth + 1);
}

function typesOf(type: unknown): string[] {
  const list = Array.isArray(type) ? type : [type];
  return list.filter((t): t is string => typeof t === "string").map((t) => t.replace(/^https?:\/\/schema\.org\//i, "").toLowerCase());
}

function fromSchemaOrg(posting: Json, page: PageData): Omit<CapturedPosting, "foundIn"> {
  const salary = salaryOf(posting.baseSalary ?? posting.estimatedSalary, text(posting.salaryCurrency));
  const employment = listOf(posting.employmentType).map((t) => jobTypeFrom(text(t))).find(Boolean) ?? null;
  const remote = text(posting.jobLocationType).toUpperCase() === "TELECOMMUTE";
  return {
    roleTitle: clip(text(posting.title) || text(posting.name) || pageTitle(page), MAX_FIELD),
    companyName: clip(nameOf(posting.hiringOrganization) || page.meta["og:site_name"] || "", MAX_FIELD),
    location: clip(locationOf(posting.jobLocation) || (remote ? "Remote" : ""), MAX_FIELD),
    workplaceType: remote ? "remote" : workplaceTypeFrom(text(posting.workplaceType ?? posting.jobLocationType)) ?? null,
    jobType: employment,
    salaryMin: salary?.min ?? null,
    salaryMax: salary?.max ?? null,
    salaryCurrency: salary?.currency ?? null,
    datePosted: day(text(posting.datePosted)),
    deadlineOn: day(text(posting.validThrough)),
    jobUrl: canonicalUrl(text(posting.url), page),
    description: clip(htmlToText(text(posting.description)), MAX_DESCRIPTION),
  };
}

function salaryOf(value: unknown, fallbackCurrency: string) {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number") {
    const range = salaryFrom(String(value));
    return range ? { ...range, currency: range.currency ?? (fallbackCurrency || null) } : null;
  }
  const amount = value as Json;
  const currency = text(amount.currency) || fallbackCurrency || null;
  const inner = (amount.value ?? amount) as Json | string | number;
  if (typeof inner !== "object") {
    const range = salaryFrom(String(inner));
    return range ? { ...range, currency: currency ?? range.currency } : null;
  }
  const number = (v: unknown) => {
    const n = typeof v === "number" ? v : Number(text(v).replace(/[^\d.]/g, ""));
    return Number.isFinite(n) && n > 0 ? Math.round(n) : null;
  };
  const single = number(inner.value);
  const min = number(inner.minValue) ?? single;
  const max = number(inner.maxValue) ?? single ?? min;
  if (min === null && max === null) return null;
  return { min, max: max !== null && min !== null && max < min ? min : max, currency: currency ?? (text(inner.currency) || null) };
}

function nameOf(value: unknown): string {
  const first = listOf(value)[0];
  if (typeof first === "string") return first.trim();
  return first && typeof first === "object" ? text((first as Json).name) : "";
}

/** "Berlin, BE, DE" from a Place's PostalAddress; several places joined with " / ". */
function locationOf(value: unknown): string {
  const places = listOf(value).map((place) => {
    if (typeof place === "string") return place.trim();
    if (!place || typeof place !== "object") return "";
    const address = (place as Json).address;
    if (typeof address === "string") return address.trim();
    if (!address || typeof address !== "object") return text((place as Json).name);
    const a = address as Json;
    const country = a.addressCountry && typeof a.addressCountry === "object" ? text((a.addressCountry as Json).name) : text(a.addressCountry);
    return [text(a.addressLocality), text(a.addressRegion), country].filter(Boolean).join(", ");
  });
  return [...new Set(places.filter(Boolean))].join(" / ");
}

// --- Microdata -------------------------------------------------------------------------------------

function microdataPostings(item: MicrodataItem): MicrodataItem[] {
  if (typesOf(item.type).includes("jobposting")) return [item];
  return Object.values(item.properties)
    .flat()
    .filter((v): v is MicrodataItem => typeof v === "object")
    .flatMap(microdataPostings);
}

/** A microdata item as the JSON-LD object it describes, so one reader serves both. */
function microdataToObject(item: MicrodataItem): Json {
  const object: Json = { "@type": item.type };
  for (const [name, values] of Object.entries(item.properties)) {
    const converted = values.map((v) => (typeof v === "string" ? v : microdataToObject(v)));
    object[name] = converted.length === 1 ? converted[0] : converted;
  }
  return object;
}

// --- Open Graph and the page title -----------------------------------------------------------------

function fromOpenGraph(page: PageData): CapturedPosting {
  const title = page.meta["og:title"] || page.meta["twitter:title"] || pageTitle(page);
  // "Senior Engineer at Acme" / "Senior Engineer - Acme | Board" are how boards title postings.
  const [, role, company] = /^(.+?)\s+(?:at|@|[-–—|])\s+(.+?)(?:\s+[-–—|].*)?$/.exec(title) ?? [];
  return {
    roleTitle: clip(role ?? title, MAX_FIELD),
    companyName: clip(company ?? page.meta["og:site_name"] ?? "", MAX_FIELD),
    location: "",
    workplaceType: null,
    jobType: null,
    salaryMin: null,
    salaryMax: null,
    salaryCurrency: null,
    datePosted: null,
    deadlineOn: null,
    jobUrl: canonicalUrl(page.meta["og:url"] ?? "", page),
    description: clip(page.meta["og:description"] || page.meta.description || "", MAX_DESCRIPTION),
    foundIn: "open-graph",
  };
}

function pageTitle(page: PageData): string {
  return page.title.replace(/\s+/g, " ").trim();
}

// --- Small readers ---------------------------------------------------------------------------------

function listOf(value: unknown): unknown[] {
  if (value === null || value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function text(value: unknown): string {
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return text(value[0]);
  return "";
}

function clip(value: string, max: number): string {
  return value.length > max ? value.slice(0, max).trimEnd() : value;
}

/** The calendar day of an ISO date or date-time ("2026-04-30T23:59:59Z" → "2026-04-30"). */
function day(value: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})/.exec(value);
  return match ? match[1]! : null;
}

/** The posting's own address when it names one (absolute, http(s)), else the page's. */
function canonicalUrl(candidate: string, page: PageData): string {
  for (const value of [candidate, page.url]) {
    if (!value || !URL.canParse(value, page.url)) continue;
    const url = new URL(value, page.url);
    if (url.protocol === "https:" || url.protocol === "http:") return url.href;
  }
  return "";
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", ndash: "–", mdash: "—", hellip: "…", rsquo: "’", lsquo: "‘", rdquo: "”", ldquo: "“", bull: "•", euro: "€", pound: "£" };

/**
 * A posting description (HTML, often entity-escaped twice) as plain text with its paragraphs and
 * list items on their own lines. Text only: nothing of it is ever rendered as HTML.
 */
export function htmlToText(html: string): string {
  let value = html;
  // Descriptions in JSON-LD are often HTML escaped once more ("&lt;p&gt;").
  if (!/<[a-z]/i.test(value) && /&lt;[a-z]/i.test(value)) value = decodeEntities(value);
  return decodeEntities(
    value
      .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, "")
      .replace(/<br\s*\/?>/gi, "\n")
      .replace(/<li[^>]*>/gi, "\n• ")
      .replace(/<\/(p|div|h[1-6]|ul|ol|tr|section)>/gi, "\n")
      .replace(/<[^>]+>/g, ""),
  )
    .replace(/[ \t\u00a0]+/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === "#") {
      const point = code[1]?.toLowerCase() === "x" ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : "";
    }
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

/**
 * The last resort: a posting pasted as text. The first line is usually the title; "Company:",
 * "Location:" and "Salary:" lines are read when present, and the whole text is the snapshot.
 */
export function extractFromText(input: string, url = ""): CapturedPosting {
  const textValue = input.replace(/\r\n?/g, "\n").trim();
  const lines = textValue.split("\n").map((l) => l.trim()).filter(Boolean);
  const labelled = (...labels: string[]) => {
    for (const line of lines) {
      const match = new RegExp(`^(?:${labels.join("|")})\\s*[:\\-–]\\s*(.+)$`, "i").exec(line);
      if (match) return match[1]!.trim();
    }
    return "";
  };
  const first = lines[0] ?? "";
  const [, role, company] = /^(.+?)\s+(?:at|@|[-–—|])\s+(.+)$/.exec(first) ?? [];
  const salaryLine = labelled("salary", "compensation", "pay", "salary range") || (lines.find((l) => /[$€£]\s?\d/.test(l)) ?? "");
  const salary = salaryLine ? salaryFrom(salaryLine) : null;
  const typeLine = labelled("job type", "employment type", "type");
  const workplaceLine = labelled("workplace", "workplace type", "remote");
  return {
    roleTitle: clip(labelled("job title", "title", "role", "position") || role || first, MAX_FIELD),
    companyName: clip(labelled("company", "employer", "organisation", "organization") || company || "", MAX_FIELD),
    location: clip(labelled("location", "based in", "office"), MAX_FIELD),
    workplaceType: workplaceTypeFrom(workplaceLine) ?? (/\b(fully )?remote\b/i.test(textValue.slice(0, 2000)) ? "remote" : null),
    jobType: jobTypeFrom(typeLine) ?? null,
    salaryMin: salary?.min ?? null,
    salaryMax: salary?.max ?? null,
    salaryCurrency: salary?.currency ?? null,
    datePosted: null,
    deadlineOn: null,
    jobUrl: url,
    description: clip(textValue, MAX_DESCRIPTION),
    foundIn: "text",
  };
}
