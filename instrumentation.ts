/**
 * Next.js calls `register()` once when a server instance starts. Without an Inngest server
 * (no INNGEST_EVENT_KEY, no INNGEST_DEV — the embedded default and `npm run demo`), this starts
 * the in-process schedule that delivers due reminders into the outbox or through Resend, so the
 * same delivery code runs with or without Inngest.
 *
 * Imports are dynamic and behind the runtime check so the edge bundle never pulls in the
 * database drivers; nothing starts while `next build` pre-renders pages.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { PHASE_PRODUCTION_BUILD } = await import("next/constants");
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return;

  const [{ exitOnInvalidEnvironment }, { inngestConfigured }, { testClockEnabled }, { stampPeerAddress }, { log, consoleLike }, { env }] = await Promise.all([
    import("./server/startup"),
    import("./server/inngest/mode"),
    import("./server/clock"),
    import("./server/auth/client-ip"),
    import("./server/log"),
    import("./server/env"),
  ]);
  exitOnInvalidEnvironment();
  // Rate limits need the socket's address, which Next does not hand to route handlers.
  stampPeerAddress();
  if (testClockEnabled()) {
    log.warn(
      "ENABLE_TEST_CLOCK=1: /api/test/clock can move this server's clock and deliver reminders early. " +
        "For end-to-end tests only; never on a real deployment.",
    );
  }
  const [{ closeConnection, getDb }, { startDeliveryScheduler }, { installGracefulShutdown }] = await Promise.all([
    import("./db"),
    import("./server/delivery/scheduler"),
    import("./server/shutdown"),
  ]);
  // Two at a time: rendering is CPU-bound anyway. Paced at this instance's share of Resend's
  // per-team limit (RESEND_REQUESTS_PER_SECOND); a 429 makes the sweep back off by itself.
  const scheduler = inngestConfigured()
    ? null
    : startDeliveryScheduler({
        db: getDb,
        sweep: { concurrency: 2, requestsPerSecond: env().RESEND_REQUESTS_PER_SECOND },
        log: consoleLike("delivery"),
      });
  // On SIGTERM: stop the schedule, let Next finish its requests, close the pool, exit (bounded).
  installGracefulShutdown({
    stopWork: async () => scheduler?.stop(),
    closePool: closeConnection,
    log: consoleLike("shutdown"),
  });
}
