import type { Database } from "@/db";
import { now as clockNow } from "../clock";
import { unsafePlanWeeklyDigests } from "../digests/schedule";
import { unsafeRefreshAllClientMetrics } from "../services/coach/metrics";
import { deliverDueReminders, type SweepOptions, type SweepResult } from "./sweep";

export type DeliveryScheduler = {
  /** Runs one sweep now, unless one is already running (then answers null). */
  tick: () => Promise<SweepResult | null>;
  /**
   * Waits for a running sweep, then runs one that starts after this call (the test clock's route
   * moves the clock and needs a sweep that sees the new time, not one that began before).
   */
  tickNow: () => Promise<TickOutcome>;
  /**
   * Stops the timer, tells a running sweep to start nothing new (deliveries and batches already
   * sent finish and are recorded), and waits for it.
   */
  stop: () => Promise<void>;
  /** What the readiness check reports. */
  status: () => SchedulerStatus;
};

export type SchedulerStatus = {
  intervalMs: number;
  /** When the timer started (null before start()). */
  startedAt: Date | null;
  /** Wall-clock times (not the test clock): when the last tick ended, and the last whose sweep succeeded. */
  lastTickAt: Date | null;
  lastSuccessfulTickAt: Date | null;
  /** A sweep is running now. */
  sweeping: boolean;
  /** stop() was called: the process is shutting down. */
  stopped: boolean;
};

/**
 * One tick: the time it ran as of, the weekly digests it planned (null when it was not planning's
 * turn, or planning failed and was logged), and the sweep's counts (null when the sweep failed).
 */
export type TickOutcome = { at: Date; digestsPlanned: number | null; delivery: SweepResult | null };

export type SchedulerOptions = {
  /** The database, resolved lazily so starting the scheduler opens no connection. */
  db: () => Database;
  intervalMs?: number;
  /** Each tick's "now", read once at its start; the server clock (which the test clock moves) by default. */
  now?: () => Date;
  sweep?: Omit<SweepOptions, "now">;
  /** Writes the rows of the next weekly digests (idempotent); run at most every DIGEST_PLAN_INTERVAL_MS. */
  planDigests?: (db: Database, at: Date) => Promise<{ planned: string[] }>;
  /** Brings the coach portal's kept numbers up to date (marked by writes, or past their next change). */
  refreshMetrics?: (db: Database, at: Date) => Promise<number>;
  log?: Pick<Console, "info" | "error">;
};

export const DEFAULT_INTERVAL_MS = 15_000;
/** Digest rows are planned days ahead, so once an hour is plenty (as the Inngest cron does). */
export const DIGEST_PLAN_INTERVAL_MS = 60 * 60_000;
const METRICS_REFRESH_INTERVAL_MS = 60_000;

/**
 * The in-process schedule that stands in for Inngest when none is configured (the embedded
 * default, `npm run demo`): every `intervalMs`, deliver what is due. The timer is unref'd so it
 * never keeps a process alive, and a sweep that outlasts the interval is not overlapped by the
 * next one (the claim would make overlap safe, but it would only add contention).
 */
export function createDeliveryScheduler(options: SchedulerOptions): DeliveryScheduler & { start: () => void } {
  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  const log = options.log ?? console;
  const now = options.now ?? clockNow;
  const planDigests = options.planDigests ?? unsafePlanWeeklyDigests;
  const refreshMetrics = options.refreshMetrics ?? unsafeRefreshAllClientMetrics;
  let metricsRefreshedAt: Date | null = null;
  let running: Promise<TickOutcome> | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  let digestsPlannedAt: Date | null = null;
  let startedAt: Date | null = null;
  let lastTickAt: Date | null = null;
  let lastSuccessfulTickAt: Date | null = null;
  let stopped = false;
  // Aborted by stop(): the sweep checks it before each new delivery or batch.
  const stopping = new AbortController();

  /** Plans the weekly digests on the first tick and then hourly (by the tick's own clock). */
  const planDigestsIfDue = async (at: Date): Promise<number | null> => {
    if (digestsPlannedAt && Math.abs(+at - +digestsPlannedAt) < DIGEST_PLAN_INTERVAL_MS) return null;
    try {
      const { planned } = await planDigests(options.db(), at);
      digestsPlannedAt = at;
      if (planned.length > 0) log.info(`[digests] planned ${planned.length} weekly digests`);
      return planned.length;
    } catch (error) {
      log.error("[digests] planning failed; retried next tick", error);
      return null;
    }
  };

  /**
   * Once a minute, after delivery: recomputes the coach portal's kept rows that writes marked or
   * time made stale, so the next reader finds them ready. Readers recompute what is left anyway,
   * so a failure here only costs that reader time.
   */
  const refreshMetricsIfDue = async (at: Date) => {
    if (metricsRefreshedAt && Math.abs(+at - +metricsRefreshedAt) < METRICS_REFRESH_INTERVAL_MS) return;
    try {
      await refreshMetrics(options.db(), at);
      metricsRefreshedAt = at;
    } catch (error) {
      log.error("[metrics] refreshing the coach portal's kept numbers failed; readers recompute them", error);
    }
  };

  /** Every step of a tick works as of the same `at`: digests first, so one due now goes out in this sweep. */
  const runTick = async (at: Date): Promise<TickOutcome> => {
    const digestsPlanned = await planDigestsIfDue(at);
    try {
      const delivery = await deliverDueReminders(options.db(), {
        ...options.sweep,
        now: at,
        signal: stopping.signal,
        onError: (id, error) => log.error(`[delivery] reminder ${id} threw; retried after its lease`, error),
      });
      if (delivery.picked > 0) {
        log.info(
          `[delivery] ${delivery.sent} sent, ${delivery.cancelled} cancelled, ${delivery.failed} failed, ` +
            `${delivery.retrying} to retry, ${delivery.deferred} deferred of ${delivery.picked} due`,
        );
      }
      lastSuccessfulTickAt = new Date();
      await refreshMetricsIfDue(at);
      return { at, digestsPlanned, delivery };
    } catch (error) {
      log.error("[delivery] sweep failed", error);
      return { at, digestsPlanned, delivery: null };
    } finally {
      lastTickAt = new Date();
    }
  };

  const startTick = (): Promise<TickOutcome> => {
    const current = runTick(now());
    running = current;
    // Cleared in a reaction registered before anyone else can await `current`, so a waiter in
    // tickNow always wakes to `running === null` or to a newer tick.
    void current.finally(() => {
      if (running === current) running = null;
    });
    return current;
  };

  const tick = async (): Promise<SweepResult | null> => {
    if (running || stopped) return null;
    return (await startTick()).delivery;
  };

  const tickNow = async (): Promise<TickOutcome> => {
    while (running) await running;
    return startTick();
  };

  return {
    tick,
    tickNow,
    start() {
      if (timer) return;
      startedAt = new Date();
      timer = setInterval(() => void tick(), intervalMs);
      timer.unref();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      stopping.abort();
      await running;
    },
    status: () => ({ intervalMs, startedAt, lastTickAt, lastSuccessfulTickAt, sweeping: running !== null, stopped }),
  };
}

type SchedulerHolder = { __followthroughDeliveryScheduler?: ReturnType<typeof createDeliveryScheduler> };
const holder = globalThis as unknown as SchedulerHolder;

/**
 * Starts the process-wide schedule once. Kept on globalThis: Next's dev server can evaluate the
 * instrumentation hook's modules more than once, and two timers would only contend.
 */
export function startDeliveryScheduler(options: SchedulerOptions): DeliveryScheduler {
  if (!holder.__followthroughDeliveryScheduler) {
    holder.__followthroughDeliveryScheduler = createDeliveryScheduler(options);
    holder.__followthroughDeliveryScheduler.start();
  }
  return holder.__followthroughDeliveryScheduler;
}

/**
 * The schedule this process started, if any. Route handlers are bundled apart from the
 * instrumentation hook, so they reach the one instance through globalThis, never a module variable.
 */
export function runningDeliveryScheduler(): DeliveryScheduler | null {
  return holder.__followthroughDeliveryScheduler ?? null;
}
