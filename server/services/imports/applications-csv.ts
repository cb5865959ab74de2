import Papa from "papaparse";
import { inferDateOrder, type DateOrder } from "./dates";
import { mappingProblem, proposeMapping } from "./mapping";
import {
  APPLICATION_FIELDS,
  FIELD_LABELS,
  importedRowSchema,
  type ApplicationField,
  type ColumnMapping,
  type ImportedRow,
} from "./schemas";

export { toCsv, type CsvColumn } from "./to-csv";
export type { ApplicationField, ColumnMapping } from "./schemas";
export type { DateOrder } from "./dates";

/**
 * Reading a user's CSV of applications into rows ready to insert, with a preview and an error
 * per problem, so the UI can show what will be imported before anything is written.
 *
 * Row numbers: `row` is the 1-based position among the records after the header, counting blank
 * ones, so row N is spreadsheet row N + 1 (unless a cell spans lines). Row 0 means the file as a
 * whole (no header, a bad mapping, too many rows).
 *
 * The caller should cap the upload size (a few MB) before calling: this parses the whole text.
 */

export const MAX_DATA_ROWS = 5000;
export const PREVIEW_ROWS = 10;
/** Day/month or month/day when the file itself does not say. */
export const DEFAULT_DATE_ORDER: DateOrder = "DMY";

export type ImportError = {
  /** 1-based data row; 0 for the whole file. */
  row: number;
  /** The column's header as written in the file ("Column 3" when blank). */
  column?: string;
  field?: ApplicationField;
  message: string;
};

export type ValidRow = ImportedRow & { row: number };

/** A data row as mapped, before validation: what the user should check the mapping against. */
export type PreviewRow = { row: number; values: Record<ApplicationField, string> };

export type ApplicationsCsvResult = {
  headers: string[];
  mapping: ColumnMapping;
  /** How numeric dates such as 03/04/2026 were read. */
  dateOrder: DateOrder;
  rows: ValidRow[];
  errors: ImportError[];
  preview: PreviewRow[];
};

export type ParseApplicationsCsvOptions = {
  /** Overrides the order inferred from the file's unambiguous dates. */
  dateOrder?: DateOrder;
};

const REQUIRED_FIELDS = ["company", "roleTitle"] as const satisfies readonly ApplicationField[];
const MULTILINE_FIELDS = new Set<ApplicationField>(["notes"]);

type DataRecord = { row: number; cells: string[] };

export function parseApplicationsCsv(
  text: string,
  mapping?: ColumnMapping,
  options: ParseApplicationsCsvOptions = {},
): ApplicationsCsvResult {
  const { records, parseErrors } = readRecords(text);
  const headerAt = records.findIndex((cells) => !isBlank(cells));
  if (headerAt < 0) return emptyResult([{ row: 0, message: "The file is empty." }]);

  const headers = (records[headerAt] ?? []).map((cell) => cleanCell(cell, false));
  const chosen = mapping ?? proposeMapping(headers);
  const { data, total } = dataRecords(records, headerAt);
  const values = data.map((record) => ({ row: record.row, values: mappedValues(record.cells, chosen) }));
  const dateOrder =
    options.dateOrder ??
    inferDateOrder(
      values.map((v) => v.values.appliedOn),
      DEFAULT_DATE_ORDER,
    );
  const preview = values.slice(0, PREVIEW_ROWS);
  const result = { headers, mapping: chosen, dateOrder, preview };

  const fileErrors = fileLevelErrors(chosen, mapping !== undefined, headers, total);
  if (fileErrors.length > 0) return { ...result, rows: [], errors: fileErrors };

  const rows: ValidRow[] = [];
  const errors: ImportError[] = parseErrors.map((e) => ({ ...e, row: e.row - headerAt }));
  const schema = importedRowSchema(dateOrder);
  for (const { row, values: rowValues } of values) {
    const parsed = schema.safeParse(rowValues);
    if (parsed.success) {
      rows.push({ row, ...parsed.data });
      continue;
    }
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as ApplicationField;
      errors.push({ row, field, column: columnName(headers, chosen[field]), message: issue.message });
    }
  }
  if (total > MAX_DATA_ROWS) errors.push(tooManyRows(total));
  return { ...result, rows, errors: errors.toSorted((a, b) => a.row - b.row) };
}

// --- Reading ------------------------------------------------------------------------------------

type RecordError = { row: number; message: string };

function readRecords(text: string): { records: string[][]; parseErrors: RecordError[] } {
  // One newline style before parsing: a file mixing CRLF and LF would otherwise confuse the
  // newline detection. A leading BOM (Excel's UTF-8 export) would stick to the first header.
  const normalised = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const parsed = Papa.parse<string[]>(normalised, { header: false, skipEmptyLines: false, newline: "\n" });
  const parseErrors = parsed.errors
    // A one-column file has no delimiter to detect; that is not a problem with the data.
    .filter((e) => e.code !== "UndetectableDelimiter" && e.row !== undefined)
    .map((e) => ({ row: e.row ?? 0, message: describeParseError(e) }));
  return { records: parsed.data, parseErrors };
}

function describeParseError(error: Papa.ParseError): string {
  if (error.type === "Quotes") {
    return 'A quoted cell is not closed properly: check this row for a stray double quote (").';
  }
  return `This row could not be read: ${error.message}.`;
}

/** Non-blank records after the header, with their row numbers; stops collecting at the limit. */
function dataRecords(records: string[][], headerAt: number): { data: DataRecord[]; total: number } {
  const data: DataRecord[] = [];
  let total = 0;
  for (let index = headerAt + 1; index < records.length; index++) {
    const cells = records[index] ?? [];
    if (isBlank(cells)) continue;
    total++;
    if (total <= MAX_DATA_ROWS) data.push({ row: index - headerAt, cells });
  }
  return { data, total };
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === "");
}

/** What we guard against in exports, undone on import, so an exported file imports unchanged. */
const ESCAPED_FORMULA = /^'(?=[=+\-@\t\r])/;

function cleanCell(raw: string | undefined, multiline: boolean): string {
  if (!raw) return "";
  // Most cells are printable ASCII: skip the Unicode scans for them (5,000 rows × 7 cells add up).
  const printable = /^[\x20-\x7e]*$/.test(raw);
  const text = (printable ? raw : stripInvisible(raw)).trim().replace(ESCAPED_FORMULA, "");
  if (multiline) return text;
  return text.replace(printable ? / {2,}/g : /\s+/g, " ");
}

/** Unpaired surrogates and control characters other than tab and newline. */
function stripInvisible(text: string): string {
  return text.replace(/\p{Cs}/gu, "").replace(/[\p{Cc}]/gu, (c) => (c === "\n" || c === "\t" ? c : ""));
}

function mappedValues(cells: readonly string[], mapping: ColumnMapping): Record<ApplicationField, string> {
  const entries = APPLICATION_FIELDS.map((field) => {
    const index = mapping[field];
    return [field, index === undefined ? "" : cleanCell(cells[index], MULTILINE_FIELDS.has(field))] as const;
  });
  return Object.fromEntries(entries) as Record<ApplicationField, string>;
}

// --- Problems with the whole file ---------------------------------------------------------------

function fileLevelErrors(
  mapping: ColumnMapping,
  mappingGiven: boolean,
  headers: string[],
  total: number,
): ImportError[] {
  const problem = mappingGiven ? mappingProblem(mapping, headers.length) : null;
  if (problem) return [{ row: 0, message: problem }];
  const missing = REQUIRED_FIELDS.filter((field) => mapping[field] === undefined).map((field) => ({
    row: 0,
    field,
    message: `No column is mapped to ${FIELD_LABELS[field]}. ${REQUIRED_HINTS[field]}`,
  }));
  if (missing.length > 0) return missing;
  if (total === 0) return [{ row: 0, message: "The file has a header row but no data rows." }];
  return [];
}

const REQUIRED_HINTS: Record<(typeof REQUIRED_FIELDS)[number], string> = {
  company: 'Name a column "Company" (or "Employer", "Organisation"), or choose it in the mapping.',
  roleTitle: 'Name a column "Role" (or "Job title", "Position"), or choose it in the mapping.',
};

function tooManyRows(total: number): ImportError {
  return {
    row: MAX_DATA_ROWS + 1,
    message:
      `This file has ${count(total)} data rows, more than the limit of ${count(MAX_DATA_ROWS)}. ` +
      `Only the first ${count(MAX_DATA_ROWS)} were read; import the rest as a separate file.`,
  };
}

/** "5,000" */
function count(n: number): string {
  return n.toLocaleString("en-GB");
}

function columnName(headers: readonly string[], index: number | undefined): string | undefined {
  if (index === undefined) return undefined;
  return headers[index] || `Column ${index + 1}`;
}

function emptyResult(errors: ImportError[]): ApplicationsCsvResult {
  return { headers: [], mapping: {}, dateOrder: DEFAULT_DATE_ORDER, rows: [], errors, preview: [] };
}
