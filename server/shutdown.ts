/**
 * Graceful shutdown on SIGTERM (a deploy, `docker stop`, a scale-down).
 *
 * `next start` (and the standalone server.js) already handles SIGTERM: it stops accepting
 * connections, waits for the requests in flight, then calls `process.exit`. Running beside it,
 * this module marks the process as draining (readiness answers 503, so a load balancer stops
 * routing here), stops the delivery schedule (no new claim; batches already handed to the
 * provider finish and are recorded; whatever stays due is another instance's next sweep), and
 * holds Next's `process.exit` until that is done and the database pool is closed, so the pool
 * never closes under a request still in flight; a drain that finished in time exits 0 (Next
 * would exit 143, "ended by a signal", which supervisors and CI count as a failure). Everything is
 * bounded: after `timeoutMs` the process exits 143 whatever is left; a lease still held then expires and another instance retries
 * under the same idempotency key, exactly as after a crash.
 *
 * Logs go through `log` (console by default) so the structured logger can be passed in.
 */

/** Below Docker's default 10 s between SIGTERM and SIGKILL, and Kubernetes' 30 s. */
export const SHUTDOWN_TIMEOUT_MS = 8_000;

/** The exit status that reports an end by `signal` (128 + its number), as Next's own handler uses. */
export const signalCode = (signal: NodeJS.Signals): number => (signal === "SIGINT" ? 130 : 143);

export type ShutdownOptions = {
  /** Stops taking new background work and waits for the work in hand (the delivery schedule). */
  stopWork: () => Promise<void>;
  /** Closes the database pool; called after stopWork and after Next's requests have finished. */
  closePool: () => Promise<void>;
  timeoutMs?: number;
  /** The real exit. */
  exit: (code: number) => void;
  log?: Pick<Console, "info" | "error">;
};

export type Shutdown = {
  /** The signal arrived: start draining. Idempotent. */
  begin: (signal: NodeJS.Signals) => void;
  /**
   * What `process.exit` becomes: before a signal, exits at once; while draining, exits once the
   * work has stopped and the pool is closed — with 0 where Next passes the signal's code (143
   * after SIGTERM), 1 if draining failed — or with the signal's code when the bound is reached.
   */
  exit: (code?: number) => void;
  draining: () => boolean;
};

export function createShutdown(options: ShutdownOptions): Shutdown {
  const log = options.log ?? console;
  const timeoutMs = options.timeoutMs ?? SHUTDOWN_TIMEOUT_MS;
  let stopped: Promise<void> | null = null;
  let exiting = false;
  let started = 0;

  const exitOnce = (code: number) => {
    if (exiting) return;
    exiting = true;
    options.exit(code);
  };

  let signalled: NodeJS.Signals | null = null;

  const finish = async (code: number) => {
    try {
      await stopped;
      await options.closePool();
      log.info(`[shutdown] drained in ${Date.now() - started} ms; exiting`);
    } catch (error) {
      log.error("[shutdown] draining failed; exiting anyway", error);
      return exitOnce(code === 0 || code === signalCode(signalled!) ? 1 : code);
    }
    // Next exits with 128 + the signal's number (143 after SIGTERM) to say "ended by a signal".
    // A drain that finished in time is a clean stop: exit 0, so supervisors and CI see success.
    exitOnce(code === signalCode(signalled!) ? 0 : code);
  };

  return {
    draining: () => stopped !== null,
    begin(signal) {
      if (stopped) return;
      started = Date.now();
      signalled = signal;
      log.info(`[shutdown] ${signal}: no new work; finishing what is in hand (at most ${timeoutMs} ms)`);
      stopped = options.stopWork().catch((error: unknown) => log.error("[shutdown] stopping the delivery schedule failed", error));
      // Kept referenced: it is what ends the process if anything below hangs.
      setTimeout(() => {
        log.error(`[shutdown] still draining after ${timeoutMs} ms; exiting (held leases expire and are retried elsewhere)`);
        exitOnce(signalCode(signal));
      }, timeoutMs);
    },
    exit(code = 0) {
      if (!stopped) return exitOnce(code);
      void finish(code);
    },
  };
}

type ShutdownHolder = { __followthroughShutdown?: Shutdown };
const holder = globalThis as unknown as ShutdownHolder;

/**
 * Installs the process-wide shutdown once. Next's own SIGTERM handler calls `process.exit` when
 * its requests are done; when the process has no such handler (NEXT_MANUAL_SIG_HANDLE), the
 * signal handler here finishes on its own.
 */
export function installGracefulShutdown(options: Omit<ShutdownOptions, "exit">): Shutdown {
  if (holder.__followthroughShutdown) return holder.__followthroughShutdown;
  const realExit = process.exit.bind(process);
  const shutdown = createShutdown({ ...options, exit: (code) => realExit(code) });
  holder.__followthroughShutdown = shutdown;
  process.exit = ((code?: number | string | null) => {
    shutdown.exit(typeof code === "number" ? code : Number(code ?? 0) || 0);
  }) as typeof process.exit;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      shutdown.begin(signal);
      if (process.env.NEXT_MANUAL_SIG_HANDLE) shutdown.exit(signalCode(signal));
    });
  }
  return shutdown;
}

/** The process's shutdown state, for the readiness check (route handlers reach it through globalThis). */
export const shuttingDown = (): boolean => holder.__followthroughShutdown?.draining() ?? false;
