import { addMinutes, addSeconds } from "date-fns";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { withOrg } from "../../../db";
import * as s from "../../../db/schema";
import { pgErrorCode } from "../../../db/sql";
import type { SendBatch } from "../../../server/delivery/batch";
import { deliverReminder, LEASE_MS, MAX_ATTEMPTS, type Send } from "../../../server/delivery/deliver";
import { deliverDueReminders, type SweepOptions } from "../../../server/delivery/sweep";
import { sendBatchWithResend, sendEmail } from "../../../server/email/send";
import { useTestDatabase } from "../../helpers/db";
import type { ResendFake } from "../../helpers/resend-fake";
import { startResendFakeForSdk, stopResendFake } from "../../helpers/resend-sdk";
import { createClientWithPipeline, insertReminders, reminderById, reminderFor, T0, type Pipeline, type Reminder } from "./fixtures";

/** Reminders through Resend's batch endpoint (the real SDK against the local fake): each sent exactly once. */
describe("delivering reminders in batches", () => {
  const test = useTestDatabase();
  let fake: ResendFake;

  beforeAll(async () => {
    fake = await startResendFakeForSdk();
  });
  afterEach(async () => {
    fake.reset();
    // Each test starts with nothing pending or unresolved from the one before.
    await test.db.update(s.reminders).set({ status: "cancelled", batchId: null }).where(eq(s.reminders.status, "pending"));
    await test.db.update(s.emailBatches).set({ status: "abandoned" }).where(eq(s.emailBatches.status, "sending"));
  });
  afterAll(() => stopResendFake(fake));

  /** The sweep in batch mode, unpaced (tests move the clock themselves). */
  const sweep = (now: Date, options: SweepOptions = {}) =>
    deliverDueReminders(test.db, { now, mode: "batch", requestsPerSecond: Infinity, ...options });

  /** One client with `count` promises, each with a due commitment reminder. */
  async function dueReminders(count: number): Promise<{ pipeline: Pipeline; reminders: Reminder[] }> {
    const pipeline = await createClientWithPipeline(test.db, { commitments: count });
    const reminders = await insertReminders(
      test.db,
      pipeline.commitments.map((c, i) => reminderFor(pipeline, "commitment_due", { commitmentId: c.id, dueAt: addSeconds(T0, -3600 + i) })),
    );
    return { pipeline, reminders };
  }

  const batchOf = async (reminderId: string) => {
    const row = await reminderById(test.db, reminderId);
    if (!row.batchId) return null;
    const [batch] = await test.db.select().from(s.emailBatches).where(eq(s.emailBatches.id, row.batchId));
    return batch!;
  };

  /** Each reminder accepted by the provider exactly once, and recorded with that email's id. */
  async function expectSentOnce(reminders: Reminder[]) {
    const perReminder = fake.acceptedByTag("reminder_id");
    for (const reminder of reminders) {
      const emails = perReminder.get(reminder.id) ?? [];
      expect(emails, `emails for ${reminder.id}`).toHaveLength(1);
      expect(await reminderById(test.db, reminder.id)).toMatchObject({ status: "sent", providerMessageId: emails[0]!.id });
    }
  }

  /** Sends the batch for real, then dies before the answer is recorded. */
  const crashAfterAccepted: SendBatch = async (emails, key) => {
    await sendBatchWithResend(emails, key);
    throw new Error("worker killed after the provider accepted the batch");
  };

  it("sends due reminders as one batch under a batch key, with their tags and unsubscribe headers, and records each id", async () => {
    const { pipeline, reminders } = await dueReminders(3);
    const [extra] = await insertReminders(test.db, [reminderFor(pipeline, "prepare")]);
    const all = [...reminders, extra!];

    expect(await sweep(T0)).toMatchObject({ picked: 4, sent: 4, batches: 1, rateLimited: false });

    expect(fake.requests).toEqual([expect.objectContaining({ endpoint: "/emails/batch", status: 200, outcome: "accepted", emails: 4 })]);
    const key = fake.requests[0]!.idempotencyKey!;
    expect(key).toMatch(/^batch\/[0-9a-f-]{36}$/);
    for (const email of fake.accepted) {
      expect(email.to).toBe(pipeline.user.email);
      expect(email.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
      expect(email.headers["List-Unsubscribe"]).toMatch(/^<http:\/\/localhost:3000\/unsubscribe\/.+>$/);
    }
    expect(fake.accepted.map((email) => email.tags)).toEqual(
      expect.arrayContaining(all.map((r) => ({ kind: r.kind, reminder_id: r.id }))),
    );
    await expectSentOnce(all);

    const batch = await batchOf(all[0]!.id);
    expect(batch).toMatchObject({ idempotencyKey: key, status: "sent", payload: null, attempts: 1, inDoubt: false, sentAt: T0 });
    expect(batch!.reminderIds).toHaveLength(4);
    for (const r of all) expect((await reminderById(test.db, r.id)).batchId).toBe(batch!.id);
  });

  it("splits what is due into batches of at most 100", async () => {
    const { reminders } = await dueReminders(230);
    expect(await sweep(T0)).toMatchObject({ picked: 230, sent: 230, batches: 3 });
    expect(fake.requests.map((r) => r.emails).sort((a, b) => a - b)).toEqual([30, 100, 100]);
    await expectSentOnce(reminders);
  });

  it("after a crash between the provider's acceptance and the record, resends the stored batch under its key: one email each", async () => {
    const { reminders } = await dueReminders(5);
    const errors: string[] = [];
    const first = await sweep(T0, { sendBatch: crashAfterAccepted, onError: (id) => errors.push(id) });
    expect(first).toMatchObject({ errors: 5, sent: 0 });
    expect(fake.accepted).toHaveLength(5);
    const batch = (await batchOf(reminders[0]!.id))!;
    expect(batch).toMatchObject({ status: "sending", attempts: 1, inDoubt: false });
    expect(batch.leaseUntil).toEqual(new Date(+T0 + LEASE_MS));

    // While the lease holds, nobody sends them: not the sweep, not a per-reminder run.
    expect(await sweep(addSeconds(T0, 30))).toMatchObject({ picked: 0, batches: 0 });
    expect(await deliverReminder(test.db, reminders[0]!.id, { now: addSeconds(T0, 30) })).toMatchObject({
      status: "not_claimed",
      why: "batched",
      retryAt: new Date(+T0 + LEASE_MS),
    });

    const second = await sweep(addSeconds(T0, 61));
    expect(second).toMatchObject({ picked: 5, sent: 5, batches: 1 });
    expect(fake.requests.map((r) => [r.idempotencyKey, r.outcome])).toEqual([
      [batch.idempotencyKey, "accepted"],
      [batch.idempotencyKey, "replayed"],
    ]);
    await expectSentOnce(reminders);
    expect(await batchOf(reminders[0]!.id)).toMatchObject({ status: "sent", attempts: 2, inDoubt: true, payload: null });
  });

  it("retries a batch whose answer was lost (accepted, then the connection dropped) without sending it twice", async () => {
    const { reminders } = await dueReminders(4);
    fake.failNext(1, { kind: "drop_after_accept" }, "/emails/batch");
    expect(await sweep(T0)).toMatchObject({ retrying: 4, sent: 0 });
    const batch = (await batchOf(reminders[0]!.id))!;
    expect(batch).toMatchObject({ status: "sending", inDoubt: true, leaseUntil: null, attempts: 1 });

    expect(await sweep(batch.nextAttemptAt!)).toMatchObject({ sent: 4 });
    await expectSentOnce(reminders);
  });

  it("sends a reminder whose single delivery died mid-flight alone, under its own key, never in a batch", async () => {
    const { reminders } = await dueReminders(3);
    const crashed = reminders[0]!;
    const crashAfterSend: Send = async (db, email) => {
      await sendEmail(db, email);
      throw new Error("per-reminder run killed after the provider accepted");
    };
    await expect(deliverReminder(test.db, crashed.id, { now: T0, send: crashAfterSend })).rejects.toThrow("killed");

    // Its lease still holds: the others go in a batch without it.
    expect(await sweep(addSeconds(T0, 30))).toMatchObject({ sent: 2, batches: 1 });
    // Once it expired, it goes alone under its dedupe key, which meets the first message.
    expect(await sweep(addSeconds(T0, 61))).toMatchObject({ picked: 1, sent: 1, batches: 0 });
    expect(fake.requests.filter((r) => r.idempotencyKey === crashed.dedupeKey).map((r) => r.outcome)).toEqual(["accepted", "replayed"]);
    await expectSentOnce(reminders);
  });

  it("never batches a reminder whose single send may have been accepted (a 500 after acceptance): it retries alone, under its own key", async () => {
    const { reminders } = await dueReminders(2);
    const doubtful = reminders[0]!;
    fake.failKey(doubtful.dedupeKey, { kind: "drop_after_accept" });
    const first = await deliverReminder(test.db, doubtful.id, { now: T0 });
    expect(first).toMatchObject({ status: "retry", reason: "transient" });
    const retryAt = (first as { retryAt: Date }).retryAt;

    // Every sweep until then batches the other one and leaves this one to its own key.
    expect(await sweep(addSeconds(T0, 1))).toMatchObject({ sent: 1, batches: 1 });
    expect(await sweep(addSeconds(retryAt, -1))).toMatchObject({ picked: 0 });
    expect(await sweep(retryAt)).toMatchObject({ picked: 1, sent: 1, batches: 0 });
    expect(fake.requests.filter((r) => r.idempotencyKey === doubtful.dedupeKey).map((r) => r.outcome)).toEqual(["accepted", "replayed"]);
    await expectSentOnce(reminders);
  });

  it("after a refused batch (422), sends one by one only the members still pending, not one a re-plan cancelled meanwhile", async () => {
    const { reminders } = await dueReminders(3);
    const cancelledMeanwhile = reminders[1]!;
    const refuseAfterCancel: SendBatch = async (emails, key) => {
      await test.db.update(s.reminders).set({ status: "cancelled", cancelledAt: T0 }).where(eq(s.reminders.id, cancelledMeanwhile.id));
      fake.failKey(key, { kind: "invalid" });
      return sendBatchWithResend(emails, key);
    };
    expect(await sweep(T0, { sendBatch: refuseAfterCancel })).toMatchObject({ sent: 2, batches: 1 });
    expect(fake.acceptedByTag("reminder_id").get(cancelledMeanwhile.id)).toBeUndefined();
    expect(await reminderById(test.db, cancelledMeanwhile.id)).toMatchObject({ status: "cancelled", batchId: null });
    await expectSentOnce(reminders.filter((r) => r !== cancelledMeanwhile));
  });

  it("does not resend a member cancelled while its batch (certainly not accepted) waited out a 429: the rest go in a new batch", async () => {
    const { reminders } = await dueReminders(3);
    const cancelledMeanwhile = reminders[0]!;
    fake.failNext(1, { kind: "rate_limit", retryAfterSeconds: 2 }, "/emails/batch");
    await sweep(T0);
    await test.db.update(s.reminders).set({ status: "cancelled", cancelledAt: T0 }).where(eq(s.reminders.id, cancelledMeanwhile.id));

    await sweep(addSeconds(T0, 2));
    expect(fake.acceptedByTag("reminder_id").get(cancelledMeanwhile.id)).toBeUndefined();
    expect(await reminderById(test.db, cancelledMeanwhile.id)).toMatchObject({ status: "cancelled" });
    await expectSentOnce(reminders.slice(1));
  });

  it("a batch refused unread (a revoked key) is not in doubt: a later 422 still falls back to one by one", async () => {
    const { reminders } = await dueReminders(2);
    fake.failNext(1, { kind: "invalid_api_key" }, "/emails/batch");
    expect(await sweep(T0)).toMatchObject({ sent: 0, retrying: 2 });
    const [batch] = await test.db.select().from(s.emailBatches).where(eq(s.emailBatches.idempotencyKey, fake.requests[0]!.idempotencyKey!));
    expect(batch).toMatchObject({ status: "sending", inDoubt: false });

    fake.failNext(1, { kind: "invalid" }, "/emails/batch");
    await sweep(batch!.nextAttemptAt!);
    expect(await test.db.select().from(s.emailBatches).where(eq(s.emailBatches.id, batch!.id))).toMatchObject([{ status: "abandoned" }]);
    // The members still hold their first claim; once it expires they go alone, under their own keys.
    await sweep(addSeconds(T0, 61));
    expect(fake.accepted.map((email) => email.endpoint)).toEqual(["/emails", "/emails"]);
    await expectSentOnce(reminders);
  });

  it("two sweeps at once take disjoint reminders and send each once", async () => {
    const { reminders } = await dueReminders(150);
    fake.latencyMs = 100;
    const [a, b] = await Promise.all([sweep(T0, { concurrency: 2 }), sweep(T0, { concurrency: 2 })]);
    expect(a.picked + b.picked).toBe(150);
    expect(a.sent + b.sent).toBe(150);
    await expectSentOnce(reminders);
    expect(fake.requests.every((r) => r.outcome === "accepted")).toBe(true);
  });

  it("on a 429, keeps the batch and resends it as it is after retry-after, without spending an attempt", async () => {
    const { reminders } = await dueReminders(12);
    fake.failNext(1, { kind: "rate_limit", retryAfterSeconds: 3 }, "/emails/batch");
    // One batch at a time, so that nothing else was claimed before the 429 came back.
    expect(await sweep(T0, { batchSize: 5, concurrency: 1 })).toMatchObject({ picked: 5, retrying: 5, rateLimited: true, sent: 0, batches: 1 });
    const batch = (await batchOf(reminders[0]!.id))!;
    expect(batch).toMatchObject({ status: "sending", attempts: 0, inDoubt: false, leaseUntil: null, nextAttemptAt: addSeconds(T0, 3) });
    expect(batch.payload).toHaveLength(5);

    // The others were never claimed: they go in the next sweep; the kept batch waits its turn.
    expect(await sweep(addSeconds(T0, 2), { batchSize: 5 })).toMatchObject({ picked: 7, sent: 7, batches: 2 });
    expect(await batchOf(reminders[0]!.id)).toMatchObject({ id: batch.id, status: "sending" });
    expect(await sweep(addSeconds(T0, 3), { batchSize: 5 })).toMatchObject({ picked: 5, sent: 5, batches: 1 });
    expect(fake.requests.at(-1)).toMatchObject({ idempotencyKey: batch.idempotencyKey, outcome: "accepted", emails: 5 });
    await expectSentOnce(reminders);
  });

  it("on a quota 429 (a long wait), abandons the batch (nothing was accepted) and frees its members until then, attempt given back", async () => {
    const { reminders } = await dueReminders(3);
    fake.failNext(1, { kind: "rate_limit", name: "daily_quota_exceeded", retryAfterSeconds: 3600 }, "/emails/batch");
    expect(await sweep(T0)).toMatchObject({ retrying: 3, rateLimited: true, sent: 0 });
    const [abandoned] = await test.db.select().from(s.emailBatches).where(eq(s.emailBatches.idempotencyKey, fake.requests[0]!.idempotencyKey!));
    expect(abandoned).toMatchObject({ status: "abandoned", payload: null });
    for (const r of reminders) {
      expect(await reminderById(test.db, r.id)).toMatchObject({ status: "pending", batchId: null, attempts: 0, leaseUntil: null, nextAttemptAt: addSeconds(T0, 3600) });
    }
    // Afterwards they go in a new batch, under a new key.
    expect(await sweep(addSeconds(T0, 3600))).toMatchObject({ sent: 3 });
    expect(fake.requests[1]!.idempotencyKey).not.toBe(fake.requests[0]!.idempotencyKey);
    await expectSentOnce(reminders);
  });

  it("on a quota 429 after an attempt that may have been accepted, keeps the batch and its key instead of abandoning it", async () => {
    const { reminders } = await dueReminders(3);
    fake.failNext(1, { kind: "drop_after_accept" }, "/emails/batch");
    await sweep(T0);
    const batch = (await batchOf(reminders[0]!.id))!;

    fake.failNext(1, { kind: "rate_limit", name: "daily_quota_exceeded", retryAfterSeconds: 3600 }, "/emails/batch");
    expect(await sweep(batch.nextAttemptAt!)).toMatchObject({ rateLimited: true, retrying: 3 });
    const later = addSeconds(batch.nextAttemptAt!, 3600);
    expect(await batchOf(reminders[0]!.id)).toMatchObject({ id: batch.id, status: "sending", inDoubt: true, nextAttemptAt: later });
    expect((await reminderById(test.db, reminders[0]!.id)).batchId).toBe(batch.id);

    expect(await sweep(later)).toMatchObject({ sent: 3 });
    expect(fake.requests.map((r) => r.outcome)).toEqual(["accepted", "fault", "replayed"]);
    await expectSentOnce(reminders);
  });

  it("keeps the batch through 500s and resends the stored payload under the same key", async () => {
    const { reminders } = await dueReminders(3);
    fake.failNext(1, { kind: "server_error" }, "/emails/batch");
    fake.failNext(1, { kind: "bad_gateway" }, "/emails/batch");
    expect(await sweep(T0)).toMatchObject({ retrying: 3 });
    let batch = (await batchOf(reminders[0]!.id))!;
    expect(batch).toMatchObject({ status: "sending", attempts: 1, inDoubt: true });
    expect(+batch.nextAttemptAt! - +T0).toBeGreaterThanOrEqual(30_000);
    // Not before its backoff.
    expect(await sweep(addSeconds(T0, 10))).toMatchObject({ batches: 0 });

    expect(await sweep(batch.nextAttemptAt!)).toMatchObject({ retrying: 3 });
    batch = (await batchOf(reminders[0]!.id))!;
    expect(batch.attempts).toBe(2);
    expect(await sweep(batch.nextAttemptAt!)).toMatchObject({ sent: 3 });
    expect(new Set(fake.requests.map((r) => r.idempotencyKey))).toEqual(new Set([batch.idempotencyKey]));
    await expectSentOnce(reminders);
    expect(await batchOf(reminders[0]!.id)).toMatchObject({ status: "sent", attempts: 3 });
  });

  it(`gives up on a batch after ${MAX_ATTEMPTS} transient failures and fails its members`, async () => {
    const { reminders } = await dueReminders(2);
    fake.failNext(MAX_ATTEMPTS, { kind: "server_error" }, "/emails/batch");
    let now = T0;
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await sweep(now);
      const batch = await batchOf(reminders[0]!.id);
      if (batch?.nextAttemptAt && batch.status === "sending") now = batch.nextAttemptAt;
    }
    expect(+now - +T0).toBeLessThan(3 * 60 * 60_000);
    expect(await batchOf(reminders[0]!.id)).toMatchObject({ status: "failed", payload: null });
    for (const r of reminders) {
      const row = await reminderById(test.db, r.id);
      expect(row.status).toBe("failed");
      expect(row.lastError).toContain("internal_server_error");
    }
    expect(fake.accepted).toHaveLength(0);
  });

  it("asks again shortly when the batch key is in flight (409), without spending an attempt", async () => {
    const { reminders } = await dueReminders(2);
    fake.failNext(1, { kind: "concurrent" }, "/emails/batch");
    expect(await sweep(T0)).toMatchObject({ retrying: 2 });
    const batch = (await batchOf(reminders[0]!.id))!;
    expect(batch).toMatchObject({ status: "sending", attempts: 0, inDoubt: true, nextAttemptAt: addSeconds(T0, 5) });
    expect(await sweep(addSeconds(T0, 5))).toMatchObject({ sent: 2 });
    await expectSentOnce(reminders);
  });

  it("when the provider refuses the whole batch (422), sends its members one by one under their own keys", async () => {
    const { reminders } = await dueReminders(4);
    const invalid = reminders[2]!;
    fake.failNext(1, { kind: "invalid" }, "/emails/batch");
    fake.failKey(invalid.dedupeKey, { kind: "invalid" });

    expect(await sweep(T0)).toMatchObject({ picked: 4, sent: 3, failed: 1, batches: 1 });
    const [refused] = await test.db.select().from(s.emailBatches).where(eq(s.emailBatches.idempotencyKey, fake.requests[0]!.idempotencyKey!));
    expect(refused).toMatchObject({ status: "abandoned" });
    expect(fake.requests.slice(1).map((r) => r.endpoint)).toEqual(["/emails", "/emails", "/emails", "/emails"]);
    const others = reminders.filter((r) => r !== invalid);
    expect(fake.accepted.map((email) => email.idempotencyKey).sort()).toEqual(others.map((r) => r.dedupeKey).sort());
    await expectSentOnce(others);
    const failed = await reminderById(test.db, invalid.id);
    expect(failed).toMatchObject({ status: "failed", batchId: null });
    expect(failed.lastError).toContain("validation_error");
    for (const r of others) expect(await reminderById(test.db, r.id)).toMatchObject({ attempts: 1 });
  });

  it("when a batch kept through a 429 is then refused (422), its members go one by one once their claim expires", async () => {
    const { reminders } = await dueReminders(3);
    fake.failNext(1, { kind: "rate_limit", retryAfterSeconds: 2 }, "/emails/batch");
    fake.failNext(1, { kind: "invalid" }, "/emails/batch");
    await sweep(T0);
    expect(await sweep(addSeconds(T0, 2))).toMatchObject({ batches: 1, sent: 0 });
    for (const r of reminders) expect(await reminderById(test.db, r.id)).toMatchObject({ status: "pending", batchId: null });

    expect(await sweep(addSeconds(T0, 61))).toMatchObject({ picked: 3, sent: 3, batches: 0 });
    expect(fake.accepted.map((email) => email.idempotencyKey).sort()).toEqual(reminders.map((r) => r.dedupeKey).sort());
    await expectSentOnce(reminders);
  });

  it("records a member that a re-plan cancelled while its batch was in flight as sent, and never sends it again", async () => {
    const { reminders } = await dueReminders(3);
    const cancelledMidFlight = reminders[1]!;
    const cancelThenSend: SendBatch = async (emails, key) => {
      // What replanApplication does to a pending reminder it no longer wants.
      await test.db
        .update(s.reminders)
        .set({ status: "cancelled", cancelledAt: T0, leaseUntil: null })
        .where(eq(s.reminders.id, cancelledMidFlight.id));
      return sendBatchWithResend(emails, key);
    };
    expect(await sweep(T0, { sendBatch: cancelThenSend })).toMatchObject({ sent: 3 });
    await expectSentOnce(reminders);
    expect(await reminderById(test.db, cancelledMidFlight.id)).toMatchObject({ status: "sent", cancelledAt: null });

    // A re-plan can only revive cancelled rows: this one stays sent.
    await test.db
      .update(s.reminders)
      .set({ status: "pending", cancelledAt: null })
      .where(and(inArray(s.reminders.id, reminders.map((r) => r.id)), eq(s.reminders.status, "cancelled")));
    expect(await sweep(addMinutes(T0, 5))).toMatchObject({ picked: 0 });
    expect(fake.accepted).toHaveLength(3);
  });

  it("records the batch as sent when its key was already used with another payload (the stored body changed after a lost answer)", async () => {
    const { reminders } = await dueReminders(2);
    await sweep(T0, { sendBatch: crashAfterAccepted });
    const batch = (await batchOf(reminders[0]!.id))!;
    // As if the serialisation changed between attempts (a deploy in between).
    await test.db
      .update(s.emailBatches)
      .set({ payload: batch.payload!.map((email) => ({ ...email, subject: `${email.subject} ` })) })
      .where(eq(s.emailBatches.id, batch.id));

    expect(await sweep(addSeconds(T0, 61))).toMatchObject({ sent: 2 });
    expect(fake.requests.map((r) => r.outcome)).toEqual(["accepted", "key_reused"]);
    expect(fake.accepted).toHaveLength(2);
    for (const r of reminders) {
      const row = await reminderById(test.db, r.id);
      expect(row).toMatchObject({ status: "sent", providerMessageId: null });
      expect(row.lastError).toContain("invalid_idempotent_request");
    }
  });

  it("leaves suppressed addresses out of the batch and fails their reminders", async () => {
    const { reminders } = await dueReminders(2);
    const other = await createClientWithPipeline(test.db, { commitments: 1 });
    const [blocked] = await insertReminders(test.db, [reminderFor(other, "commitment_due")]);
    await test.db.insert(s.emailSuppressions).values({ email: other.user.email.toLowerCase(), reason: "hard bounce" });

    expect(await sweep(T0)).toMatchObject({ sent: 2, failed: 1, batches: 1 });
    expect(fake.requests[0]!.emails).toBe(2);
    await expectSentOnce(reminders);
    const row = await reminderById(test.db, blocked!.id);
    expect(row).toMatchObject({ status: "failed", batchId: null });
    expect(row.lastError).toMatch(/^suppressed:/);
  });

  it("cancels what is no longer worth sending before batching, exactly as one by one", async () => {
    const { pipeline, reminders } = await dueReminders(3);
    await test.db.update(s.commitments).set({ doneAt: T0 }).where(eq(s.commitments.id, pipeline.commitments[0]!.id));
    expect(await sweep(T0)).toMatchObject({ picked: 3, cancelled: 1, sent: 2 });
    const cancelled = await reminderById(test.db, reminders[0]!.id);
    expect(cancelled).toMatchObject({ status: "cancelled", batchId: null });
    expect(cancelled.lastError).toMatch(/^subject_closed:/);
    expect(fake.requests[0]!.emails).toBe(2);
  });

  it("keeps the batches (every tenant's rendered emails) out of the application role's reach", async () => {
    const { pipeline } = await dueReminders(1);
    await sweep(T0);
    const code = await withOrg(test.db, pipeline.ref.orgId, (tx) => tx.select().from(s.emailBatches)).then(() => null, pgErrorCode);
    expect(code).toBe("42501");
  });
});
