import { addMinutes } from "date-fns";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as s from "../../../db/schema";
import type { SendBatch } from "../../../server/delivery/batch";
import { deliverReminder } from "../../../server/delivery/deliver";
import { deliverDueReminders, type SweepResult } from "../../../server/delivery/sweep";
import { sendBatchWithResend } from "../../../server/email/send";
import { createOrg } from "../../factories";
import { useTestDatabase } from "../../helpers/db";
import type { Fault, ResendFake } from "../../helpers/resend-fake";
import { startResendFakeForSdk, stopResendFake } from "../../helpers/resend-sdk";
import { countBy, createClientsInBulk, insertReminders, reminderFor, T0, type Pipeline, type Reminder } from "./fixtures";

const CLIENTS = 100;
const COMMITMENTS_PER_CLIENT = 7;

/**
 * 1,000 due reminders across five organisations, delivered in batches by repeated, overlapping
 * sweeps through the real SDK while the fake provider and the workers misbehave. Whatever
 * happens, each reminder that should go out is accepted exactly once, and nothing cancelled or
 * stale is ever sent.
 */
describe("delivering 1,000 reminders under faults", () => {
  const test = useTestDatabase();
  let fake: ResendFake;
  let reminders: Reminder[] = [];
  let pipelines: Pipeline[] = [];

  beforeAll(async () => {
    fake = await startResendFakeForSdk();

    const orgs = await Promise.all(Array.from({ length: 5 }, () => createOrg(test.db)));
    pipelines = await createClientsInBulk(test.db, orgs.map((org) => org.id), CLIENTS, COMMITMENTS_PER_CLIENT);
    reminders = await insertReminders(
      test.db,
      pipelines.flatMap((p, i) => [
        reminderFor(p, "prepare", { dueAt: addMinutes(T0, -90 + (i % 60)) }),
        reminderFor(p, "debrief"),
        reminderFor(p, "proposal_suggestion"),
        ...p.commitments.map((c) => reminderFor(p, "commitment_due", { commitmentId: c.id, dueAt: addMinutes(T0, -(i % 45)) })),
      ]),
    );
  });
  afterAll(() => stopResendFake(fake));

  it("sends exactly the expected emails, once each", async () => {
    expect(reminders).toHaveLength(1000);
    const byKind = (kind: string) => reminders.filter((r) => r.kind === kind);
    const commitmentReminders = byKind("commitment_due");

    // Rescheduled before delivery: ten interviews re-planned, their two reminders now stale.
    const rescheduled = pipelines.slice(0, 10).map((p) => p.interview.id);
    await test.db.update(s.interviews).set({ planVersion: 2 }).where(inArray(s.interviews.id, rescheduled));
    const staleIds = new Set(reminders.filter((r) => r.interviewId && rescheduled.includes(r.interviewId)).map((r) => r.id));
    // Cancelled by a re-plan before delivery.
    const cancelledIds = new Set(commitmentReminders.slice(0, 10).map((r) => r.id));
    await test.db
      .update(s.reminders)
      .set({ status: "cancelled", cancelledAt: T0 })
      .where(inArray(s.reminders.id, [...cancelledIds]));

    // Rescheduled while pending: these prepare reminders fall due after the first sweep, and
    // their interviews move just after it.
    const reschedulingLater = pipelines.slice(10, 15);
    const pendingWhenRescheduled = reminders.filter((r) => r.kind === "prepare" && reschedulingLater.some((p) => p.interview.id === r.interviewId));
    await test.db
      .update(s.reminders)
      .set({ dueAt: addMinutes(T0, 1) })
      .where(inArray(s.reminders.id, pendingWhenRescheduled.map((r) => r.id)));

    // The same reminder delivered by three per-reminder runs at once (the single path).
    const raced = commitmentReminders.slice(10, 20);
    const raceOutcomes = await Promise.all(raced.flatMap((r) => [1, 2, 3].map(() => deliverReminder(test.db, r.id, { now: T0 }))));
    expect(countBy(raceOutcomes, (o) => o.status)).toEqual({ sent: 10, not_claimed: 20 });

    // Faults on the first attempt of the first new batches, in the order they are sent: a 429
    // burst as the first sweeps start, then errors before and after the provider accepted, a
    // refused batch, and two workers that die after the provider accepted their batch but before
    // recording it. Retries meet no planned fault.
    const schedule: Record<number, Fault | "crash_after_accept"> = {
      1: { kind: "rate_limit", retryAfterSeconds: 1 },
      2: { kind: "rate_limit", retryAfterSeconds: 1 },
      3: { kind: "server_error" },
      4: { kind: "drop_after_accept" },
      5: "crash_after_accept",
      6: { kind: "invalid" },
      7: { kind: "drop" },
      8: { kind: "concurrent" },
      9: { kind: "bad_gateway" },
      10: "crash_after_accept",
    };
    // The refused batch's members go one by one, and meet a 500 each on their own first try.
    for (const r of reminders.filter((r) => !raced.includes(r))) fake.failKey(r.dedupeKey, { kind: "server_error" });
    const seenKeys = new Set<string>();
    const crashedKeys = new Set<string>();
    const faultyBatch: SendBatch = async (emails, key) => {
      const planned = seenKeys.has(key) ? undefined : schedule[seenKeys.add(key).size];
      if (planned && planned !== "crash_after_accept") fake.failKey(key, planned);
      const result = await sendBatchWithResend(emails, key);
      if (planned === "crash_after_accept") {
        crashedKeys.add(key);
        throw new Error("worker died after the provider accepted the batch");
      }
      return result;
    };

    let now = T0;
    const sweeps: SweepResult[] = [];
    for (let round = 0; round < 40; round++) {
      // Two sweeps at once (a scheduler tick and an Inngest backstop, say), two batches each.
      const options = { now, limit: 1000, concurrency: 2, sendBatch: faultyBatch, requestsPerSecond: Infinity };
      sweeps.push(...(await Promise.all([deliverDueReminders(test.db, options), deliverDueReminders(test.db, options)])));
      if (round === 0) {
        // The 429 burst met the first sweeps (no connection fault took its place).
        expect(sweeps[0]!.rateLimited || sweeps[1]!.rateLimited).toBe(true);
        expect(fake.requests.filter((r) => r.status === 429)).toHaveLength(2);
        // The interviews move while their reminders wait. Everything of theirs still pending and
        // not already handed to the provider in a batch turns stale.
        const movedInterviews = reschedulingLater.map((p) => p.interview.id);
        const stillPending = await test.db
          .select({ id: s.reminders.id })
          .from(s.reminders)
          .where(and(inArray(s.reminders.interviewId, movedInterviews), eq(s.reminders.status, "pending"), isNull(s.reminders.batchId)));
        const stillPendingIds = stillPending.map((r) => r.id);
        expect(stillPendingIds).toEqual(expect.arrayContaining(pendingWhenRescheduled.map((r) => r.id)));
        for (const id of stillPendingIds) staleIds.add(id);
        await test.db
          .update(s.interviews)
          .set({ planVersion: 2 })
          .where(inArray(s.interviews.id, movedInterviews));
      }
      const pending = await test.db.$count(s.reminders, eq(s.reminders.status, "pending"));
      if (pending === 0) break;
      now = addMinutes(now, 5);
    }

    // The injected faults really happened, and batches carried the load.
    expect(fake.requests.filter((r) => r.status === 429)).toHaveLength(2); // and no later sweep met one
    expect(crashedKeys.size).toBe(2);
    expect(sweeps.reduce((n, sweep) => n + sweep.errors, 0)).toBeGreaterThan(0);
    expect(seenKeys.size).toBeGreaterThanOrEqual(Object.keys(schedule).length);
    const batchRequests = fake.requests.filter((r) => r.endpoint === "/emails/batch");
    expect(fake.accepted.filter((email) => email.endpoint === "/emails/batch").length).toBeGreaterThan(800);
    expect(fake.requests.filter((r) => r.endpoint === "/emails" && r.status === 500).length).toBeGreaterThan(0);

    const rows = await test.db.select().from(s.reminders);
    const status = countBy(rows, (r) => r.status);
    const expectedSent = 1000 - cancelledIds.size - staleIds.size;
    expect(staleIds.size).toBeGreaterThanOrEqual(25);
    expect(status).toEqual({ sent: expectedSent, cancelled: cancelledIds.size + staleIds.size });

    // Exactly one accepted email per sent reminder, none for anything cancelled or stale.
    expect(fake.accepted).toHaveLength(expectedSent);
    const perReminder = fake.acceptedByTag("reminder_id");
    expect(perReminder.size).toBe(expectedSent);
    expect([...perReminder.values()].filter((emails) => emails.length > 1)).toEqual([]);
    for (const id of [...cancelledIds, ...staleIds]) expect(perReminder.has(id)).toBe(false);
    for (const row of rows.filter((r) => r.status === "sent")) {
      expect(row.providerMessageId).toBe(perReminder.get(row.id)![0]!.id);
    }
    for (const row of rows.filter((r) => staleIds.has(r.id))) expect(row.lastError).toMatch(/^stale_plan:/);

    // Every batch that may have been accepted without our hearing it was resent under its key
    // and met its first answer: accepted once, replayed at least once, never accepted again.
    const acceptedAtProvider = [...crashedKeys, ...batchRequests.filter((r) => r.status === "dropped" && r.outcome === "accepted").map((r) => r.idempotencyKey!)];
    expect(acceptedAtProvider).toHaveLength(3);
    for (const key of acceptedAtProvider) {
      const forKey = batchRequests.filter((r) => r.idempotencyKey === key);
      expect(forKey.filter((r) => r.outcome === "accepted"), key).toHaveLength(1);
      expect(forKey.filter((r) => r.outcome === "replayed").length, key).toBeGreaterThanOrEqual(1);
    }
    // Nothing is left unresolved.
    expect(await test.db.$count(s.emailBatches, eq(s.emailBatches.status, "sending"))).toBe(0);
  }, 180_000);
});
