import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { afterAll, beforeAll, inject } from "vitest";
import { connectEmbedded, connectServer, type Connection, type Database } from "../../db";
import { adminUrl, withDatabase } from "./database-url";

/** A fresh, migrated database for one test file: a copy of the run's template. */
export async function createTestDatabase(): Promise<Connection & { url?: string }> {
  const source = inject("testDatabase");
  if (source.mode === "embedded") {
    const dump = new Blob([await readFile(source.dumpPath)]);
    return connectEmbedded(new PGlite({ loadDataDir: dump }));
  }
  const name = `ft_t_${source.template.slice(7)}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(adminUrl(source.url), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}" template "${source.template}"`);
  } finally {
    await admin.end();
  }
  const connection = connectServer(withDatabase(source.url, name), { max: 4 });
  return {
    ...connection,
    url: withDatabase(source.url, name),
    close: async () => {
      await connection.close();
      const cleanup = postgres(adminUrl(source.url), { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists "${name}" with (force)`);
      await cleanup.end();
    },
  };
}

/** Registers a fresh database for the current test file and returns an accessor for it. */
export function useTestDatabase(): { readonly db: Database; readonly connection: Connection & { url?: string } } {
  let connection: (Connection & { url?: string }) | undefined;
  beforeAll(async () => {
    connection = await createTestDatabase();
  });
  afterAll(async () => {
    await connection?.close();
  });
  return {
    get db() {
      if (!connection) throw new Error("The test database is only available inside tests and hooks.");
      return connection.db;
    },
    get connection() {
      if (!connection) throw new Error("The test database is only available inside tests and hooks.");
      return connection;
    },
  };
}

/** An empty database with no migrations applied, for tests of the migrations themselves. */
export async function createEmptyDatabase(): Promise<Connection> {
  const source = inject("testDatabase");
  if (source.mode === "embedded") return connectEmbedded(new PGlite());
  const name = `ft_t_${source.template.slice(7)}_empty_${randomBytes(4).toString("hex")}`;
  const admin = postgres(adminUrl(source.url), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const connection = connectServer(withDatabase(source.url, name), { max: 2 });
  return {
    ...connection,
    close: async () => {
      await connection.close();
      const cleanup = postgres(adminUrl(source.url), { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists "${name}" with (force)`);
      await cleanup.end();
    },
  };
}
