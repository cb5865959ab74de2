import { APPLICATION_FIELDS, FIELD_LABELS, type ApplicationField, type ColumnMapping } from "./schemas";

/**
 * Proposing which CSV column holds which field, from the header names people actually use.
 * Matching is exact after normalising ("Job_Title", "job title", "JobTitle" are the same), never
 * by substring: "Company website" must not be read as the company. Aliases are in order of
 * preference, so "appliedDate" wins the applied date over a Yes/No "applied" column beside it.
 */

export const HEADER_ALIASES: Record<ApplicationField, readonly string[]> = {
  company: ["company", "company name", "employer", "organisation", "organization", "org"],
  roleTitle: ["role", "role title", "job title", "title", "position", "job position", "position title", "job"],
  status: ["status", "stage", "application status", "list", "list name", "column"],
  appliedOn: ["applied date", "date applied", "applied on", "application date", "applied at", "date", "applied"],
  savedOn: ["date saved", "saved date", "saved on", "saved", "created", "created at", "date added", "added"],
  jobUrl: ["url", "link", "job link", "job url", "posting", "job posting", "posting url", "listing url"],
  source: ["source", "job source", "found via", "found on", "where found", "lead source"],
  location: ["location", "locations", "city", "job location"],
  workplaceType: ["workplace type", "workplace", "remote", "work mode", "work model", "remote type"],
  jobType: ["job type", "employment type", "type", "contract type"],
  salary: ["salary", "compensation", "pay", "salary range"],
  salaryMin: ["min salary", "salary min", "minimum salary", "salary from", "min"],
  salaryMax: ["max salary", "salary max", "maximum salary", "salary to", "max"],
  salaryCurrency: ["currency", "salary currency"],
  deadlineOn: ["deadline", "application deadline", "closing date", "apply by"],
  excitement: ["excitement", "interest", "priority rating", "rating"],
  tags: ["tags", "tag", "labels", "keywords"],
  archived: ["archived", "archived at", "archived on"],
  notes: ["notes", "note", "comments", "comment"],
  postingSnapshot: ["description", "job description", "posting text", "posting snapshot"],
};

/** "Date_Applied (optional)" → "date applied"; "roleTitle" → "role title". */
export function normaliseHeader(header: string): string {
  return header
    .replace(/\([^)]*\)/g, " ")
    .replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * Each field takes the column named by its most preferred alias; a column serves one field, and
 * `pinned` (a preset's own names) goes first.
 */
export function proposeMapping(headers: readonly string[], pinned: Partial<Record<ApplicationField, readonly string[]>> = {}): ColumnMapping {
  const normalised = headers.map(normaliseHeader);
  const mapping: ColumnMapping = {};
  const used = new Set<number>();
  const claim = (field: ApplicationField, names: readonly string[]) => {
    if (mapping[field] !== undefined) return;
    for (const name of names) {
      const index = normalised.findIndex((header, i) => header === normaliseHeader(name) && !used.has(i));
      if (index >= 0) {
        mapping[field] = index;
        used.add(index);
        return;
      }
    }
  };
  for (const field of APPLICATION_FIELDS) claim(field, pinned[field] ?? []);
  for (const field of APPLICATION_FIELDS) claim(field, HEADER_ALIASES[field]);
  return mapping;
}

/** Why a mapping cannot be used, or null when it can. */
export function mappingProblem(mapping: ColumnMapping, columnCount: number): string | null {
  const used = new Set<number>();
  for (const field of APPLICATION_FIELDS) {
    const index = mapping[field];
    if (index === undefined) continue;
    if (!Number.isInteger(index) || index < 0 || index >= columnCount) {
      return `The mapping points ${FIELD_LABELS[field]} at column ${index + 1}, but the file has ${columnCount} columns.`;
    }
    if (used.has(index)) return `The mapping uses column ${index + 1} for more than one field.`;
    used.add(index);
  }
  return null;
}
