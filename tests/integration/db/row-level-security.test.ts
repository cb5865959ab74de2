import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { connectServer, withOrg, type Executor } from "../../../db";
import * as s from "../../../db/schema";
import { pgErrorCode, rows } from "../../../db/sql";
import { createOrgWithEveryTable } from "../../factories";
import { useTestDatabase } from "../../helpers/db";

const INSUFFICIENT_PRIVILEGE = "42501";

/** Every tenant-owned table, found from the catalogue so a new table cannot be forgotten here. */
async function tenantTables(db: Executor) {
  const found = await rows<{ table_name: string }>(
    db,
    sql`select table_name from information_schema.columns
        where table_schema = 'public' and column_name = 'org_id' and table_name <> 'outbox_emails' order by table_name`,
  );
  return found.map((r) => r.table_name);
}

const countByOrg = (db: Executor, table: string, orgId: string) =>
  rows<{ n: number }>(db, sql`select count(*)::int as n from ${sql.identifier(table)} where org_id = ${orgId}`).then((r) => r[0]!.n);

describe("row-level security", () => {
  const test = useTestDatabase();

  it("shows a tenant transaction none of another organisation's rows, in every tenant table", async () => {
    const a = await createOrgWithEveryTable(test.db);
    const b = await createOrgWithEveryTable(test.db);
    const tables = await tenantTables(test.db);
    expect(tables.length).toBeGreaterThanOrEqual(18);

    await withOrg(test.db, a.org.id, async (tx) => {
      for (const table of tables) {
        expect.soft(await countByOrg(tx, table, b.org.id), `${table}: rows of B visible to A`).toBe(0);
        expect.soft(await countByOrg(tx, table, a.org.id), `${table}: A sees its own rows`).toBeGreaterThan(0);
      }
      const visibleOrgs = await tx.select({ id: s.organizations.id }).from(s.organizations);
      expect(visibleOrgs).toEqual([{ id: a.org.id }]);
      // People are visible only through a membership of the current organisation.
      const people = await tx.select({ id: s.users.id }).from(s.users).where(eq(s.users.id, b.client.user.id));
      expect(people).toEqual([]);
    });
  });

  it("refuses inserts for another organisation and updates or deletes none of its rows", async () => {
    const a = await createOrgWithEveryTable(test.db);
    const b = await createOrgWithEveryTable(test.db);

    const insertError = await withOrg(test.db, a.org.id, (tx) =>
      tx.insert(s.companies).values({ orgId: b.org.id, clientId: b.client.membership.id, name: "Planted" }),
    ).then(() => null, pgErrorCode);
    expect(insertError).toBe(INSUFFICIENT_PRIVILEGE);

    const touched = await withOrg(test.db, a.org.id, async (tx) => {
      const updated = await tx.update(s.applications).set({ roleTitle: "Hijacked" }).where(eq(s.applications.orgId, b.org.id)).returning();
      const deleted = await tx.delete(s.drafts).where(eq(s.drafts.orgId, b.org.id)).returning();
      const orgRenamed = await tx.update(s.organizations).set({ name: "Hijacked" }).where(eq(s.organizations.id, b.org.id)).returning();
      return updated.length + deleted.length + orgRenamed.length;
    });
    expect(touched).toBe(0);
    const [application] = await test.db.select().from(s.applications).where(eq(s.applications.id, b.application.id));
    expect(application!.roleTitle).toBe(b.application.roleTitle);
    expect(await test.db.$count(s.drafts, eq(s.drafts.orgId, b.org.id))).toBe(1);
  });

  it("keeps the activity timeline and audit log append-only for the application", async () => {
    const a = await createOrgWithEveryTable(test.db);
    for (const statement of [
      (tx: Executor) => tx.update(s.activities).set({ summary: "rewritten" }).where(eq(s.activities.orgId, a.org.id)),
      (tx: Executor) => tx.delete(s.auditLog).where(eq(s.auditLog.orgId, a.org.id)),
    ]) {
      const code = await withOrg(test.db, a.org.id, (tx) => statement(tx)).then(() => null, pgErrorCode);
      expect(code).toBe(INSUFFICIENT_PRIVILEGE);
    }
  });

  it("leaves no tenant setting or role behind after a transaction", async () => {
    const a = await createOrgWithEveryTable(test.db);
    await withOrg(test.db, a.org.id, async () => undefined);
    const [after] = await rows<{ org: string; role: string }>(
      test.db,
      sql`select coalesce(current_setting('app.org_id', true), '') as org, current_user as role`,
    );
    expect(after!.org).toBe("");
    expect(after!.role).not.toBe("followthrough_app");
  });

  it("never mixes two organisations' rows across interleaved transactions on a pool of two connections", async () => {
    const a = await createOrgWithEveryTable(test.db);
    const b = await createOrgWithEveryTable(test.db);
    // On a server: a real pool of two connections. Embedded: one connection, transactions queued.
    const pool = test.connection.url ? connectServer(test.connection.url, { max: 2, poolMode: test.connection.poolMode }) : test.connection;
    try {
      const seen = await Promise.all(
        Array.from({ length: 40 }, (_, i) => {
          const org = i % 2 === 0 ? a.org.id : b.org.id;
          return withOrg(pool.db, org, async (tx) => {
            await tx.execute(sql`select pg_sleep(0.002)`);
            const visible = await rows<{ org_id: string }>(tx, sql`select distinct org_id from applications`);
            return { org, visible: visible.map((r) => r.org_id) };
          });
        }),
      );
      for (const { org, visible } of seen) expect(visible).toEqual([org]);
    } finally {
      if (pool !== test.connection) await pool.close();
    }
  });
});
