import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import { createRefreshClientMetricsFunction } from "../../../server/inngest/functions/refresh-client-metrics";

describe("refresh-client-metrics function", () => {
  it("refreshes the kept numbers in one named step, every minute, one run at a time", async () => {
    let refreshes = 0;
    const fn = createRefreshClientMetricsFunction(async () => ++refreshes);
    const engine = new InngestTestEngine({ function: fn, events: [{ name: "inngest/scheduled.timer", data: {} }] });
    const { ctx, result } = await engine.execute();
    expect(refreshes).toBe(1);
    expect(result).toBe(1);
    expect(ctx.step.run).toHaveBeenCalledWith("refresh-client-metrics", expect.any(Function));
    expect(fn.opts).toMatchObject({ triggers: [{ cron: "* * * * *" }], concurrency: { limit: 1 } });
  });
});
