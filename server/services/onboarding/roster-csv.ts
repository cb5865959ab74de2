import Papa from "papaparse";
import { ZEmail } from "../org/schemas";
import { MAX_ROSTER_ROWS } from "./schemas";

/**
 * Reading a career centre's roster: one client a row, with a name, an email address, and
 * optionally a cohort (by name) and a coach (by email). Pure: checks that need the database
 * (members, invitations, coaches, cohorts) come after, in roster.ts.
 *
 * `line` is the row's line in a spreadsheet (the header is line 1), so an owner can find it.
 */

export type RosterField = "name" | "email" | "cohort" | "coachEmail";

export type RowProblemKind =
  | "missing_email"
  | "bad_email"
  | "bad_name"
  | "bad_cohort"
  | "duplicate_in_file"
  | "already_member"
  | "already_invited"
  | "unknown_coach"
  | "archived_cohort";

export type RowProblem = { kind: RowProblemKind; field: RosterField; message: string };

export type RosterRow = {
  line: number;
  name: string | null;
  /** As written, trimmed (shown back to the owner). */
  emailAsWritten: string;
  /** Lower-cased and checked; null when not a valid address. */
  email: string | null;
  cohort: string | null;
  coachEmail: string | null;
  problems: RowProblem[];
};

export type ReadRoster =
  | { ok: true; rows: RosterRow[]; columns: Partial<Record<RosterField, string>> }
  | { ok: false; message: string };

/** Usual header names, compared after lower-casing and collapsing anything but letters and digits. */
const HEADERS: Record<RosterField, readonly string[]> = {
  name: ["name", "full name", "client", "client name", "student", "student name", "participant", "participant name"],
  email: ["email", "e mail", "email address", "e mail address", "client email", "student email", "participant email", "mail"],
  cohort: ["cohort", "cohort name", "programme", "program", "group", "class", "intake"],
  coachEmail: ["coach email", "coach", "coach e mail", "advisor email", "adviser email", "advisor", "adviser", "counselor email", "counsellor email"],
};
const FIRST_NAME = ["first name", "given name", "firstname"];
const LAST_NAME = ["last name", "surname", "family name", "lastname"];

const normalise = (header: string) => header.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
const MAX_NAME = 120;
const MAX_COHORT = 80;

export function readRosterCsv(text: string): ReadRoster {
  const normalised = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const parsed = Papa.parse<string[]>(normalised, { header: false, skipEmptyLines: false, newline: "\n" });
  const records = parsed.data;
  const headerAt = records.findIndex((cells) => cells.some((cell) => cell.trim() !== ""));
  if (headerAt < 0) return { ok: false, message: "The file is empty." };
  const headers = records[headerAt]!.map(normalise);
  const find = (names: readonly string[]) => {
    const at = headers.findIndex((h) => names.includes(h));
    return at < 0 ? undefined : at;
  };
  const at: Partial<Record<RosterField, number>> = {};
  for (const field of Object.keys(HEADERS) as RosterField[]) {
    const index = find(HEADERS[field]);
    if (index !== undefined && !Object.values(at).includes(index)) at[field] = index;
  }
  const first = at.name === undefined ? find(FIRST_NAME) : undefined;
  const last = at.name === undefined ? find(LAST_NAME) : undefined;
  if (at.email === undefined) {
    return { ok: false, message: 'No email column found. The first row should name the columns, for example "Name, Email, Cohort, Coach email".' };
  }

  const rows: RosterRow[] = [];
  for (let index = headerAt + 1; index < records.length; index++) {
    const cells = records[index] ?? [];
    if (cells.every((cell) => cell.trim() === "")) continue;
    if (rows.length === MAX_ROSTER_ROWS) {
      return { ok: false, message: `The file has more than ${MAX_ROSTER_ROWS.toLocaleString("en")} clients. Split it into files of at most ${MAX_ROSTER_ROWS.toLocaleString("en")} rows.` };
    }
    const cell = (i: number | undefined) => (i === undefined ? "" : clean(cells[i]));
    const name = at.name !== undefined ? cell(at.name) : [cell(first), cell(last)].filter(Boolean).join(" ");
    const emailAsWritten = cell(at.email);
    const cohort = cell(at.cohort);
    const coach = cell(at.coachEmail);
    const problems: RowProblem[] = [];
    let email: string | null = null;
    if (!emailAsWritten) {
      problems.push({ kind: "missing_email", field: "email", message: "No email address." });
    } else {
      const checked = ZEmail.safeParse(emailAsWritten);
      if (checked.success) email = checked.data;
      else problems.push({ kind: "bad_email", field: "email", message: `"${emailAsWritten}" is not a valid email address.` });
    }
    if (name.length > MAX_NAME) problems.push({ kind: "bad_name", field: "name", message: `The name is longer than ${MAX_NAME} characters.` });
    if (cohort.length > MAX_COHORT) problems.push({ kind: "bad_cohort", field: "cohort", message: `The cohort name is longer than ${MAX_COHORT} characters.` });
    let coachEmail: string | null = null;
    if (coach) {
      const checked = ZEmail.safeParse(coach);
      if (checked.success) coachEmail = checked.data;
      else problems.push({ kind: "unknown_coach", field: "coachEmail", message: `"${coach}" is not a valid coach email address.` });
    }
    rows.push({ line: index + 1, name: name || null, emailAsWritten, email, cohort: cohort || null, coachEmail, problems });
  }
  if (rows.length === 0) return { ok: false, message: "The file has a header row but no clients." };

  const firstLine = new Map<string, number>();
  for (const row of rows) {
    if (!row.email) continue;
    const seen = firstLine.get(row.email);
    if (seen === undefined) firstLine.set(row.email, row.line);
    else row.problems.push({ kind: "duplicate_in_file", field: "email", message: `${row.email} is already on line ${seen}.` });
  }
  const columns: Partial<Record<RosterField, string>> = {};
  for (const [field, index] of Object.entries(at) as Array<[RosterField, number]>) columns[field] = records[headerAt]![index]!.trim();
  if (at.name === undefined && (first !== undefined || last !== undefined)) {
    columns.name = [first, last].filter((i) => i !== undefined).map((i) => records[headerAt]![i!]!.trim()).join(" + ");
  }
  return { ok: true, rows, columns };
}

/** Trimmed, invisible characters out, and the formula guard of our own exports undone. */
function clean(raw: string | undefined): string {
  if (!raw) return "";
  return raw
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, " ")
    .trim()
    .replace(/\s+/g, " ")
    .replace(/^'(?=[=+\-@])/, "");
}
