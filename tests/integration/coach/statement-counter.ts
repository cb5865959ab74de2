import type { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import type { Sql } from "postgres";
import { schema, type Connection, type Database } from "../../../db";

/**
 * A second drizzle handle on the same connection whose logger counts every statement it sends
 * (tenant setup and the membership lookup included), for "constant statements per call" tests.
 */
export function countingDb(connection: Connection): { db: Database; count: () => number; reset: () => void } {
  let statements = 0;
  const logger = { logQuery: () => void statements++ };
  const client = (connection.db as unknown as { $client: unknown }).$client;
  const db =
    connection.mode === "server"
      ? (drizzlePostgres({ client: client as Sql, schema, logger }) as unknown as Database)
      : (drizzlePglite({ client: client as PGlite, schema, logger }) as unknown as Database);
  return { db, count: () => statements, reset: () => void (statements = 0) };
}
