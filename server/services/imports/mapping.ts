import { APPLICATION_FIELDS, FIELD_LABELS, type ApplicationField, type ColumnMapping } from "./schemas";

/**
 * Proposing which CSV column holds which field, from the header names people actually use.
 * Matching is exact after normalising ("Job_Title", "job title", "JobTitle" are the same), never
 * by substring: "Company website" must not be read as the company.
 */

const HEADER_SYNONYMS: Record<ApplicationField, readonly string[]> = {
  company: ["company", "company name", "employer", "organisation", "organization", "org"],
  roleTitle: ["role", "role title", "title", "position", "position title", "job title", "job"],
  jobUrl: ["url", "link", "job link", "job url", "posting", "job posting", "posting url", "listing url"],
  source: ["source", "found via", "found on", "where found", "lead source"],
  status: ["status", "stage", "application status"],
  appliedOn: ["applied", "date applied", "applied on", "applied date", "application date", "date"],
  notes: ["notes", "note", "comments", "comment"],
};

const FIELD_BY_HEADER = new Map<string, ApplicationField>(
  APPLICATION_FIELDS.flatMap((field) => HEADER_SYNONYMS[field].map((name) => [name, field] as const)),
);

/** "Date_Applied (optional)" → "date applied"; "roleTitle" → "role title". */
export function normaliseHeader(header: string): string {
  return header
    .replace(/\([^)]*\)/g, " ")
    .replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The first column whose header names a field gets it; later duplicates are left unmapped. */
export function proposeMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  headers.forEach((header, index) => {
    const field = FIELD_BY_HEADER.get(normaliseHeader(header));
    if (field && mapping[field] === undefined) mapping[field] = index;
  });
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
