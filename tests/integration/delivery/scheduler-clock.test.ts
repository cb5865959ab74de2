import { addHours, addMinutes } from "date-fns";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDeliveryScheduler } from "../../../server/delivery/scheduler";
import { useTestDatabase } from "../../helpers/db";
import { createClientWithPipeline, insertReminders, reminderById, reminderFor, T0 } from "./fixtures";

/** The schedule's notion of "now", and a tick on demand that sees a clock moved after it was asked for. */
describe("the delivery schedule's clock", () => {
  const test = useTestDatabase();

  beforeAll(() => {
    vi.stubEnv("RESEND_API_KEY", "");
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  it("delivers as of the time its `now` answers at the start of each tick", async () => {
    const p = await createClientWithPipeline(test.db, { commitments: 1 });
    const [reminder] = await insertReminders(test.db, [reminderFor(p, "commitment_due", { dueAt: addHours(T0, 5) })]);
    let clock = T0;
    const scheduler = createDeliveryScheduler({ db: () => test.db, now: () => clock, intervalMs: 3_600_000 });

    expect(await scheduler.tick()).toMatchObject({ picked: 0 });
    clock = addHours(T0, 6);
    expect(await scheduler.tick()).toMatchObject({ picked: 1, sent: 1 });
    expect((await reminderById(test.db, reminder!.id)).sentAt).toEqual(addHours(T0, 6));
  });

  it("tickNow waits for a sweep already running, then runs its own at the time it reads then", async () => {
    const p = await createClientWithPipeline(test.db, { commitments: 1 });
    const [reminder] = await insertReminders(test.db, [reminderFor(p, "commitment_due", { dueAt: addMinutes(T0, 30) })]);
    const readings = [T0, addHours(T0, 1)];
    const scheduler = createDeliveryScheduler({ db: () => test.db, now: () => readings.shift()!, intervalMs: 3_600_000 });

    const running = scheduler.tick();
    const onDemand = scheduler.tickNow();
    // A plain tick while one runs is skipped, as the timer's must be.
    expect(await scheduler.tick()).toBeNull();

    const [first, second] = await Promise.all([running, onDemand]);
    expect(first).toMatchObject({ picked: 0 });
    expect(second.at).toEqual(addHours(T0, 1));
    expect(second.delivery).toMatchObject({ picked: 1, sent: 1 });
    expect((await reminderById(test.db, reminder!.id)).status).toBe("sent");
  });

  it("keeps ticking after a tick whose database could not even be opened", async () => {
    const log = { info: vi.fn(), error: vi.fn() };
    let broken = true;
    const scheduler = createDeliveryScheduler({
      db: () => {
        if (broken) throw new Error("the database is not reachable");
        return test.db;
      },
      now: () => T0,
      log,
    });
    expect(await scheduler.tickNow()).toEqual({ at: T0, delivery: null });
    expect(log.error).toHaveBeenCalledWith("[delivery] sweep failed", expect.any(Error));
    broken = false;
    expect(await scheduler.tick()).toMatchObject({ rateLimited: false });
  });
});
