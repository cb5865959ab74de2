import { describe, expect, it } from "vitest";
import type { Database } from "../../../db";
import type { SchedulerStatus } from "../../../server/delivery/scheduler";
import { checkReadiness } from "../../../server/health";
import { useTestDatabase } from "../../helpers/db";

const quiet = { error: () => {} };
const at = new Date("2026-03-02T10:00:00Z");
const schedule = (overrides: Partial<SchedulerStatus> = {}): SchedulerStatus => ({
  intervalMs: 15_000,
  startedAt: new Date(+at - 120_000),
  lastTickAt: new Date(+at - 5_000),
  lastSuccessfulTickAt: new Date(+at - 5_000),
  sweeping: false,
  stopped: false,
  ...overrides,
});

describe("readiness", () => {
  const test = useTestDatabase();

  it("is ready when the database answers, and reports the schedule's last successful tick", async () => {
    const readiness = await checkReadiness({ db: () => test.db, scheduler: schedule(), shuttingDown: false, now: at, log: quiet });
    expect(readiness).toMatchObject({
      status: "ready",
      reasons: [],
      database: { ok: true },
      delivery: { mode: "in_process", lastSuccessfulTickAt: "2026-03-02T09:59:55.000Z", stale: false },
    });
    expect(readiness.database.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("is not ready when the database fails or hangs, without echoing the driver's message", async () => {
    const failing = { execute: () => Promise.reject(new Error("connect ECONNREFUSED 10.0.0.5:5432")) } as unknown as Database;
    const failed = await checkReadiness({ db: () => failing, scheduler: null, shuttingDown: false, log: quiet });
    expect(failed).toMatchObject({ status: "not_ready", reasons: ["the database does not answer"], database: { ok: false, latencyMs: null }, delivery: { mode: "inngest" } });
    expect(JSON.stringify(failed)).not.toContain("10.0.0.5");

    const hanging = { execute: () => new Promise(() => {}) } as unknown as Database;
    const hung = await checkReadiness({ db: () => hanging, scheduler: null, shuttingDown: false, log: quiet });
    expect(hung.database.ok).toBe(false);
  });

  it("is not ready while shutting down, so a load balancer stops routing to the instance", async () => {
    const readiness = await checkReadiness({ db: () => test.db, scheduler: schedule({ stopped: true }), shuttingDown: true, now: at, log: quiet });
    expect(readiness).toMatchObject({ status: "not_ready", reasons: ["shutting down"], shuttingDown: true });
  });

  it("flags a schedule with no successful tick for three intervals as stale, without failing readiness", async () => {
    const failing = schedule({ lastSuccessfulTickAt: new Date(+at - 46_000), lastTickAt: new Date(+at - 1_000) });
    expect((await checkReadiness({ db: () => test.db, scheduler: failing, shuttingDown: false, now: at, log: quiet })).delivery).toMatchObject({ stale: true });
    const young = schedule({ startedAt: new Date(+at - 20_000), lastTickAt: null, lastSuccessfulTickAt: null });
    const fresh = await checkReadiness({ db: () => test.db, scheduler: young, shuttingDown: false, now: at, log: quiet });
    expect(fresh).toMatchObject({ status: "ready", delivery: { stale: false, lastSuccessfulTickAt: null } });
  });
});
