import Papa from "papaparse";
import { folded } from "../applications/values";
import { inferDateOrder, type DateOrder } from "./dates";
import { mappingProblem, normaliseHeader, proposeMapping } from "./mapping";
import { COMMON_EMPTY_VALUES, detectPreset, PRESETS, type Preset, type PresetId } from "./presets";
import {
  APPLICATION_FIELDS,
  FIELD_LABELS,
  readRow,
  REQUIRED_FIELDS,
  statusFromText,
  type ApplicationField,
  type CellProblem,
  type ColumnMapping,
  type ImportedRow,
  type RowValues,
  type StatusTarget,
} from "./schemas";

export { toCsv, type CsvColumn } from "./to-csv";
export type { ApplicationField, ColumnMapping } from "./schemas";
export type { DateOrder } from "./dates";

/**
 * Reading a user's CSV of applications into rows ready to insert, with everything the preview
 * needs to let them fix the file's quirks without editing it: the tracker it came from, the
 * mapping, what each source status becomes, which values mean empty, the date order.
 *
 * Row numbers: `row` is the 1-based position among the records after the header, counting blank
 * ones, so row N is spreadsheet row N + 1 (unless a cell spans lines). Row 0 means the file as a
 * whole.
 *
 * The caller caps the upload size (a few MB) before calling: this parses the whole text.
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

export type ParseOptions = {
  preset?: PresetId;
  mapping?: ColumnMapping;
  /** Overrides the order inferred from the file's unambiguous dates. */
  dateOrder?: DateOrder;
  /** Source status (as written) → what it becomes; overrides the preset's and the built-in words. */
  statusMap?: Record<string, StatusTarget>;
  /** Cell values that mean "nothing here" (compared case-insensitively). */
  emptyValues?: string[];
  /** Append "Header: value" lines from columns not mapped to a field to the notes. */
  unmappedToNotes?: boolean;
};

export type ParsedRow = {
  row: number;
  values: RowValues;
  application: ImportedRow | null;
  problems: CellProblem[];
};

export type StatusChoice = { value: string; count: number; target: StatusTarget | null };

export type ApplicationsCsvResult = {
  headers: string[];
  preset: PresetId;
  mapping: ColumnMapping;
  dateOrder: DateOrder;
  emptyValues: string[];
  unmappedToNotes: boolean;
  /** Headers of the columns that go to notes when `unmappedToNotes` is on. */
  unmappedColumns: string[];
  statuses: StatusChoice[];
  rows: ParsedRow[];
  /** Problems with the file as a whole (row 0) and rows the CSV reader could not read. */
  fileErrors: ImportError[];
  /** Rows with more cells than the header has columns: read, but worth a look. */
  extraCellRows: number[];
  total: number;
};

type DataRecord = { row: number; cells: string[] };

export function parseApplicationsCsv(text: string, options: ParseOptions = {}): ApplicationsCsvResult {
  if (text.includes("\uFFFD")) return emptyResult([{ row: 0, message: ENCODING_MESSAGE }]);
  const { records, parseErrors } = readRecords(text);
  const headerAt = records.findIndex((cells) => !isBlank(cells));
  if (headerAt < 0) return emptyResult([{ row: 0, message: "The file is empty." }]);

  const headers = (records[headerAt] ?? []).map((cell) => cleanCell(cell, false));
  const preset = options.preset ? PRESETS[options.preset] : detectPreset(headers);
  const mapping = options.mapping ?? proposeMapping(headers, preset.columns);
  const emptyValues = options.emptyValues ?? [...new Set([...preset.emptyValues, ...COMMON_EMPTY_VALUES])];
  const unmappedToNotes = options.unmappedToNotes ?? false;
  const unmapped = unmappedColumnIndexes(headers, mapping, preset);
  const { data, total } = dataRecords(records, headerAt);

  const empties = new Set(emptyValues.map((v) => v.trim().toLowerCase()));
  const notesFrom = unmappedToNotes ? unmapped : [];
  const values = data.map((record) => ({ row: record.row, values: mappedValues(record.cells, mapping, preset, empties, headers, notesFrom) }));
  const dateOrder =
    options.dateOrder ??
    preset.dateOrder ??
    inferDateOrder(
      values.flatMap((v) => [v.values.appliedOn, v.values.savedOn, v.values.deadlineOn]),
      DEFAULT_DATE_ORDER,
    );
  const statusMap = new Map<string, StatusTarget>(
    [...Object.entries(preset.statuses), ...Object.entries(options.statusMap ?? {})].map(([k, v]) => [folded(k), v]),
  );
  const base = {
    headers,
    preset: preset.id,
    mapping,
    dateOrder,
    emptyValues,
    unmappedToNotes,
    unmappedColumns: unmapped.map((i) => columnName(headers, i)!),
    statuses: statusChoices(values.map((v) => v.values.status), statusMap),
    total,
  };

  const fileErrors = fileLevelErrors(mapping, options.mapping !== undefined, headers, total);
  if (fileErrors.length > 0) return { ...base, rows: [], fileErrors, extraCellRows: [] };

  const rows = values.map(({ row, values: rowValues }) => {
    const { row: application, problems } = readRow(rowValues, { dateOrder, statusMap });
    return { row, values: rowValues, application, problems };
  });
  const extraCellRows = data.filter((record) => record.cells.slice(headers.length).some((c) => c.trim() !== "")).map((r) => r.row);
  return {
    ...base,
    rows,
    fileErrors: parseErrors.map((e) => ({ ...e, row: e.row - headerAt })),
    extraCellRows,
  };
}

export const ENCODING_MESSAGE =
  "This file is not UTF-8 text: it looks like Windows-1252 (\"ANSI\"), which older Excel versions save. " +
  'Choose the file again (we convert it when we read it), or save it from your spreadsheet as "CSV UTF-8".';

// --- Reading ------------------------------------------------------------------------------------

type RecordError = { row: number; message: string };

function readRecords(text: string): { records: string[][]; parseErrors: RecordError[] } {
  // One newline style before parsing: a file mixing CRLF, LF and old Mac CR would otherwise confuse
  // the newline detection. A leading BOM (Excel's UTF-8 export) would stick to the first header.
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
const MULTILINE_FIELDS = new Set<ApplicationField>(["notes", "postingSnapshot"]);

function cleanCell(raw: string | undefined, multiline: boolean): string {
  if (!raw) return "";
  // Most cells are printable ASCII: skip the Unicode scans for them (5,000 rows × many cells add up).
  const printable = /^[\x20-\x7e]*$/.test(raw);
  const text = (printable ? raw : stripInvisible(raw)).trim().replace(ESCAPED_FORMULA, "");
  if (multiline) return text;
  return text.replace(printable ? / {2,}/g : /\s+/g, " ");
}

/** Unpaired surrogates and control characters other than tab and newline. */
function stripInvisible(text: string): string {
  return text.replace(/\p{Cs}/gu, "").replace(/[\p{Cc}]/gu, (c) => (c === "\n" || c === "\t" ? c : ""));
}

function mappedValues(
  cells: readonly string[],
  mapping: ColumnMapping,
  preset: Preset,
  empties: ReadonlySet<string>,
  headers: readonly string[],
  notesFrom: readonly number[],
): RowValues {
  const cell = (index: number | undefined, multiline: boolean) => {
    if (index === undefined) return "";
    const text = cleanCell(cells[index], multiline);
    return empties.has(text.toLowerCase()) ? "" : text;
  };
  const values = Object.fromEntries(
    APPLICATION_FIELDS.map((field) => [field, cell(mapping[field], MULTILINE_FIELDS.has(field)) || (mapping[field] === undefined ? (preset.constants?.[field] ?? "") : "")]),
  ) as RowValues;
  const extra = notesFrom.map((index) => [columnName(headers, index), cell(index, true)] as const).filter(([, value]) => value !== "");
  if (extra.length > 0) values.notes = [values.notes, ...extra.map(([header, value]) => `${header}: ${value}`)].filter(Boolean).join("\n");
  return values;
}

/** Columns no field uses, minus those the preset knows carry nothing (JobSync's row index). */
function unmappedColumnIndexes(headers: readonly string[], mapping: ColumnMapping, preset: Preset): number[] {
  const used = new Set(Object.values(mapping));
  const ignored = new Set(preset.ignore);
  return headers.flatMap((header, index) => (used.has(index) || header === "" || ignored.has(normaliseHeader(header)) ? [] : [index]));
}

function statusChoices(values: readonly string[], statusMap: ReadonlyMap<string, StatusTarget>): StatusChoice[] {
  const byKey = new Map<string, StatusChoice>();
  for (const value of values) {
    if (value === "") continue;
    const key = folded(value);
    const known = byKey.get(key);
    if (known) known.count++;
    else byKey.set(key, { value, count: 1, target: statusMap.get(key) ?? statusFromText(value) ?? null });
  }
  return [...byKey.values()];
}

// --- Problems with the whole file ---------------------------------------------------------------

function fileLevelErrors(mapping: ColumnMapping, mappingGiven: boolean, headers: string[], total: number): ImportError[] {
  const problem = mappingGiven ? mappingProblem(mapping, headers.length) : null;
  if (problem) return [{ row: 0, message: problem }];
  const missing = REQUIRED_FIELDS.filter((field) => mapping[field] === undefined).map((field) => ({
    row: 0,
    field,
    message: `No column is mapped to ${FIELD_LABELS[field]}. ${REQUIRED_HINTS[field]}`,
  }));
  if (missing.length > 0) return missing;
  if (total === 0) return [{ row: 0, message: "The file has a header row but no data rows." }];
  if (total > MAX_DATA_ROWS) {
    return [
      {
        row: 0,
        message: `This file has ${count(total)} data rows, more than the limit of ${count(MAX_DATA_ROWS)}. Split it into files of at most ${count(MAX_DATA_ROWS)} rows and import each one.`,
      },
    ];
  }
  return [];
}

const REQUIRED_HINTS: Record<(typeof REQUIRED_FIELDS)[number], string> = {
  company: 'Name a column "Company" (or "Employer", "Organisation"), or choose it in the mapping.',
  roleTitle: 'Name a column "Role" (or "Job title", "Position"), or choose it in the mapping.',
};

/** "5,000" */
export function count(n: number): string {
  return n.toLocaleString("en-GB");
}

export function columnName(headers: readonly string[], index: number | undefined): string | undefined {
  if (index === undefined) return undefined;
  return headers[index] || `Column ${index + 1}`;
}

function emptyResult(fileErrors: ImportError[]): ApplicationsCsvResult {
  return {
    headers: [],
    preset: "generic",
    mapping: {},
    dateOrder: DEFAULT_DATE_ORDER,
    emptyValues: [],
    unmappedToNotes: false,
    unmappedColumns: [],
    statuses: [],
    rows: [],
    fileErrors,
    extraCellRows: [],
    total: 0,
  };
}
