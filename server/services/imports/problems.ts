import { columnName, count, type ParsedRow } from "./applications-csv";
import { FIELD_LABELS, shorten, type ApplicationField, type ColumnMapping, type ProblemKind } from "./schemas";

/**
 * Row problems grouped by kind, so a file with the same mistake in 60 rows reads as one line with
 * a count and, where there is one, the fix the preview can apply ("treat N/A as empty").
 */

export type ProblemFix = { kind: "treatAsEmpty"; value: string } | { kind: "mapStatus"; value: string };

export type ProblemGroup = {
  kind: ProblemKind;
  field: ApplicationField;
  column: string | undefined;
  /** The cell value every row in the group shares, when the group is about one value. */
  value: string | null;
  count: number;
  /** The first few rows, for finding them in the file. */
  rows: number[];
  message: string;
  fix: ProblemFix | null;
};

const ROWS_LISTED = 5;
/** Kinds where the same cell value is the same mistake, so a group per value helps. */
const BY_VALUE = new Set<ProblemKind>(["bad_date", "unknown_status", "bad_value", "bad_url"]);

export function groupProblems(rows: readonly ParsedRow[], headers: readonly string[], mapping: ColumnMapping): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup & { seen: Set<number> }>();
  for (const { row, problems } of rows) {
    for (const problem of problems) {
      const value = BY_VALUE.has(problem.kind) ? problem.value : null;
      const key = `${problem.kind}\u0000${problem.field}\u0000${value ?? ""}`;
      let group = groups.get(key);
      if (!group) {
        group = {
          kind: problem.kind,
          field: problem.field,
          column: columnName(headers, mapping[problem.field]),
          value,
          count: 0,
          rows: [],
          message: problem.message,
          fix: fixFor(problem.kind, problem.value),
          seen: new Set(),
        };
        groups.set(key, group);
      }
      if (group.seen.has(row)) continue;
      group.seen.add(row);
      group.count++;
      if (group.rows.length < ROWS_LISTED) group.rows.push(row);
    }
  }
  return [...groups.values()]
    .map(({ seen: _seen, ...group }) => ({ ...group, message: groupMessage(group) }))
    .toSorted((a, b) => b.count - a.count);
}

function fixFor(kind: ProblemKind, value: string): ProblemFix | null {
  if (kind === "unknown_status") return { kind: "mapStatus", value };
  // A placeholder word where a date or a choice belongs is almost always the tracker's "empty".
  if ((kind === "bad_date" || kind === "bad_value" || kind === "bad_url") && value.length <= 20 && !/\d/.test(value)) {
    return { kind: "treatAsEmpty", value };
  }
  return null;
}

function groupMessage(group: Omit<ProblemGroup, "message"> & { message: string }): string {
  const rows = `${count(group.count)} row${group.count === 1 ? "" : "s"}`;
  const label = FIELD_LABELS[group.field];
  switch (group.kind) {
    case "missing":
      return `${rows}: ${label} is empty.`;
    case "too_long":
      return `${rows}: ${label} is too long. ${group.message}`;
    case "bad_date":
      return `${rows}: "${shorten(group.value ?? "")}" is not a date (${label}).${group.fix ? ` Treat "${shorten(group.value ?? "")}" as empty?` : " Check the date order or the cell."}`;
    case "unknown_status":
      return `${rows}: status "${shorten(group.value ?? "")}" is not one of ours. Choose what it means below.`;
    case "bad_url":
      return `${rows}: "${shorten(group.value ?? "")}" is not a web address (${label}).`;
    case "bad_value":
      return `${rows}: ${group.message}`;
    case "unreadable":
      return `${rows}: ${group.message}`;
  }
}
