import { z } from "zod";

/**
 * What PostgreSQL can store, checked before anything reaches it. The database refuses a NUL
 * character in text and a lone UTF-16 surrogate in jsonb, and timestamps outside its range; a
 * refusal there is a 500 that echoes the failed SQL. These rules answer a field error instead.
 *
 * They apply twice: the procedure chain walks every input (so no procedure can forget them, see
 * `findUnstorable`), and the date schemas below carry the same bounds so forms show the message.
 */

/** The years a date anywhere in the product may fall in. */
export const YEAR_RANGE = { min: 1900, max: 2199 } as const;
const EARLIEST = Date.UTC(YEAR_RANGE.min, 0, 1);
const LATEST = Date.UTC(YEAR_RANGE.max + 1, 0, 1);

/** Deeper inputs than this are refused outright: no form of ours nests beyond a handful of levels. */
export const MAX_INPUT_DEPTH = 12;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const TEXT_MESSAGES = {
  nul: "Remove the invisible control character (NUL) from this text.",
  surrogate: "This text contains a broken character; retype it.",
} as const;
export const dateMessage = `Choose a date between ${YEAR_RANGE.min} and ${YEAR_RANGE.max}.`;

/** Why this string cannot be stored, or null when it can. */
export function unstorableTextReason(value: string): string | null {
  if (value.includes("\u0000")) return TEXT_MESSAGES.nul;
  if (LONE_SURROGATE.test(value)) return TEXT_MESSAGES.surrogate;
  return null;
}

/** Whether the instant lies within the years the product accepts (an invalid Date does not). */
export function storableInstant(date: Date): boolean {
  const time = date.getTime();
  return Number.isFinite(time) && time >= EARLIEST && time < LATEST;
}

/** A moment in time (a due date, a last contact): a real date within `YEAR_RANGE`. */
export const ZInstant = (required = "Give a date.") =>
  z.date({ error: required }).refine(storableInstant, dateMessage);

export type UnstorableIssue = { path: Array<string | number>; message: string };

/**
 * Every string, date and nesting level of an input that cannot be stored, with its path. Walks
 * plain objects and arrays only; stops at the first issues it finds past a few (one is enough
 * to refuse the call).
 */
export function findUnstorable(input: unknown, limit = 5): UnstorableIssue[] {
  const issues: UnstorableIssue[] = [];
  const visit = (value: unknown, path: Array<string | number>) => {
    if (issues.length >= limit) return;
    if (typeof value === "string") {
      const reason = unstorableTextReason(value);
      if (reason) issues.push({ path, message: reason });
      return;
    }
    if (value instanceof Date) {
      if (!storableInstant(value)) issues.push({ path, message: dateMessage });
      return;
    }
    if (value === null || typeof value !== "object") return;
    if (path.length >= MAX_INPUT_DEPTH) {
      issues.push({ path, message: "This input is nested too deeply." });
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, [...path, index]));
      return;
    }
    for (const [key, item] of Object.entries(value)) {
      const keyReason = unstorableTextReason(key);
      if (keyReason) issues.push({ path: [...path, key], message: keyReason });
      visit(item, [...path, key]);
    }
  };
  visit(input, []);
  return issues;
}
