import { addMinutes } from "date-fns";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as s from "../../../db/schema";
import { deliverReminder, type Send } from "../../../server/delivery/deliver";
import { deliverDueReminders } from "../../../server/delivery/sweep";
import { resetResendClient, sendEmail } from "../../../server/email/send";
import { createOrg } from "../../factories";
import { useTestDatabase } from "../../helpers/db";
import { ResendFake } from "../../helpers/resend-fake";
import { countBy, createClientsInBulk, insertReminders, reminderFor, T0, type Pipeline, type Reminder } from "./fixtures";

const CLIENTS = 100;
const COMMITMENTS_PER_CLIENT = 7;

/**
 * 1,000 due reminders across five organisations, delivered by repeated sweeps through the real
 * SDK while the fake provider and the workers misbehave. Whatever happens, each reminder that
 * should go out is accepted exactly once, and nothing cancelled or stale is ever sent.
 */
describe("delivering 1,000 reminders under faults", () => {
  const test = useTestDatabase();
  let fake: ResendFake;
  let reminders: Reminder[] = [];
  let pipelines: Pipeline[] = [];

  beforeAll(async () => {
    fake = await ResendFake.start();
    vi.stubEnv("RESEND_API_KEY", fake.apiKey);
    vi.stubEnv("RESEND_BASE_URL", fake.url);
    resetResendClient();

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
  afterAll(async () => {
    await fake.close();
    vi.unstubAllEnvs();
  });

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

    // Faults, each on reminders nothing else touches.
    const pool = commitmentReminders.slice(10);
    const crashing = new Set(pool.slice(0, 50).map((r) => r.id));
    const raced = pool.slice(50, 60);
    for (const r of pool.slice(60, 100)) fake.failKey(r.dedupeKey, { kind: "server_error" });
    for (const r of pool.slice(100, 120)) fake.failKey(r.dedupeKey, { kind: "server_error" }, { kind: "bad_gateway" });
    for (const r of pool.slice(120, 140)) fake.failKey(r.dedupeKey, { kind: "drop" });
    for (const r of pool.slice(140, 150)) fake.failKey(r.dedupeKey, { kind: "drop_after_accept" });
    // Rescheduled while pending: their first attempt fails, then the interview is re-planned.
    const reschedulingLater = pipelines.slice(10, 15);
    const pendingWhenRescheduled = reminders.filter((r) => r.kind === "prepare" && reschedulingLater.some((p) => p.interview.id === r.interviewId));
    for (const r of pendingWhenRescheduled) fake.failKey(r.dedupeKey, { kind: "server_error" });

    const crashed = new Set<string>();
    const crashOnce: Send = async (db, email) => {
      const result = await sendEmail(db, email);
      const id = email.tags?.reminder_id;
      if (id && crashing.has(id) && !crashed.has(id)) {
        crashed.add(id);
        throw new Error("worker died after the provider accepted");
      }
      return result;
    };

    // The same reminder delivered by three workers at once.
    const raceOutcomes = await Promise.all(raced.flatMap((r) => [1, 2, 3].map(() => deliverReminder(test.db, r.id, { now: T0 }))));
    expect(countBy(raceOutcomes, (o) => o.status)).toEqual({ sent: 10, not_claimed: 20 });

    // A burst of 429s as the first sweep starts.
    fake.failNext(30, { kind: "rate_limit", retryAfterSeconds: 1 });

    let now = T0;
    const sweeps = [];
    let errors = 0;
    for (let round = 0; round < 40; round++) {
      const result = await deliverDueReminders(test.db, { now, limit: 1000, concurrency: 4, send: crashOnce });
      sweeps.push(result);
      errors += result.errors;
      if (round === 0) {
        // The interviews move while their reminders wait to be retried.
        // Everything of theirs still pending turns stale: at least the prepare reminders that failed.
        const movedInterviews = reschedulingLater.map((p) => p.interview.id);
        const stillPending = await test.db
          .select({ id: s.reminders.id })
          .from(s.reminders)
          .where(and(inArray(s.reminders.interviewId, movedInterviews), eq(s.reminders.status, "pending")));
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

    // The injected faults really happened.
    expect(sweeps[0]!.rateLimited).toBe(true);
    expect(sweeps[0]!.deferred).toBeGreaterThan(0);
    expect(crashed.size).toBe(50);
    expect(errors).toBe(50);

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

    // The crashed and lost-answer retries met their first message instead of sending again.
    expect(fake.requests.filter((r) => r.outcome === "replayed")).toHaveLength(60);
    expect(fake.requests.filter((r) => r.outcome === "accepted" && r.status === "dropped")).toHaveLength(10);
  }, 180_000);
});
