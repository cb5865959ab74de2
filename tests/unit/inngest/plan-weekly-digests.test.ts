import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import { createPlanWeeklyDigestsFunction } from "../../../server/inngest/functions/plan-weekly-digests";

const scheduled = [{ name: "inngest/scheduled.timer", data: {} }] as [{ name: string; data: object }];

describe("plan-weekly-digests function", () => {
  it("plans the digests, then hands the new rows to delivery in a second step", async () => {
    const handedOver: string[][] = [];
    const fn = createPlanWeeklyDigestsFunction({
      plan: async () => ({ planned: ["r1", "r2"] }),
      enqueue: async (ids) => {
        handedOver.push(ids);
        return { enqueued: ids.length };
      },
    });
    const { result, ctx } = await new InngestTestEngine({ function: fn, events: scheduled }).execute();
    expect(result).toEqual({ planned: 2, enqueued: 2 });
    expect(handedOver).toEqual([["r1", "r2"]]);
    expect(ctx.step.run).toHaveBeenCalledWith("plan-digests", expect.any(Function));
    expect(ctx.step.run).toHaveBeenCalledWith("enqueue-digests", expect.any(Function));
  });

  it("hands nothing over when every digest already has its row", async () => {
    let enqueued = 0;
    const fn = createPlanWeeklyDigestsFunction({
      plan: async () => ({ planned: [] }),
      enqueue: async (ids) => {
        enqueued += ids.length;
        return { enqueued: ids.length };
      },
    });
    const { result } = await new InngestTestEngine({ function: fn, events: scheduled }).execute();
    expect(result).toEqual({ planned: 0, enqueued: 0 });
    expect(enqueued).toBe(0);
  });

  it("runs hourly, one run at a time", () => {
    const fn = createPlanWeeklyDigestsFunction({ plan: async () => ({ planned: [] }), enqueue: async () => ({ enqueued: 0 }) });
    expect(fn.opts).toMatchObject({ triggers: [{ cron: "17 * * * *" }], concurrency: { limit: 1 } });
  });
});
