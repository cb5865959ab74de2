import { addDays, addMinutes, addSeconds } from "date-fns";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as s from "../../../db/schema";
import { sendEmail } from "../../../server/email/send";
import { deliverReminder, LEASE_MS, MAX_ATTEMPTS, type Send } from "../../../server/delivery/deliver";
import { verifyUnsubscribeToken } from "../../../server/delivery/unsubscribe";
import { useTestDatabase } from "../../helpers/db";
import type { ResendFake } from "../../helpers/resend-fake";
import { startResendFakeForSdk, stopResendFake } from "../../helpers/resend-sdk";
import { createClientWithPipeline, insertReminders, reminderById, reminderFor, T0, type Pipeline } from "./fixtures";

/** Delivery through the real Resend SDK against the local fake: one reminder at a time. */
describe("deliverReminder through Resend", () => {
  const test = useTestDatabase();
  let fake: ResendFake;
  let p: Pipeline;

  beforeAll(async () => {
    fake = await startResendFakeForSdk();
    p = await createClientWithPipeline(test.db, { commitments: 1 });
  });
  afterEach(() => fake.reset());
  afterAll(() => stopResendFake(fake));

  async function oneReminder(kind: Parameters<typeof reminderFor>[1] = "prepare", overrides = {}) {
    const pipeline = await createClientWithPipeline(test.db, { orgId: p.ref.orgId, commitments: 1 });
    const [reminder] = await insertReminders(test.db, [reminderFor(pipeline, kind, overrides)]);
    return { reminder: reminder!, pipeline };
  }

  it("sends once with the dedupe key as Idempotency-Key and one-click unsubscribe headers, then records it", async () => {
    const { reminder, pipeline } = await oneReminder("prepare");
    const outcome = await deliverReminder(test.db, reminder.id, { now: T0 });

    expect(outcome).toMatchObject({ status: "sent", attempts: 1 });
    expect(fake.accepted).toHaveLength(1);
    const [email] = fake.accepted;
    expect(email!.idempotencyKey).toBe(reminder.dedupeKey);
    expect(email!.to).toBe(pipeline.user.email);
    expect(email!.subject).toMatch(/^Get ready for Company /);
    expect(email!.tags).toEqual({ kind: "prepare", reminder_id: reminder.id });
    expect(email!.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    const url = /^<(.+)>$/.exec(email!.headers["List-Unsubscribe"]!)![1]!;
    expect(url).toMatch(/^http:\/\/localhost:3000\/unsubscribe\//);
    expect(verifyUnsubscribeToken(url.split("/").pop()!)).toEqual({ membershipId: pipeline.membership.id, kind: "prepare" });
    expect(email!.html).toContain(url.replace(/&/g, "&amp;"));

    const row = await reminderById(test.db, reminder.id);
    expect(row).toMatchObject({ status: "sent", providerMessageId: email!.id, attempts: 1, leaseUntil: null, lastError: null });
    expect(row.sentAt).toEqual(T0);

    // Delivering again does nothing: the row is no longer pending.
    expect(await deliverReminder(test.db, reminder.id, { now: addMinutes(T0, 5) })).toMatchObject({
      status: "not_claimed",
      why: "sent",
    });
    expect(fake.requests).toHaveLength(1);
  });

  it("never sends a reminder that is not due yet, and says when it will be", async () => {
    const { reminder } = await oneReminder("debrief", { dueAt: addMinutes(T0, 30) });
    expect(await deliverReminder(test.db, reminder.id, { now: T0 })).toEqual({
      status: "not_claimed",
      reminderId: reminder.id,
      why: "not_due",
      retryAt: addMinutes(T0, 30),
    });
    expect(fake.requests).toHaveLength(0);
  });

  it("delivers once when three workers race for the same reminder", async () => {
    const { reminder } = await oneReminder("commitment_due");
    fake.latencyMs = 50;
    const outcomes = await Promise.all([1, 2, 3].map(() => deliverReminder(test.db, reminder.id, { now: T0 })));

    expect(outcomes.filter((o) => o.status === "sent")).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === "not_claimed" && o.why === "leased")).toHaveLength(2);
    expect(fake.accepted).toHaveLength(1);
    expect(fake.requests).toHaveLength(1);
    expect((await reminderById(test.db, reminder.id)).attempts).toBe(1);
  });

  it("after a crash between the provider's acceptance and the record, the retry meets the first message", async () => {
    const { reminder } = await oneReminder("prepare");
    const crashAfterSend: Send = async (db, email) => {
      await sendEmail(db, email);
      throw new Error("worker killed after the provider accepted");
    };
    await expect(deliverReminder(test.db, reminder.id, { now: T0, send: crashAfterSend })).rejects.toThrow("worker killed");
    const crashed = await reminderById(test.db, reminder.id);
    expect(crashed).toMatchObject({ status: "pending", attempts: 1 });
    expect(crashed.leaseUntil).toEqual(new Date(+T0 + LEASE_MS));

    // While the lease holds, nobody else may take it.
    expect(await deliverReminder(test.db, reminder.id, { now: addSeconds(T0, 30) })).toMatchObject({ why: "leased" });

    const outcome = await deliverReminder(test.db, reminder.id, { now: addSeconds(T0, 61) });
    expect(outcome).toMatchObject({ status: "sent", attempts: 2, providerMessageId: fake.accepted[0]!.id });
    expect(fake.accepted).toHaveLength(1);
    expect(fake.requests.map((r) => r.outcome)).toEqual(["accepted", "replayed"]);
  });

  it("retries after a lost response (accepted, then the connection dropped) without a second email", async () => {
    const { reminder } = await oneReminder("check_in");
    fake.failKey(reminder.dedupeKey, { kind: "drop_after_accept" });
    const first = await deliverReminder(test.db, reminder.id, { now: T0 });
    expect(first).toMatchObject({ status: "retry", reason: "transient" });

    const second = await deliverReminder(test.db, reminder.id, { now: addMinutes(T0, 2) });
    expect(second).toMatchObject({ status: "sent", providerMessageId: fake.accepted[0]!.id });
    expect(fake.accepted).toHaveLength(1);
  });

  it("waits out a 429 for the time the provider asks, without spending an attempt", async () => {
    const { reminder } = await oneReminder("prepare");
    fake.failNext(1, { kind: "rate_limit", retryAfterSeconds: 7 });
    const outcome = await deliverReminder(test.db, reminder.id, { now: T0 });
    expect(outcome).toMatchObject({ status: "retry", reason: "rate_limited", retryAt: addSeconds(T0, 7), attempts: 0 });
    expect(await reminderById(test.db, reminder.id)).toMatchObject({
      status: "pending",
      attempts: 0,
      nextAttemptAt: addSeconds(T0, 7),
      leaseUntil: null,
    });
    expect(await deliverReminder(test.db, reminder.id, { now: addSeconds(T0, 3) })).toMatchObject({ why: "backing_off" });
    expect(await deliverReminder(test.db, reminder.id, { now: addSeconds(T0, 7) })).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("treats a quota 429 without retry-after as a long wait, not a failure", async () => {
    const { reminder } = await oneReminder("prepare");
    fake.failNext(1, { kind: "rate_limit", name: "daily_quota_exceeded", retryAfterSeconds: 3600 });
    expect(await deliverReminder(test.db, reminder.id, { now: T0 })).toMatchObject({
      status: "retry",
      reason: "rate_limited",
      retryAt: addSeconds(T0, 3600),
    });
  });

  it("asks again shortly when the same key is already in flight at the provider (409)", async () => {
    const { reminder } = await oneReminder("prepare");
    fake.failNext(1, { kind: "concurrent" });
    expect(await deliverReminder(test.db, reminder.id, { now: T0 })).toMatchObject({
      status: "retry",
      reason: "in_progress",
      retryAt: addSeconds(T0, 5),
      attempts: 0,
    });
    expect(await deliverReminder(test.db, reminder.id, { now: addSeconds(T0, 5) })).toMatchObject({ status: "sent" });
  });

  it("when a slow worker's lease runs out, the second worker meets the in-flight key and the first one records the send", async () => {
    const { reminder } = await oneReminder("prepare");
    fake.latencyMs = 400;
    const inFlight = fake.nextInFlight();
    const slow = deliverReminder(test.db, reminder.id, { now: T0 });
    expect(await inFlight).toBe(reminder.dedupeKey);
    const late = await deliverReminder(test.db, reminder.id, { now: addSeconds(T0, 61) });
    expect(late).toMatchObject({ status: "retry", reason: "in_progress" });
    expect(await slow).toMatchObject({ status: "sent" });
    expect(fake.accepted).toHaveLength(1);
    expect(await reminderById(test.db, reminder.id)).toMatchObject({ status: "sent", providerMessageId: fake.accepted[0]!.id });
  });

  it("backs off exponentially on 500s and network drops, then succeeds with the same key", async () => {
    const { reminder } = await oneReminder("prepare");
    fake.failKey(reminder.dedupeKey, { kind: "server_error" }, { kind: "drop" }, { kind: "bad_gateway" });
    let now = T0;
    const retryAts: Date[] = [];
    for (let i = 0; i < 3; i++) {
      const outcome = await deliverReminder(test.db, reminder.id, { now });
      expect(outcome).toMatchObject({ status: "retry", reason: "transient", attempts: i + 1 });
      retryAts.push((outcome as { retryAt: Date }).retryAt);
      now = (outcome as { retryAt: Date }).retryAt;
    }
    const gaps = retryAts.map((at, i) => +at - +(i === 0 ? T0 : retryAts[i - 1]!));
    expect(gaps[0]).toBeGreaterThanOrEqual(30_000);
    expect(gaps[1]).toBeGreaterThanOrEqual(2 * 30_000);
    expect(gaps[2]).toBeGreaterThanOrEqual(4 * 30_000);
    expect(await deliverReminder(test.db, reminder.id, { now })).toMatchObject({ status: "sent", attempts: 4 });
    expect(fake.accepted).toHaveLength(1);
    expect((await reminderById(test.db, reminder.id)).lastError).toBeNull();
  });

  it(`fails after ${MAX_ATTEMPTS} transient failures and keeps the last error`, async () => {
    const { reminder } = await oneReminder("prepare");
    fake.failKey(reminder.dedupeKey, ...Array.from({ length: MAX_ATTEMPTS }, () => ({ kind: "server_error" }) as const));
    let now = T0;
    let outcome;
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      outcome = await deliverReminder(test.db, reminder.id, { now });
      if (outcome.status === "retry") now = outcome.retryAt;
    }
    expect(outcome).toMatchObject({ status: "failed", reason: "gave_up", attempts: MAX_ATTEMPTS });
    expect(+now - +T0).toBeLessThan(3 * 60 * 60_000);
    const row = await reminderById(test.db, reminder.id);
    expect(row.status).toBe("failed");
    expect(row.lastError).toContain("internal_server_error");
    expect(fake.accepted).toHaveLength(0);
  });

  it("fails at once when the provider refuses the email (422), keeping the error", async () => {
    const { reminder } = await oneReminder("prepare");
    fake.failNext(1, { kind: "invalid" });
    expect(await deliverReminder(test.db, reminder.id, { now: T0 })).toMatchObject({ status: "failed", reason: "permanent" });
    expect((await reminderById(test.db, reminder.id)).lastError).toContain("validation_error");
  });

  it("fails a reminder to a suppressed address without calling the provider", async () => {
    const { reminder, pipeline } = await oneReminder("prepare");
    await test.db.insert(s.emailSuppressions).values({ email: pipeline.user.email, reason: "hard bounce" });
    const outcome = await deliverReminder(test.db, reminder.id, { now: T0 });
    expect(outcome).toMatchObject({ status: "failed", reason: "suppressed" });
    expect(await reminderById(test.db, reminder.id)).toMatchObject({ status: "failed" });
    expect((await reminderById(test.db, reminder.id)).lastError).toContain("suppressed");
    expect(fake.requests).toHaveLength(0);
  });

  it("cancels instead of sending when the recipient switched the kind off", async () => {
    const { reminder, pipeline } = await oneReminder("prepare");
    await test.db.update(s.users).set({ reminderPreferences: { prepare: false, debrief: true } }).where(eq(s.users.id, pipeline.user.id));
    const outcome = await deliverReminder(test.db, reminder.id, { now: T0 });
    expect(outcome).toMatchObject({ status: "cancelled", reason: "preference_off" });
    const row = await reminderById(test.db, reminder.id);
    expect(row).toMatchObject({ status: "cancelled", cancelledAt: T0, leaseUntil: null });
    expect(row.lastError).toMatch(/^preference_off:/);
    expect(fake.requests).toHaveLength(0);
  });

  it("cancels a reminder planned under an older plan version (the interview was rescheduled)", async () => {
    const { reminder, pipeline } = await oneReminder("debrief");
    await test.db.update(s.interviews).set({ planVersion: 2 }).where(eq(s.interviews.id, pipeline.interview.id));
    expect(await deliverReminder(test.db, reminder.id, { now: T0 })).toMatchObject({ status: "cancelled", reason: "stale_plan" });
    expect(fake.requests).toHaveLength(0);
  });

  it("judges an application-keyed reminder by the application's version even when it names an interview", async () => {
    const { reminder, pipeline } = await oneReminder("proposal_suggestion", {});
    await test.db.update(s.reminders).set({ interviewId: pipeline.interview.id }).where(eq(s.reminders.id, reminder.id));
    await test.db.update(s.interviews).set({ planVersion: 5 }).where(eq(s.interviews.id, pipeline.interview.id));
    expect(await deliverReminder(test.db, reminder.id, { now: T0 })).toMatchObject({ status: "sent" });

    const { reminder: other, pipeline: second } = await oneReminder("reconnect");
    await test.db.update(s.applications).set({ planVersion: 2 }).where(eq(s.applications.id, second.application.id));
    expect(await deliverReminder(test.db, other.id, { now: T0 })).toMatchObject({ status: "cancelled", reason: "stale_plan" });
  });

  it("cancels a promise reminder once the promise is done, and a reminder to an archived member", async () => {
    const { reminder, pipeline } = await oneReminder("commitment_overdue");
    await test.db.update(s.commitments).set({ doneAt: T0 }).where(eq(s.commitments.id, pipeline.commitments[0]!.id));
    expect(await deliverReminder(test.db, reminder.id, { now: T0 })).toMatchObject({ status: "cancelled", reason: "subject_closed" });

    const { reminder: archived, pipeline: gone } = await oneReminder("prepare");
    await test.db.update(s.memberships).set({ status: "archived" }).where(eq(s.memberships.id, gone.membership.id));
    expect(await deliverReminder(test.db, archived.id, { now: T0 })).toMatchObject({ status: "cancelled", reason: "recipient_inactive" });
    expect(fake.requests).toHaveLength(0);
  });

  it("records a send when the key was already used with a different payload (the data changed after a lost answer)", async () => {
    const { reminder, pipeline } = await oneReminder("prepare");
    const crashAfterSend: Send = async (db, email) => {
      await sendEmail(db, email);
      throw new Error("crash");
    };
    await expect(deliverReminder(test.db, reminder.id, { now: T0, send: crashAfterSend })).rejects.toThrow("crash");
    await test.db.update(s.applications).set({ roleTitle: "Senior Product Designer" }).where(eq(s.applications.id, pipeline.application.id));

    const outcome = await deliverReminder(test.db, reminder.id, { now: addSeconds(T0, 61) });
    expect(outcome).toMatchObject({ status: "sent", providerMessageId: null });
    expect(fake.accepted).toHaveLength(1);
    expect((await reminderById(test.db, reminder.id)).lastError).toContain("invalid_idempotent_request");
  });

  it("gives up on a reminder whose deliveries keep crashing before a verdict", async () => {
    const { reminder } = await oneReminder("prepare");
    const crash: Send = async () => {
      throw new Error("boom before sending");
    };
    let now = T0;
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await expect(deliverReminder(test.db, reminder.id, { now, send: crash })).rejects.toThrow("boom");
      now = new Date(+now + LEASE_MS);
    }
    expect(await deliverReminder(test.db, reminder.id, { now })).toMatchObject({ status: "failed", reason: "gave_up" });
    expect(fake.requests).toHaveLength(0);
  });

  it("cancels a nudge reminder whose nudge is gone, and a digest delivered after the week it covers (by the delivery clock)", async () => {
    const { reminder } = await oneReminder("coach_nudge", { dedupeKey: "coach_nudge/not-a-nudge-id" });
    // A nudge reminder without a nudge cannot be composed: cancelled as missing, never sent.
    expect(await deliverReminder(test.db, reminder.id, { now: T0 })).toMatchObject({ status: "cancelled", reason: "missing_subject" });

    const { reminder: digest } = await oneReminder("client_digest", { dedupeKey: `client_digest/${p.membership.id}/${+addDays(T0, 1)}` });
    expect(await deliverReminder(test.db, digest.id, { now: addDays(T0, 8) })).toMatchObject({ status: "cancelled", reason: "subject_closed" });
    expect(fake.requests).toHaveLength(0);
  });
});
