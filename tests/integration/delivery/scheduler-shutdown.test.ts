import { addMinutes } from "date-fns";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Send } from "../../../server/delivery/deliver";
import { createDeliveryScheduler } from "../../../server/delivery/scheduler";
import { sendEmail } from "../../../server/email/send";
import { useTestDatabase } from "../../helpers/db";
import { createClientWithPipeline, insertReminders, reminderById, reminderFor, T0 } from "./fixtures";

const noDigests = async () => ({ planned: [] });
const quiet = { info: () => {}, error: () => {} };

/** What the readiness check and a SIGTERM rely on: the schedule's status, and a stop that starts nothing new. */
describe("the delivery schedule at shutdown", () => {
  const test = useTestDatabase();

  beforeAll(() => {
    vi.stubEnv("RESEND_API_KEY", "");
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  it("stop() lets the delivery in flight finish and record, starts no other, and leaves the rest unclaimed for the next sweep", async () => {
    const p = await createClientWithPipeline(test.db, { commitments: 4 });
    const due = await insertReminders(
      test.db,
      p.commitments.map((commitment, i) => reminderFor(p, "commitment_due", { commitmentId: commitment.id, dueAt: addMinutes(T0, -10 - i) })),
    );
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const firstStarted = new Promise<void>((resolve) => (started = resolve));
    let sends = 0;
    // The first send waits until the test lets it go: stop() arrives while it is in flight.
    const send: Send = async (db, email) => {
      sends++;
      started();
      await released;
      return sendEmail(db, email);
    };
    const scheduler = createDeliveryScheduler({
      db: () => test.db,
      now: () => T0,
      intervalMs: 3_600_000,
      planDigests: noDigests,
      log: quiet,
      sweep: { send, concurrency: 1, mode: "single" },
    });

    const tick = scheduler.tickNow();
    await firstStarted;
    const stopped = scheduler.stop();
    expect(scheduler.status()).toMatchObject({ stopped: true, sweeping: true });
    release();
    await stopped;

    expect((await tick).delivery).toMatchObject({ picked: 4, sent: 1, deferred: 3 });
    expect(sends).toBe(1);
    const rows = await Promise.all(due.map((r) => reminderById(test.db, r.id)));
    expect(rows.filter((r) => r.status === "sent")).toHaveLength(1);
    for (const row of rows.filter((r) => r.status !== "sent")) expect(row).toMatchObject({ status: "pending", leaseUntil: null, attempts: 0 });
    expect(scheduler.status().sweeping).toBe(false);
    // Stopped for good: the timer's ticks no longer run.
    expect(await scheduler.tick()).toBeNull();
  });

  it("reports the last tick and the last successful one (a failed sweep is not a success)", async () => {
    let broken = false;
    const scheduler = createDeliveryScheduler({
      db: () => {
        if (broken) throw new Error("the database is not reachable");
        return test.db;
      },
      now: () => T0,
      intervalMs: 3_600_000,
      planDigests: noDigests,
      log: quiet,
    });
    expect(scheduler.status()).toMatchObject({ startedAt: null, lastTickAt: null, lastSuccessfulTickAt: null, sweeping: false, stopped: false });
    await scheduler.tickNow();
    const success = scheduler.status().lastSuccessfulTickAt;
    expect(success).toBeInstanceOf(Date);
    broken = true;
    await new Promise((resolve) => setTimeout(resolve, 5));
    await scheduler.tickNow();
    const status = scheduler.status();
    expect(status.lastSuccessfulTickAt).toEqual(success);
    expect(+status.lastTickAt!).toBeGreaterThan(+success!);
  });
});
