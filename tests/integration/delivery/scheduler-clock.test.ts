import { addHours, addMinutes } from "date-fns";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import * as s from "../../../db/schema";
import { createDeliveryScheduler } from "../../../server/delivery/scheduler";
import { unsafePlanWeeklyDigests } from "../../../server/digests/schedule";
import { useTestDatabase } from "../../helpers/db";
import { createClientWithPipeline, insertReminders, reminderById, reminderFor, T0 } from "./fixtures";

/** Weekly digests are covered below and in tests/integration/digests; these ticks plan none. */
const noDigests = async () => ({ planned: [] });

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
    const scheduler = createDeliveryScheduler({ db: () => test.db, now: () => clock, intervalMs: 3_600_000, planDigests: noDigests });

    expect(await scheduler.tick()).toMatchObject({ picked: 0 });
    clock = addHours(T0, 6);
    expect(await scheduler.tick()).toMatchObject({ picked: 1, sent: 1 });
    expect((await reminderById(test.db, reminder!.id)).sentAt).toEqual(addHours(T0, 6));
  });

  it("tickNow waits for a sweep already running, then runs its own at the time it reads then", async () => {
    const p = await createClientWithPipeline(test.db, { commitments: 1 });
    const [reminder] = await insertReminders(test.db, [reminderFor(p, "commitment_due", { dueAt: addMinutes(T0, 30) })]);
    const readings = [T0, addHours(T0, 1)];
    const scheduler = createDeliveryScheduler({ db: () => test.db, now: () => readings.shift()!, intervalMs: 3_600_000, planDigests: noDigests });

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
      planDigests: noDigests,
    });
    expect(await scheduler.tickNow()).toEqual({ at: T0, digestsPlanned: null, delivery: null });
    expect(log.error).toHaveBeenCalledWith("[delivery] sweep failed", expect.any(Error));
    broken = false;
    expect(await scheduler.tick()).toMatchObject({ rateLimited: false });
  });

  it("plans the weekly digests on its first tick and then hourly, and sends one already due in the same tick", async () => {
    const p = await createClientWithPipeline(test.db, { commitments: 1 });
    const calls: Date[] = [];
    let clock = new Date("2026-11-30T07:00:00Z"); // Monday, 07:00 in London
    const scheduler = createDeliveryScheduler({
      db: () => test.db,
      now: () => clock,
      intervalMs: 3_600_000,
      planDigests: async (db, at) => {
        calls.push(at);
        return unsafePlanWeeklyDigests(db, at);
      },
    });
    const first = await scheduler.tickNow();
    expect(first.digestsPlanned).toBeGreaterThan(0);
    clock = addMinutes(clock, 30);
    expect((await scheduler.tickNow()).digestsPlanned).toBeNull();
    // 08:00 in London has come: the digest planned at 07:00 goes out in the tick that plans again.
    clock = addMinutes(clock, 61);
    const later = await scheduler.tickNow();
    expect(later.digestsPlanned).toBe(0);
    expect(calls).toEqual([new Date("2026-11-30T07:00:00Z"), new Date("2026-11-30T08:31:00Z")]);
    const [digest] = await test.db.select().from(s.reminders).where(and(eq(s.reminders.recipientMembershipId, p.membership.id), eq(s.reminders.kind, "client_digest")));
    expect(digest).toMatchObject({ status: "sent", dueAt: new Date("2026-11-30T08:00:00Z"), sentAt: new Date("2026-11-30T08:31:00Z") });
  });
});
