import type { Database } from "@/db";
import { deliverDueReminders, type SweepOptions, type SweepResult } from "./sweep";

export type DeliveryScheduler = {
  /** Runs one sweep now, unless one is already running (then answers null). */
  tick: () => Promise<SweepResult | null>;
  /** Stops the timer and waits for a running sweep to finish. */
  stop: () => Promise<void>;
};

export type SchedulerOptions = {
  /** The database, resolved lazily so starting the scheduler opens no connection. */
  db: () => Database;
  intervalMs?: number;
  sweep?: Omit<SweepOptions, "now">;
  log?: Pick<Console, "info" | "error">;
};

export const DEFAULT_INTERVAL_MS = 15_000;

/**
 * The in-process schedule that stands in for Inngest when none is configured (the embedded
 * default, `npm run demo`): every `intervalMs`, deliver what is due. The timer is unref'd so it
 * never keeps a process alive, and a sweep that outlasts the interval is not overlapped by the
 * next one (the claim would make overlap safe, but it would only add contention).
 */
export function createDeliveryScheduler(options: SchedulerOptions): DeliveryScheduler & { start: () => void } {
  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  const log = options.log ?? console;
  let running: Promise<SweepResult | null> | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;

  const tick = async (): Promise<SweepResult | null> => {
    if (running) return null;
    running = (async () => {
      try {
        const result = await deliverDueReminders(options.db(), {
          ...options.sweep,
          onError: (id, error) => log.error(`[delivery] reminder ${id} threw; retried after its lease`, error),
        });
        if (result.picked > 0) {
          log.info(
            `[delivery] ${result.sent} sent, ${result.cancelled} cancelled, ${result.failed} failed, ` +
              `${result.retrying} to retry, ${result.deferred} deferred of ${result.picked} due`,
          );
        }
        return result;
      } catch (error) {
        log.error("[delivery] sweep failed", error);
        return null;
      } finally {
        running = null;
      }
    })();
    return running;
  };

  return {
    tick,
    start() {
      if (timer) return;
      timer = setInterval(() => void tick(), intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}

/**
 * Starts the process-wide schedule once. Kept on globalThis: Next's dev server can evaluate the
 * instrumentation hook's modules more than once, and two timers would only contend.
 */
export function startDeliveryScheduler(options: SchedulerOptions): DeliveryScheduler {
  const cache = globalThis as unknown as { __followthroughDeliveryScheduler?: ReturnType<typeof createDeliveryScheduler> };
  if (!cache.__followthroughDeliveryScheduler) {
    cache.__followthroughDeliveryScheduler = createDeliveryScheduler(options);
    cache.__followthroughDeliveryScheduler.start();
  }
  return cache.__followthroughDeliveryScheduler;
}
