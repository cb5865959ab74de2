import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "../../../db";
import { runMigrations } from "../../../db/migrate";
import { rows } from "../../../db/sql";
import { createEmptyDatabase } from "../../helpers/db";

describe("migrations", () => {
  let connection: Connection;
  beforeAll(async () => {
    connection = await createEmptyDatabase();
  });
  afterAll(async () => connection.close());

  it("apply to an empty database, and a second run changes nothing", async () => {
    await runMigrations(connection);
    const tablesAfterFirst = await tableNames(connection);
    expect(tablesAfterFirst).toEqual(expect.arrayContaining(["organizations", "memberships", "applications", "reminders", "activities"]));

    await runMigrations(connection);
    expect(await tableNames(connection)).toEqual(tablesAfterFirst);
    const [applied] = await rows<{ n: number }>(connection.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    expect(applied!.n).toBeGreaterThanOrEqual(2);
  });

  it("give every tenant-owned table a cascading org_id, an index led by it, and forced row-level security", async () => {
    const tenantTables = await rows<{ table_name: string; is_nullable: string }>(
      connection.db,
      sql`select table_name, is_nullable from information_schema.columns
          where table_schema = 'public' and column_name = 'org_id' order by table_name`,
    );
    // The outbox holds sign-in emails that belong to no organisation; it is a system table.
    const owned = tenantTables.filter((t) => t.table_name !== "outbox_emails");
    expect(owned.length).toBeGreaterThanOrEqual(18);

    for (const { table_name: table, is_nullable } of owned) {
      expect.soft(is_nullable, `${table}.org_id is not null`).toBe("NO");
      const [fk] = await rows<{ n: number }>(
        connection.db,
        sql`select count(*)::int as n from pg_constraint c
            join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
            where c.conrelid = ${table}::regclass and c.contype = 'f' and c.confrelid = 'organizations'::regclass
              and array_length(c.conkey, 1) = 1 and a.attname = 'org_id' and c.confdeltype = 'c'`,
      );
      expect.soft(fk!.n, `${table}.org_id cascades from organizations`).toBe(1);
      const [index] = await rows<{ n: number }>(
        connection.db,
        sql`select count(*)::int as n from pg_index i
            join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
            where i.indrelid = ${table}::regclass and a.attname = 'org_id'`,
      );
      expect.soft(index!.n, `${table} has an index starting with org_id`).toBeGreaterThan(0);
      const [rls] = await rows<{ enabled: boolean; forced: boolean }>(
        connection.db,
        sql`select relrowsecurity as enabled, relforcerowsecurity as forced from pg_class where oid = ${table}::regclass`,
      );
      expect.soft(rls, `${table} has forced row-level security`).toEqual({ enabled: true, forced: true });
    }
  });

  it("store every timestamp with its time zone", async () => {
    const naive = await rows<{ col: string }>(
      connection.db,
      sql`select table_name || '.' || column_name as col from information_schema.columns
          where table_schema = 'public' and data_type = 'timestamp without time zone'`,
    );
    expect(naive).toEqual([]);
  });
});

async function tableNames(connection: Connection) {
  const result = await rows<{ table_name: string }>(
    connection.db,
    sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
  );
  return result.map((r) => r.table_name);
}
