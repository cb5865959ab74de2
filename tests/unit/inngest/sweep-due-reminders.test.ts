import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import type { SweepResult } from "../../../server/delivery/sweep";
import { createSweepDueRemindersFunction } from "../../../server/inngest/functions/sweep-due-reminders";
import { functions } from "../../../server/inngest/functions";

const result: SweepResult = {
  picked: 3,
  sent: 2,
  cancelled: 1,
  failed: 0,
  retrying: 0,
  skipped: 0,
  errors: 0,
  deferred: 0,
  rateLimited: false,
};

describe("sweep-due-reminders function", () => {
  it("delivers what is due in one named step", async () => {
    let sweeps = 0;
    const fn = createSweepDueRemindersFunction(async () => {
      sweeps++;
      return result;
    });
    const engine = new InngestTestEngine({ function: fn, events: [{ name: "inngest/scheduled.timer", data: {} }] });
    const { ctx } = await engine.execute();
    expect(sweeps).toBe(1);
    expect(ctx.step.run).toHaveBeenCalledWith("deliver-due-reminders", expect.any(Function));
  });

  it("runs every five minutes, one sweep at a time", () => {
    const fn = createSweepDueRemindersFunction(async () => result);
    expect(fn.opts).toMatchObject({ triggers: [{ cron: "*/5 * * * *" }], concurrency: { limit: 1 } });
  });

  it("is served with the reminder delivery function, under stable ids", () => {
    expect(functions.map((fn) => fn.id())).toEqual([
      "deliver-reminder",
      "sweep-due-reminders",
      "plan-weekly-digests",
      "replan-application",
      "refresh-client-metrics",
    ]);
  });
});
