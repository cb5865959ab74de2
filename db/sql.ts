import type { SQL } from "drizzle-orm";
import type { Executor } from "./index";

/** Rows of a raw query, whichever driver ran it. */
export async function rows<T>(db: Executor, query: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(query));
}

/** postgres.js answers an array, PGlite `{ rows }`. */
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

type DrizzleInternals = {
  dialect: { sqlToQuery(query: SQL): { sql: string; params: unknown[] } };
  session: { prepareQuery(query: { sql: string; params: unknown[] }, fields: undefined, name: string, arrayMode: false): { execute(): Promise<unknown> } };
};

/**
 * `rows`, run as a prepared statement on the server: a large read whose text never changes
 * (only its parameters) is planned once per connection instead of on every call, where planning
 * can cost more than running it. drizzle's `execute` never prepares; a named query does, so this
 * goes through the session the way drizzle's own `.prepare(name)` does. postgres.js keys the
 * statement by its text, and prepares nothing through a transaction pooler (see `connectServer`).
 */
export async function preparedRows<T>(db: Executor, name: string, query: SQL): Promise<T[]> {
  const { dialect, session } = db as unknown as DrizzleInternals;
  return rowsOf<T>(await session.prepareQuery(dialect.sqlToQuery(query), undefined, name, false).execute());
}

/** The Postgres error code behind a drizzle error (drizzle 0.45 wraps it in `.cause`). */
export function pgErrorCode(error: unknown): string | undefined {
  let current = error as { code?: unknown; cause?: unknown } | undefined;
  while (current) {
    if (typeof current.code === "string" && /^[0-9A-Z]{5}$/.test(current.code)) return current.code;
    current = current.cause as typeof current;
  }
  return undefined;
}
