import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createShutdown } from "../../server/shutdown";

const quiet = { info: () => {}, error: () => {} };

describe("graceful shutdown", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("before a signal, exit is immediate", () => {
    const exit = vi.fn();
    const shutdown = createShutdown({ stopWork: async () => {}, closePool: async () => {}, exit, log: quiet });
    shutdown.exit(1);
    expect(exit).toHaveBeenCalledWith(1);
    expect(shutdown.draining()).toBe(false);
  });

  it("after SIGTERM, holds Next's exit until the work has stopped, then closes the pool, then exits", async () => {
    const order: string[] = [];
    let finishWork!: () => void;
    const exit = vi.fn((code: number) => void order.push(`exit ${code}`));
    const shutdown = createShutdown({
      stopWork: () => new Promise<void>((resolve) => (finishWork = () => (order.push("work stopped"), resolve()))),
      closePool: async () => void order.push("pool closed"),
      exit,
      log: quiet,
    });
    shutdown.begin("SIGTERM");
    expect(shutdown.draining()).toBe(true);
    shutdown.exit(143); // Next's handler, once its requests are done
    await vi.advanceTimersByTimeAsync(1_000);
    expect(exit).not.toHaveBeenCalled();
    finishWork();
    await vi.advanceTimersByTimeAsync(0);
    // Drained in time: a clean stop, so 0 rather than Next's "ended by a signal" 143.
    expect(order).toEqual(["work stopped", "pool closed", "exit 0"]);
    // The bound's timer firing later changes nothing: one exit.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(exit).toHaveBeenCalledTimes(1);
  });

  it("exits at the bound when the work never stops", async () => {
    const exit = vi.fn();
    const shutdown = createShutdown({ stopWork: () => new Promise(() => {}), closePool: async () => {}, exit, timeoutMs: 8_000, log: quiet });
    shutdown.begin("SIGTERM");
    shutdown.exit(143);
    await vi.advanceTimersByTimeAsync(7_999);
    expect(exit).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(exit).toHaveBeenCalledWith(143);
  });

  it("a clean drain after SIGINT exits 0 too; an exit code of Next's own that is not the signal's is kept", async () => {
    const exit = vi.fn();
    const shutdown = createShutdown({ stopWork: async () => {}, closePool: async () => {}, exit, log: quiet });
    shutdown.begin("SIGINT");
    shutdown.exit(130);
    await vi.advanceTimersByTimeAsync(0);
    expect(exit).toHaveBeenCalledWith(0);

    const failing = vi.fn();
    const other = createShutdown({ stopWork: async () => {}, closePool: async () => {}, exit: failing, log: quiet });
    other.begin("SIGTERM");
    other.exit(2);
    await vi.advanceTimersByTimeAsync(0);
    expect(failing).toHaveBeenCalledWith(2);
  });

  it("exits 1 when closing the pool fails", async () => {
    const exit = vi.fn();
    const shutdown = createShutdown({
      stopWork: async () => {},
      closePool: () => Promise.reject(new Error("pool would not close")),
      exit,
      log: quiet,
    });
    shutdown.begin("SIGTERM");
    shutdown.exit(143);
    await vi.advanceTimersByTimeAsync(0);
    expect(exit).toHaveBeenCalledWith(1);
    expect(exit).toHaveBeenCalledTimes(1);
  });

  it("a second signal does not start a second drain", async () => {
    const stopWork = vi.fn(async () => {});
    const shutdown = createShutdown({ stopWork, closePool: async () => {}, exit: () => {}, log: quiet });
    shutdown.begin("SIGTERM");
    shutdown.begin("SIGINT");
    expect(stopWork).toHaveBeenCalledTimes(1);
  });
});
