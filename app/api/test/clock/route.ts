import { z } from "zod";
import { advanceClock, clockOffsetMs, now, parseIsoDurationMs, resetClock, testClockEnabled } from "@/server/clock";
import { runningDeliveryScheduler } from "@/server/delivery/scheduler";

/**
 * The test clock, for end-to-end tests only (ENABLE_TEST_CLOCK=1, which the environment refuses
 * next to Resend or Inngest). Disabled, every method answers a bare 404 that says nothing about
 * what is missing or why. GET answers the server's time; POST moves it and then runs one delivery
 * tick at the new time, awaited, so a test sees what became due without waiting for the timer.
 */
export const dynamic = "force-dynamic";

const DAY_MS = 86_400_000;
const MAX_ADVANCE_MS = 366 * DAY_MS;
const HOW = 'Send either { "advanceBy": <milliseconds or an ISO-8601 duration like "P2D"> } or { "reset": true }';

const ZAdvanceBy = z
  .union([z.number(), z.string()], { error: "advanceBy must be a number of milliseconds or an ISO-8601 duration like \"P2D\"" })
  .transform((value, ctx) => {
    const ms = typeof value === "number" ? value : parseIsoDurationMs(value);
    if (ms === null) {
      ctx.addIssue({
        code: "custom",
        message: `"${value}" is not an ISO-8601 duration in weeks, days, hours, minutes or seconds (like "P2D" or "PT36H"; years and months have no fixed length)`,
      });
      return z.NEVER;
    }
    if (!Number.isSafeInteger(ms) || ms <= 0 || ms > MAX_ADVANCE_MS) {
      ctx.addIssue({ code: "custom", message: `advanceBy must move the clock forward by at least 1 ms and at most 366 days, not ${value}` });
      return z.NEVER;
    }
    return ms;
  });

const ZMoveClockInput = z
  .strictObject({ advanceBy: ZAdvanceBy.optional(), reset: z.literal(true, { error: "reset must be true" }).optional() })
  .refine((input) => (input.advanceBy === undefined) !== (input.reset === undefined), { error: HOW });

export async function GET() {
  if (!testClockEnabled()) return missing();
  return json(200, clockState());
}

export async function POST(request: Request) {
  if (!testClockEnabled()) return missing();
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return json(400, { error: `The body must be JSON. ${HOW}` });
  }
  const parsed = ZMoveClockInput.safeParse(body);
  if (!parsed.success) return json(400, { error: z.prettifyError(parsed.error) });

  // Checked before moving anything: without the schedule nothing would deliver at the new time.
  const scheduler = runningDeliveryScheduler();
  if (!scheduler) return json(409, { error: "No in-process delivery schedule runs in this server, so the clock was not moved" });

  if (parsed.data.reset) resetClock();
  else advanceClock(parsed.data.advanceBy!);
  const tick = await scheduler.tickNow();
  if (!tick.delivery) return json(500, { error: "The delivery sweep failed (see the server log); the clock was moved", ...clockState() });
  return json(200, { ...clockState(), tick: { at: tick.at.toISOString(), ...tick.delivery } });
}

/** Other methods: a 405 when enabled, and when disabled the same 404 as the methods above. */
function otherMethod() {
  if (!testClockEnabled()) return missing();
  return new Response(null, { status: 405, headers: { allow: "GET, HEAD, POST" } });
}
export const PUT = otherMethod;
export const PATCH = otherMethod;
export const DELETE = otherMethod;
export const OPTIONS = otherMethod;

/** The response Next itself makes of `notFound()` in a route handler (an empty 404). */
function missing() {
  return new Response(null, { status: 404 });
}

function clockState() {
  return { now: now().toISOString(), offsetMs: clockOffsetMs() };
}

function json(status: number, body: unknown) {
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}
