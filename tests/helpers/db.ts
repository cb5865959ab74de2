import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { afterAll, beforeAll, inject } from "vitest";
import { connectEmbedded, connectServer, type Connection, type Database, type PoolMode } from "../../db";
import { adminUrl, withDatabase } from "./database-url";
import type { TestDatabaseSource } from "./global-setup";

/** On a server: the URL the test's connection uses (maybe a pooler's) and the pool mode it needs. */
export type TestConnection = Connection & { url?: string; poolMode?: PoolMode };

/** A fresh, migrated database for one test file: a copy of the run's template. */
export async function createTestDatabase(): Promise<TestConnection> {
  const source = inject("testDatabase");
  if (source.mode === "embedded") {
    const dump = new Blob([await readFile(source.dumpPath)]);
    return connectEmbedded(new PGlite({ loadDataDir: dump }));
  }
  return createServerDatabase(source, source.template);
}

/** An empty database with no migrations applied, for tests of the migrations themselves. */
export async function createEmptyDatabase(): Promise<TestConnection> {
  const source = inject("testDatabase");
  if (source.mode === "embedded") return connectEmbedded(new PGlite());
  return createServerDatabase(source, null);
}

/**
 * A throwaway database on the server, named after the run's template so the global teardown can
 * drop any a crashed file left behind; dropped again when the connection closes.
 */
async function createServerDatabase(
  source: Extract<TestDatabaseSource, { mode: "server" }>,
  copyOf: string | null,
): Promise<TestConnection> {
  const { url, directUrl, poolMode } = source;
  const name = `ft_t_${source.template.slice(7)}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(adminUrl(directUrl), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(copyOf ? `create database "${name}" template "${copyOf}"` : `create database "${name}"`);
  } finally {
    await admin.end();
  }
  const connection = connectServer(withDatabase(url, name), { max: 4, poolMode });
  return {
    ...connection,
    url: withDatabase(url, name),
    poolMode,
    close: async () => {
      await connection.close();
      const cleanup = postgres(adminUrl(directUrl), { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists "${name}" with (force)`);
      await cleanup.end();
    },
  };
}

/** Registers a fresh database for the current test file and returns an accessor for it. */
export function useTestDatabase(): { readonly db: Database; readonly connection: TestConnection } {
  let connection: TestConnection | undefined;
  beforeAll(async () => {
    connection = await createTestDatabase();
  });
  afterAll(async () => {
    await connection?.close();
  });
  const ready = () => {
    if (!connection) throw new Error("The test database is only available inside tests and hooks.");
    return connection;
  };
  return {
    get db() {
      return ready().db;
    },
    get connection() {
      return ready();
    },
  };
}
