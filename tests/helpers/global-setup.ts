import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { connectEmbedded, connectServer, directDatabaseUrl, poolModeFromEnv, type PoolMode } from "../../db";
import { runMigrations } from "../../db/migrate";
import { adminUrl, withDatabase } from "./database-url";

export type TestDatabaseSource =
  /**
   * `url` is what the app would connect through (DATABASE_URL, maybe a pooler in `poolMode`);
   * `directUrl` (DATABASE_URL_UNPOOLED, else the same) creates, copies and drops databases and
   * runs the migrations: a pooler keeps server connections to the template open, and PostgreSQL
   * refuses to copy a database someone is connected to.
   */
  | { mode: "server"; url: string; directUrl: string; poolMode: PoolMode; template: string }
  | { mode: "embedded"; dumpPath: string };

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: TestDatabaseSource;
  }
}

/**
 * Migrates one template database for the whole run. Each test file then takes its own copy
 * (CREATE DATABASE … TEMPLATE on a server, a data-directory dump on the embedded database), so
 * files run in parallel without sharing rows and migrations run once.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  const directUrl = directDatabaseUrl();
  if (url && directUrl) {
    const template = `ft_tpl_${randomBytes(4).toString("hex")}`;
    const admin = postgres(adminUrl(directUrl), { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${template}"`);
    const connection = connectServer(withDatabase(directUrl, template), { max: 1 });
    await runMigrations(connection);
    await connection.close();
    project.provide("testDatabase", { mode: "server", url, directUrl, poolMode: poolModeFromEnv(), template });
    return async () => {
      const leftovers = await admin<{ datname: string }[]>`
        select datname from pg_database where datname like ${`ft_t_${template.slice(7)}_%`} or datname = ${template}`;
      for (const { datname } of leftovers) await admin.unsafe(`drop database if exists "${datname}" with (force)`);
      await admin.end();
    };
  }

  const connection = connectEmbedded(new PGlite());
  await runMigrations(connection);
  const pglite = (connection.db as unknown as { $client: PGlite }).$client;
  const dump = await pglite.dumpDataDir("gzip");
  const folder = await mkdtemp(path.join(tmpdir(), "followthrough-test-"));
  const dumpPath = path.join(folder, "template.tar.gz");
  await writeFile(dumpPath, Buffer.from(await dump.arrayBuffer()));
  await connection.close();
  project.provide("testDatabase", { mode: "embedded", dumpPath });
  return async () => rm(folder, { recursive: true, force: true });
}
