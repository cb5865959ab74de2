import Papa from "papaparse";

/**
 * CSV for exports: RFC 4180 (CRLF line ends; cells with a comma, quote or line break are quoted,
 * quotes doubled) and safe to open in a spreadsheet.
 *
 * Formula injection: a cell starting with = + - @ (or tab / carriage return, or the full-width
 * forms some Excel locales also evaluate) could run as a formula, so such text gets a leading
 * single quote. Numbers, booleans and dates are ours, not user text, and are written as they are,
 * so -5 stays a number. `parseApplicationsCsv` strips the quote again on import.
 */

export type CsvColumn<T> = { header: string; value: (row: T) => unknown } | (keyof T & string);

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function toCsv<T>(
  rows: readonly T[],
  columns: readonly CsvColumn<T>[],
  options: { bom?: boolean; header?: boolean } = {},
): string {
  const headers = columns.map((column) => (typeof column === "string" ? column : column.header));
  const data = rows.map((row) =>
    columns.map((column) => cellOf(typeof column === "string" ? row[column] : column.value(row))),
  );
  // `header: false` continues a file already started (a streamed export's later batches).
  const header = options.header ?? true;
  const config = { newline: "\r\n", escapeFormulae: FORMULA_START, quotes: false, header };
  if (!header && data.length === 0) return "";
  // Papa turns `data: []` into one empty record; with no rows, write the header line alone.
  const csv = data.length === 0 ? Papa.unparse([headers], config) : Papa.unparse({ fields: headers, data }, config);
  // Excel reads UTF-8 without a BOM as a legacy code page and garbles accents and emoji.
  return options.bom ? `\uFEFF${csv}` : csv;
}

type Cell = string | number | bigint | boolean | Date | null;

/** Papa writes strings, numbers, booleans and Dates (as ISO) itself; everything else becomes text here. */
function cellOf(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (["string", "number", "bigint", "boolean"].includes(typeof value) || value instanceof Date) return value as Cell;
  if (Array.isArray(value)) return value.map(textOf).join("; ");
  return JSON.stringify(value);
}

function textOf(value: unknown): string {
  const cell = cellOf(value);
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? "" : cell.toISOString();
  return cell === null ? "" : String(cell);
}
