import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export { schema };

/** One query API for both modes: postgres.js against a server, or the embedded PGlite. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction, or the database itself: whatever a query can run on. */
export type Executor = Parameters<Parameters<Database["transaction"]>[0]>[0] | Database;

export type Connection = { db: Database; mode: "server" | "embedded"; close: () => Promise<void> };

export const APP_ROLE = "followthrough_app";
export const DEFAULT_EMBEDDED_DIR = path.join(process.cwd(), ".data", "pglite");

/**
 * How the server connection reaches PostgreSQL. `session`: directly, or through a pooler in
 * session mode (one server connection per client connection). `transaction`: through a pooler
 * in transaction mode (PgBouncer, Neon's `-pooler` host, Supabase's port 6543), where each
 * transaction may run on another server connection, so named prepared statements (postgres.js
 * prepares by default) would be missing on the next one. Everything else the app does is already
 * transaction-local (`set_config(…, true)`, `pg_advisory_xact_lock`).
 */
export type PoolMode = "session" | "transaction";

export function poolModeFromEnv(source: Record<string, string | undefined> = process.env): PoolMode {
  return source.DATABASE_POOL_MODE === "transaction" ? "transaction" : "session";
}

/**
 * The URL for migrations and other administrative work: DATABASE_URL_UNPOOLED (a direct
 * connection; migrations take session-wide locks and run DDL a transaction pooler may split)
 * when set, else DATABASE_URL.
 */
export function directDatabaseUrl(source: Record<string, string | undefined> = process.env): string | undefined {
  return source.DATABASE_URL_UNPOOLED || source.DATABASE_URL || undefined;
}

export function connectServer(url: string, options: { max?: number; poolMode?: PoolMode } = {}): Connection {
  const client = postgres(url, {
    max: options.max ?? 10,
    prepare: (options.poolMode ?? "session") === "session",
    onnotice: () => {},
  });
  const db = drizzlePostgres({ client, schema }) as unknown as Database;
  return { db, mode: "server", close: () => client.end({ timeout: 5 }) };
}

export function connectEmbedded(pglite: PGlite): Connection {
  const db = drizzlePglite({ client: pglite, schema }) as unknown as Database;
  return { db, mode: "embedded", close: () => pglite.close() };
}

const cache = globalThis as unknown as { __followthroughConnection?: Connection };

/**
 * The process-wide connection: DATABASE_URL when set (in DATABASE_POOL_MODE), else the embedded
 * database persisted under `.data/pglite` (PGLITE_DIR overrides). Cached on globalThis so Next's
 * hot reload does not open a second handle on the same embedded data folder.
 */
export function getConnection(): Connection {
  if (!cache.__followthroughConnection) {
    const url = process.env.DATABASE_URL;
    cache.__followthroughConnection = url
      ? connectServer(url, { poolMode: poolModeFromEnv() })
      : connectEmbedded(openEmbedded(process.env.PGLITE_DIR || DEFAULT_EMBEDDED_DIR));
  }
  return cache.__followthroughConnection;
}

export const getDb = (): Database => getConnection().db;

/**
 * Closes the process-wide connection if one was opened (at shutdown, after the last request), once
 * the tenant transactions still open have finished (shutdown bounds the wait).
 */
export async function closeConnection(): Promise<void> {
  await tenantTransactionsSettled();
  const connection = cache.__followthroughConnection;
  delete cache.__followthroughConnection;
  await connection?.close();
}

/**
 * A connection of its own for migrations (and the seed run with them): DATABASE_URL_UNPOOLED or
 * DATABASE_URL, always in session mode, else the embedded database. Close it when done.
 */
export function openMigrationConnection(): Connection {
  const url = directDatabaseUrl();
  return url ? connectServer(url) : connectEmbedded(openEmbedded(process.env.PGLITE_DIR || DEFAULT_EMBEDDED_DIR));
}

/** PGlite creates its data folder but not the folders above it (a fresh clone has no `.data/`). */
function openEmbedded(dataDir: string): PGlite {
  if (!dataDir.includes("://")) mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  return new PGlite(dataDir);
}

/**
 * Runs `work` in a transaction scoped to one organisation: row-level security applies from the
 * first statement. Both settings are transaction-local (`set_config(…, true)`), so nothing leaks
 * into the next transaction on a pooled connection; switching to the application role matters
 * because superusers (the embedded database, CI) bypass RLS.
 *
 * JIT compilation is off in tenant transactions: a request's statements are short, but the coach
 * portal's upkeep statement (services/coach/metrics.ts) is estimated as costly, and compiling it
 * took seconds on every call while it ran in milliseconds.
 */
export async function withOrg<T>(db: Database, orgId: string, work: (tx: Executor) => Promise<T>): Promise<T> {
  openTenantTransactions += 1;
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(
        sql`select set_config('app.org_id', ${orgId}, true), set_config('role', ${APP_ROLE}, true), set_config('jit', 'off', true)`,
      );
      return work(tx);
    });
  } finally {
    openTenantTransactions -= 1;
    if (openTenantTransactions === 0) for (const settled of whenSettled.splice(0)) settled();
  }
}

let openTenantTransactions = 0;
const whenSettled: Array<() => void> = [];

/**
 * Resolves once no tenant transaction is open. Shutdown waits for it before closing the pool: Next
 * counts a request as finished when its connection closes, so a request whose client gave up may
 * still be inside a transaction, and closing the pool under it would fail its next statement.
 */
export function tenantTransactionsSettled(): Promise<void> {
  return openTenantTransactions === 0 ? Promise.resolve() : new Promise((resolve) => whenSettled.push(resolve));
}
