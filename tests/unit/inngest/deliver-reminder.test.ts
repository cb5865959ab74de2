import { randomUUID } from "node:crypto";
import { InngestTestEngine } from "@inngest/test";
import { NonRetriableError, RetryAfterError } from "inngest";
import { describe, expect, it } from "vitest";
import type { DeliveryOutcome } from "../../../server/delivery/deliver";
import {
  createDeliverReminderFunction,
  settle,
  type ReminderSnapshot,
} from "../../../server/inngest/functions/deliver-reminder";

const DUE = "2026-03-02T09:00:00.000Z";

/**
 * The workflow around one reminder, with the database and the provider replaced by a small
 * in-memory reminder: what the run does, in which order, and what it tells Inngest.
 */
function scenario(options: { snapshot: ReminderSnapshot | null; outcomes: Array<DeliveryOutcome["status"] | DeliveryOutcome> }) {
  const reminderId = randomUUID();
  const journal: string[] = [];
  const outcomes = [...options.outcomes];
  const fn = createDeliverReminderFunction({
    load: async (id) => {
      journal.push(`load ${id === reminderId ? "reminder" : id}`);
      return options.snapshot;
    },
    deliver: async (id) => {
      journal.push(`deliver ${id === reminderId ? "reminder" : id}`);
      const next = outcomes.shift() ?? "sent";
      if (typeof next !== "string") return next;
      if (next === "sent") return { status: "sent", reminderId, providerMessageId: "msg_1", attempts: 1 };
      if (next === "cancelled") return { status: "cancelled", reminderId, reason: "stale_plan", detail: "interview re-planned" };
      throw new Error(`no canned outcome for ${next}`);
    },
  });
  const dedupeKey = `prepare/${randomUUID()}/v1`;
  // One engine per execution: an execution of a run that Inngest retries starts from scratch.
  const newEngine = () =>
    new InngestTestEngine({
      function: fn,
      events: [{ name: "followthrough/reminder.requested", data: { reminderId, dedupeKey } }],
      // A sleep that is not mocked never settles in @inngest/test: record it instead.
      steps: [{ id: "wait-until-due", handler: () => void journal.push("sleep") }],
    });
  return { fn, engine: newEngine(), newEngine, journal, reminderId };
}

const pending: ReminderSnapshot = { status: "pending", wakeAt: DUE };

describe("deliver-reminder function", () => {
  it("sleeps until the reminder is due, then delivers it once", async () => {
    const { engine, journal } = scenario({ snapshot: pending, outcomes: ["sent"] });
    const { result, ctx } = await engine.execute();

    expect(result).toEqual({ status: "sent", providerMessageId: "msg_1" });
    expect(journal).toEqual(["load reminder", "sleep", "deliver reminder"]);
    expect(ctx.step.sleepUntil).toHaveBeenCalledWith("wait-until-due", DUE);
  });

  it("wakes at the retry time when the reminder is backing off past its due time", async () => {
    const later = "2026-03-02T09:05:00.000Z";
    const { engine } = scenario({ snapshot: { status: "pending", wakeAt: later }, outcomes: ["sent"] });
    const { ctx } = await engine.execute();
    expect(ctx.step.sleepUntil).toHaveBeenCalledWith("wait-until-due", later);
  });

  it("ends without sleeping or sending when the reminder was cancelled (or already sent) before the run", async () => {
    for (const status of ["cancelled", "sent"] as const) {
      const { engine, journal } = scenario({ snapshot: { status, wakeAt: DUE }, outcomes: [] });
      const { result, ctx } = await engine.execute();
      expect(result).toEqual({ status: "not_pending", was: status });
      expect(journal).toEqual(["load reminder"]);
      expect(ctx.step.sleepUntil).not.toHaveBeenCalled();
    }
  });

  it("ends quietly when the reminder no longer exists", async () => {
    const { engine, journal } = scenario({ snapshot: null, outcomes: [] });
    expect((await engine.execute()).result).toEqual({ status: "not_found" });
    expect(journal).toEqual(["load reminder"]);
  });

  it("skips a reminder re-planned while it slept: delivery cancels it instead of sending", async () => {
    const { engine, journal } = scenario({ snapshot: pending, outcomes: ["cancelled"] });
    const { result } = await engine.execute();
    expect(result).toEqual({ status: "cancelled", reason: "stale_plan" });
    expect(journal).toEqual(["load reminder", "sleep", "deliver reminder"]);
  });

  it("retries a transient failure, then sends on the retry", async () => {
    const transient: DeliveryOutcome = {
      status: "retry",
      reminderId: "x",
      reason: "transient",
      retryAt: new Date("2026-03-02T09:00:31.000Z"),
      error: "internal_server_error: An unexpected error occurred.",
      attempts: 1,
    };
    const { engine, newEngine, journal } = scenario({ snapshot: pending, outcomes: [transient, "sent"] });

    // @inngest/test models no retries: the first execution ends with the step's retriable error…
    const first = await engine.execute();
    expect(first.result).toBeUndefined();
    expect(first.error).toMatchObject({ name: "RetryAfterError", message: expect.stringContaining("internal_server_error") });

    // …and Inngest's retry is the same run executed again: this time the provider accepts.
    const second = await newEngine().execute();
    expect(second.result).toEqual({ status: "sent", providerMessageId: "msg_1" });
    expect(journal.filter((entry) => entry === "deliver reminder")).toHaveLength(2);
  });

  it("stops for good on a permanent failure", async () => {
    const { engine } = scenario({
      snapshot: pending,
      outcomes: [{ status: "failed", reminderId: "x", reason: "suppressed", error: "a@b.c is suppressed", attempts: 1 }],
    });
    const { error, result } = await engine.execute();
    expect(result).toBeUndefined();
    expect(error).toMatchObject({ name: "NonRetriableError", message: expect.stringContaining("suppressed") });
  });

  describe("settle: what Inngest is told for each delivery outcome", () => {
    const at = new Date("2026-03-02T09:01:00.000Z");
    const thrown = (outcome: DeliveryOutcome) => {
      try {
        settle(outcome);
      } catch (error) {
        return error;
      }
      throw new Error("settle did not throw");
    };

    it("retries at the time delivery asks for: backoff, rate limit, a lease held elsewhere, not due yet", () => {
      for (const outcome of [
        { status: "retry", reminderId: "x", reason: "rate_limited", retryAt: at, error: "429", attempts: 0 },
        { status: "not_claimed", reminderId: "x", why: "leased", retryAt: at },
        { status: "not_claimed", reminderId: "x", why: "not_due", retryAt: at },
      ] satisfies DeliveryOutcome[]) {
        const error = thrown(outcome);
        expect(error).toBeInstanceOf(RetryAfterError);
        expect(error).toMatchObject({ retryAfter: at.toISOString() });
      }
    });

    it("gives up only on failures, and finishes on everything settled elsewhere", () => {
      expect(thrown({ status: "failed", reminderId: "x", reason: "permanent", error: "422", attempts: 1 })).toBeInstanceOf(NonRetriableError);
      expect(settle({ status: "not_claimed", reminderId: "x", why: "sent", retryAt: null })).toEqual({ status: "not_claimed", why: "sent" });
      expect(settle({ status: "superseded", reminderId: "x" })).toEqual({ status: "superseded" });
      expect(settle({ status: "cancelled", reminderId: "x", reason: "preference_off", detail: "" })).toEqual({
        status: "cancelled",
        reason: "preference_off",
      });
    });
  });

  it("registers with Inngest to cancel on the matching reminder.cancelled event, throttled below Resend's limit", () => {
    const { fn } = scenario({ snapshot: pending, outcomes: [] });
    expect(fn.opts).toMatchObject({
      id: "deliver-reminder",
      triggers: [{ event: "followthrough/reminder.requested" }],
      cancelOn: [{ event: { event: "followthrough/reminder.cancelled" }, match: "data.reminderId" }],
      // Resend allows 2 requests a second by default: one run a second stays below it.
      throttle: { limit: 1, period: "1s" },
    });
  });
});
