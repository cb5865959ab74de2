/**
 * A fresh database for a benchmark: embedded PGlite in memory when DATABASE_URL is unset, else a
 * new database on that server (created here, dropped by `dispose`), migrated either way. The
 * drizzle handle counts the statements it sends, for benchmarks that report statements per item.
 */
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { schema, type Database } from "../../db";
import { runMigrations } from "../../db/migrate";

export type BenchDatabase = {
  db: Database;
  /** Which database the numbers come from, for the committed output. */
  label: string;
  mode: "embedded" | "server";
  /** Statements sent through `db` so far. */
  statements: () => number;
  dispose: () => Promise<void>;
};

export async function openBenchDatabase(): Promise<BenchDatabase> {
  let statements = 0;
  const logger = { logQuery: () => void statements++ };
  const url = process.env.DATABASE_URL;
  if (!url) {
    const client = new PGlite();
    const db = drizzlePglite({ client, schema, logger }) as unknown as Database;
    await runMigrations({ db, mode: "embedded", close: async () => {} });
    return { db, label: "embedded PGlite (in memory, in this process)", mode: "embedded", statements: () => statements, dispose: () => client.close() };
  }
  const name = `ft_bench_${randomBytes(4).toString("hex")}`;
  const adminUrl = new URL(url);
  adminUrl.pathname = "/postgres";
  const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const [version] = await admin.unsafe<Array<{ server_version: string }>>("show server_version");
  const target = new URL(url);
  target.pathname = `/${name}`;
  const client = postgres(target.toString(), { max: 10, onnotice: () => {} });
  const db = drizzlePostgres({ client, schema, logger }) as unknown as Database;
  await runMigrations({ db, mode: "server", close: async () => {} });
  return {
    db,
    label: `PostgreSQL ${version!.server_version} on 127.0.0.1 (database ${name}, dropped afterwards)`,
    mode: "server",
    statements: () => statements,
    dispose: async () => {
      await client.end({ timeout: 5 });
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}
