import { inArray } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as s from "../../../db/schema";
import type { DeliveryScheduler } from "../../../server/delivery/scheduler";
import { useTestDatabase } from "../../helpers/db";
import { createClientWithPipeline, insertReminders, reminderById, reminderFor } from "../delivery/fixtures";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// The route reads the environment through env(); each test chooses the one it runs under.
const environment = vi.hoisted(() => ({ current: undefined as unknown }));
vi.mock("@/server/env", async (original) => {
  const actual = await original<typeof import("../../../server/env")>();
  return { ...actual, env: () => environment.current ?? actual.readEnv({ NODE_ENV: "test" }) };
});

describe("the test clock route", () => {
  const test = useTestDatabase();
  let route: typeof import("../../../app/api/test/clock/route");
  let envModule: typeof import("../../../server/env");

  beforeAll(async () => {
    route = await import("../../../app/api/test/clock/route");
    envModule = await import("../../../server/env");
  });

  const useEnv = (vars: Record<string, string>) => {
    environment.current = envModule.readEnv({ NODE_ENV: "test", ...vars });
  };
  const post = (body: unknown) =>
    route.POST(
      new Request("http://localhost/api/test/clock", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: typeof body === "string" ? body : JSON.stringify(body),
      }),
    );
  const get = async () => (await route.GET()).json() as Promise<{ now: string; offsetMs: number }>;

  describe("disabled (the default)", () => {
    beforeAll(() => useEnv({}));

    it("answers every method with a bare 404 and moves nothing", async () => {
      for (const response of [await route.GET(), await post({ advanceBy: "P2D" }), await route.PUT(), await route.OPTIONS()]) {
        expect(response.status).toBe(404);
        expect(await response.text()).toBe("");
      }
      useEnv({ ENABLE_TEST_CLOCK: "1" });
      expect((await get()).offsetMs).toBe(0);
    });
  });

  describe("enabled, before any delivery schedule runs in the process", () => {
    beforeAll(() => useEnv({ ENABLE_TEST_CLOCK: "1" }));

    it("refuses to move the clock when nothing would deliver at the new time", async () => {
      const response = await post({ advanceBy: "P2D" });
      expect(response.status).toBe(409);
      expect(((await response.json()) as { error: string }).error).toMatch(/No in-process delivery schedule/);
      expect((await get()).offsetMs).toBe(0);
    });
  });

  describe("enabled, with the process's delivery schedule", () => {
    let scheduler: DeliveryScheduler;
    const log = { info: vi.fn(), error: vi.fn() };

    beforeAll(async () => {
      useEnv({ ENABLE_TEST_CLOCK: "1" });
      const { startDeliveryScheduler } = await import("../../../server/delivery/scheduler");
      // The interval never fires during the test: every tick here is the route's.
      scheduler = startDeliveryScheduler({ db: () => test.db, intervalMs: DAY, log });
    });
    afterEach(async () => {
      await post({ reset: true });
    });
    afterAll(async () => {
      await scheduler.stop();
      expect(log.error).not.toHaveBeenCalled();
    });

    it("answers the server's time and offset", async () => {
      const before = Date.now();
      const state = await get();
      expect(state.offsetMs).toBe(0);
      expect(Date.parse(state.now)).toBeGreaterThanOrEqual(before);
    });

    it("moves the clock, delivers what became due at the new time once, and resets to real time", async () => {
      const p = await createClientWithPipeline(test.db, { commitments: 2 });
      const [tomorrow, nextWeek] = await insertReminders(test.db, [
        reminderFor(p, "commitment_due", { commitmentId: p.commitments[0]!.id, dueAt: new Date(Date.now() + DAY) }),
        reminderFor(p, "commitment_due", { commitmentId: p.commitments[1]!.id, dueAt: new Date(Date.now() + 7 * DAY) }),
      ]);
      const delivered = async () =>
        (await test.db.select().from(s.outboxEmails).where(inArray(s.outboxEmails.idempotencyKey, [tomorrow!.dedupeKey, nextWeek!.dedupeKey])))
          .map((email) => email.idempotencyKey);

      const before = Date.now();
      const moved = await post({ advanceBy: "P2D" });
      expect(moved.status).toBe(200);
      const body = (await moved.json()) as { now: string; offsetMs: number; tick: { at: string; picked: number; sent: number } };
      expect(body.offsetMs).toBe(2 * DAY);
      expect(Date.parse(body.now)).toBeGreaterThanOrEqual(before + 2 * DAY);
      // The tick ran as of the moved clock, in the scheduler's own reading of it.
      expect(Date.parse(body.tick.at)).toBeGreaterThanOrEqual(before + 2 * DAY);
      expect(body.tick.sent).toBeGreaterThanOrEqual(1);
      expect(await delivered()).toEqual([tomorrow!.dedupeKey]);
      expect((await reminderById(test.db, nextWeek!.id)).status).toBe("pending");

      // Milliseconds add up with durations; what was sent is not sent again.
      const again = await post({ advanceBy: HOUR });
      expect(again.status).toBe(200);
      expect(((await again.json()) as { offsetMs: number }).offsetMs).toBe(2 * DAY + HOUR);
      expect(await delivered()).toEqual([tomorrow!.dedupeKey]);

      const reset = await post({ reset: true });
      expect(reset.status).toBe(200);
      expect(((await reset.json()) as { offsetMs: number }).offsetMs).toBe(0);
      expect((await get()).offsetMs).toBe(0);
      expect((await reminderById(test.db, nextWeek!.id)).status).toBe("pending");
    });

    it.each([
      ["not JSON", "advanceBy=P2D", /must be JSON/],
      ["an empty object", {}, /either \{ "advanceBy"/],
      ["both at once", { advanceBy: "P1D", reset: true }, /either \{ "advanceBy"/],
      ["an unknown field", { advanceBy: "P1D", jump: 1 }, /jump/],
      ["a malformed duration", { advanceBy: "two days" }, /not an ISO-8601 duration/],
      ["months", { advanceBy: "P1M" }, /not an ISO-8601 duration/],
      ["a negative number", { advanceBy: -1000 }, /forward/],
      ["a fraction of a millisecond", { advanceBy: 1.5 }, /forward/],
      ["more than a year", { advanceBy: "P400D" }, /at most 366 days/],
      ["a boolean", { advanceBy: true }, /milliseconds or an ISO-8601 duration/],
      ["reset: false", { reset: false }, /reset must be true/],
    ])("answers 400 to %s and leaves the clock alone", async (_case, body, message) => {
      const response = await post(body);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: string }).error).toMatch(message);
      expect((await get()).offsetMs).toBe(0);
    });

    it("answers 405 to other methods", async () => {
      const response = await route.DELETE();
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("GET, HEAD, POST");
    });
  });
});
