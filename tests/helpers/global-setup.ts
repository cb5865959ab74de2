import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { connectEmbedded, connectServer } from "../../db";
import { runMigrations } from "../../db/migrate";
import { adminUrl, withDatabase } from "./database-url";

export type TestDatabaseSource =
  | { mode: "server"; url: string; template: string }
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
  if (url) {
    const template = `ft_tpl_${randomBytes(4).toString("hex")}`;
    const admin = postgres(adminUrl(url), { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${template}"`);
    const connection = connectServer(withDatabase(url, template), { max: 1 });
    await runMigrations(connection);
    await connection.close();
    project.provide("testDatabase", { mode: "server", url, template });
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
