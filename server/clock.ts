import { env, type Env } from "./env";

/**
 * The server's "now" for time-driven work (the delivery schedule): real time plus an offset that
 * only the test clock (ENABLE_TEST_CLOCK=1, refused next to a real email provider or Inngest) can
 * move, so an end-to-end test can let a day pass in a second.
 *
 * The offset lives on globalThis, not in this module: Next bundles the instrumentation hook and
 * the route handlers separately, so one process can hold two copies of this module, and the
 * schedule (started from instrumentation) must see the offset a route handler sets.
 */
type ClockState = { offsetMs: number };

const holder = globalThis as unknown as { __followthroughTestClock?: ClockState };
const state = (): ClockState => (holder.__followthroughTestClock ??= { offsetMs: 0 });

export function now(): Date {
  return new Date(Date.now() + state().offsetMs);
}

/** How far the test clock runs ahead of real time (0 unless a test moved it). */
export const clockOffsetMs = (): number => state().offsetMs;

export const testClockEnabled = (e: Env = env()): boolean => e.ENABLE_TEST_CLOCK === "1";

export class TestClockDisabledError extends Error {
  constructor() {
    super("The test clock is disabled (ENABLE_TEST_CLOCK is not 1).");
    this.name = "TestClockDisabledError";
  }
}

/** Moves the clock forward by `ms`; answers the new now. Only with the test clock enabled. */
export function advanceClock(ms: number, e: Env = env()): Date {
  if (!testClockEnabled(e)) throw new TestClockDisabledError();
  if (!Number.isFinite(ms) || ms <= 0) throw new RangeError(`The clock only moves forward by a positive number of milliseconds, not ${ms}.`);
  state().offsetMs += ms;
  return now();
}

/** Back to real time. */
export function resetClock(e: Env = env()): Date {
  if (!testClockEnabled(e)) throw new TestClockDisabledError();
  state().offsetMs = 0;
  return now();
}

const DURATION_UNITS_MS = { W: 7 * 86_400_000, D: 86_400_000, H: 3_600_000, M: 60_000, S: 1_000 } as const;
const ISO_DURATION = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

/**
 * An ISO-8601 duration in weeks, days, hours, minutes and seconds (`P2D`, `PT36H`, `P1DT30M`), in
 * milliseconds; null when malformed. Years and months are refused: they have no fixed length.
 * A day is 24 hours here (the offset is added to an instant, so no DST arithmetic applies).
 */
export function parseIsoDurationMs(text: string): number | null {
  const match = ISO_DURATION.exec(text.trim().toUpperCase());
  if (!match || text.trim().toUpperCase().endsWith("T")) return null;
  const [, weeks, days, hours, minutes, seconds] = match;
  if ([weeks, days, hours, minutes, seconds].every((part) => part === undefined)) return null;
  const count = (part: string | undefined) => (part === undefined ? 0 : Number(part.replace(",", ".")));
  return Math.round(
    count(weeks) * DURATION_UNITS_MS.W +
      count(days) * DURATION_UNITS_MS.D +
      count(hours) * DURATION_UNITS_MS.H +
      count(minutes) * DURATION_UNITS_MS.M +
      count(seconds) * DURATION_UNITS_MS.S,
  );
}
