import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectEmbedded, tenantTransactionsSettled, withOrg } from "../../../db";

describe("tenant transactions settled (what shutdown waits for before closing the pool)", () => {
  const connection = connectEmbedded(new PGlite());
  // The role a tenant transaction switches to (the migrations create it in the real schema).
  beforeAll(() => connection.db.execute(sql`create role followthrough_app nologin`), 60_000);
  afterAll(() => connection.close());

  it("resolves at once when none is open, and only after the last open one ends", async () => {
    await expect(tenantTransactionsSettled()).resolves.toBeUndefined();

    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const orgId = "00000000-0000-4000-8000-000000000001";
    const running = withOrg(connection.db, orgId, async (tx) => {
      await gate;
      return tx.execute(sql`select 1 as one`);
    });

    let settled = false;
    const waiting = tenantTransactionsSettled().then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);

    release();
    await running;
    await waiting;
    expect(settled).toBe(true);
  });

  it("counts a transaction that failed as ended", async () => {
    const orgId = "00000000-0000-4000-8000-000000000001";
    await expect(withOrg(connection.db, orgId, () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(tenantTransactionsSettled()).resolves.toBeUndefined();
  });
});
