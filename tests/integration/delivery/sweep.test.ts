import { addMinutes, addSeconds } from "date-fns";
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as s from "../../../db/schema";
import { rows as resultRows } from "../../../db/sql";
import { deliverDueReminders, unsafeDueRemindersQuery } from "../../../server/delivery/sweep";
import { useTestDatabase } from "../../helpers/db";
import type { ResendFake } from "../../helpers/resend-fake";
import { startResendFakeForSdk, stopResendFake } from "../../helpers/resend-sdk";
import { createClientWithPipeline, insertReminders, reminderById, reminderFor, T0 } from "./fixtures";

describe("the due-reminder sweep", () => {
  const test = useTestDatabase();
  let fake: ResendFake;

  beforeAll(async () => {
    fake = await startResendFakeForSdk();
  });
  afterEach(async () => {
    fake.reset();
    // Each test starts with nothing pending from the one before.
    await test.db.update(s.reminders).set({ status: "cancelled" }).where(eq(s.reminders.status, "pending"));
  });
  afterAll(() => stopResendFake(fake));

  it("finds due rows through the partial index on pending reminders", async () => {
    const plan = await test.db.transaction(async (tx) => {
      // The table is tiny, so make the planner show whether it *can* use the index.
      await tx.execute(sql`set local enable_seqscan = off`);
      return resultRows<{ "QUERY PLAN": string }>(tx, sql`explain ${unsafeDueRemindersQuery(test.db, T0, 100)}`);
    });
    expect(plan.map((line) => line["QUERY PLAN"]).join("\n")).toContain("reminders_pending_due_idx");
  });

  it.each(["single", "batch"] as const)("delivers only what is due, not backing off, not leased, and not cancelled (%s)", async (mode) => {
    const p = await createClientWithPipeline(test.db, { commitments: 5 });
    const [due, future, backingOff, leased, cancelled] = await insertReminders(
      test.db,
      p.commitments.map((c, i) =>
        reminderFor(p, "commitment_due", {
          commitmentId: c.id,
          ...[
            {},
            { dueAt: addMinutes(T0, 10) },
            { nextAttemptAt: addMinutes(T0, 1), attempts: 1 },
            { leaseUntil: addSeconds(T0, 30), attempts: 1 },
            { status: "cancelled" as const },
          ][i],
        }),
      ),
    );
    const sweep = (now: Date) => deliverDueReminders(test.db, { now, mode, requestsPerSecond: Infinity });
    const sentIds = () => fake.accepted.map((email) => email.tags.reminder_id).sort();
    const result = await sweep(T0);
    expect(result).toMatchObject({ picked: 1, sent: 1 });
    expect(sentIds()).toEqual([due!.id]);

    // Later, each becomes deliverable in turn; the cancelled one never does.
    expect(await sweep(addMinutes(T0, 11))).toMatchObject({ picked: 3, sent: 3 });
    expect(sentIds()).toEqual([due, future, backingOff, leased].map((r) => r!.id).sort());
    expect((await reminderById(test.db, cancelled!.id)).status).toBe("cancelled");
    // In batch mode the one whose claim expired goes alone, under its own key: its first worker
    // may have sent it under that key before dying, and a batch's key would not meet it.
    const endpointOf = (id: string) => fake.accepted.find((email) => email.tags.reminder_id === id)!.endpoint;
    expect(endpointOf(leased!.id)).toBe("/emails");
    for (const r of [due, future, backingOff]) expect(endpointOf(r!.id)).toBe(mode === "batch" ? "/emails/batch" : "/emails");
  });

  it("goes through the batch endpoint when Resend is configured, and one by one into the local outbox", async () => {
    const p = await createClientWithPipeline(test.db, { commitments: 2 });
    await insertReminders(test.db, p.commitments.map((c) => reminderFor(p, "commitment_due", { commitmentId: c.id })));
    expect(await deliverDueReminders(test.db, { now: T0, requestsPerSecond: Infinity })).toMatchObject({ sent: 2, batches: 1 });
    expect(fake.requests).toEqual([expect.objectContaining({ endpoint: "/emails/batch", emails: 2 })]);
  });

  it("never picks a member of an unresolved batch on its own", async () => {
    const p = await createClientWithPipeline(test.db, { commitments: 1 });
    const [member] = await insertReminders(test.db, [reminderFor(p, "commitment_due")]);
    const [batch] = await test.db
      .insert(s.emailBatches)
      .values({ idempotencyKey: `batch/test-${member!.id}`, reminderIds: [member!.id], payload: [], leaseUntil: addMinutes(T0, 1) })
      .returning();
    await test.db.update(s.reminders).set({ batchId: batch!.id }).where(eq(s.reminders.id, member!.id));
    expect(await unsafeDueRemindersQuery(test.db, T0, 100)).toEqual([]);
    expect(await deliverDueReminders(test.db, { now: T0, mode: "single" })).toMatchObject({ picked: 0 });
    expect(await deliverDueReminders(test.db, { now: T0, mode: "batch", requestsPerSecond: Infinity })).toMatchObject({ picked: 0 });
    expect(fake.requests).toHaveLength(0);
    await test.db.update(s.emailBatches).set({ status: "abandoned" }).where(eq(s.emailBatches.id, batch!.id));
  });

  it("one by one, stops starting deliveries once the provider answers 429, leaving the rest for the next sweep", async () => {
    const p = await createClientWithPipeline(test.db, { commitments: 12 });
    await insertReminders(test.db, p.commitments.map((c) => reminderFor(p, "commitment_due", { commitmentId: c.id })));
    fake.failNext(1, { kind: "rate_limit", retryAfterSeconds: 2 });

    const first = await deliverDueReminders(test.db, { now: T0, concurrency: 1, mode: "single" });
    expect(first).toMatchObject({ picked: 12, retrying: 1, rateLimited: true, deferred: 11, sent: 0 });
    expect(fake.requests).toHaveLength(1);

    const second = await deliverDueReminders(test.db, { now: addSeconds(T0, 2), concurrency: 3, mode: "single" });
    expect(second).toMatchObject({ picked: 12, sent: 12, rateLimited: false });
    expect(fake.accepted).toHaveLength(12);
  });

  it.each(["single", "batch"] as const)("leaves freshly due rows alone for the grace period (the Inngest backstop) (%s)", async (mode) => {
    const p = await createClientWithPipeline(test.db, { commitments: 2 });
    await insertReminders(test.db, [
      reminderFor(p, "commitment_due", { commitmentId: p.commitments[0]!.id, dueAt: addMinutes(T0, -20) }),
      reminderFor(p, "commitment_due", { commitmentId: p.commitments[1]!.id, dueAt: addMinutes(T0, -5) }),
    ]);
    expect(await deliverDueReminders(test.db, { now: T0, graceMs: 15 * 60_000, mode, requestsPerSecond: Infinity })).toMatchObject({
      picked: 1,
      sent: 1,
    });
  });

  it("counts a delivery that throws as an error and carries on with the others", async () => {
    const p = await createClientWithPipeline(test.db, { commitments: 3 });
    const rows = await insertReminders(test.db, p.commitments.map((c) => reminderFor(p, "commitment_due", { commitmentId: c.id })));
    const errors: string[] = [];
    const result = await deliverDueReminders(test.db, {
      now: T0,
      mode: "single",
      send: async (_db, email) => {
        if (email.tags?.reminder_id === rows[1]!.id) throw new Error("boom");
        return { ok: true, providerMessageId: `local-${email.idempotencyKey}` };
      },
      onError: (id) => errors.push(id),
    });
    expect(result).toMatchObject({ picked: 3, sent: 2, errors: 1 });
    expect(errors).toEqual([rows[1]!.id]);
    expect(await reminderById(test.db, rows[1]!.id)).toMatchObject({ status: "pending", attempts: 1 });
  });
});
