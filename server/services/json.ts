import { sql, type SQL } from "drizzle-orm";

/** `[…]` of the rows of `query` (a SELECT with camelCase aliases), `[]` when it has none. */
export const jsonList = (query: SQL): SQL => sql`coalesce((select json_agg(x) from (${query}) x), '[]'::json)`;

/**
 * Timestamps inside json come back as ISO strings; turn every `…At` field back into a Date so the
 * API hands out the same types as the rest of the app. Date-only fields (`…On`) stay strings.
 */
export function reviveDates<T>(value: unknown): T {
  if (Array.isArray(value)) return value.map((item) => reviveDates(item)) as T;
  if (value && typeof value === "object" && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] = key.endsWith("At") && typeof inner === "string" ? new Date(inner) : reviveDates(inner);
    }
    return out as T;
  }
  return value as T;
}

/** A json value from either driver (postgres.js parses json, PGlite too, but be lenient). */
export const parseJson = <T>(value: unknown): T => reviveDates<T>(typeof value === "string" ? JSON.parse(value) : value);
