import { randomUUID } from "node:crypto";
import { InngestTestEngine } from "@inngest/test";
import { addSeconds } from "date-fns";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { deliverReminder } from "../../../server/delivery/deliver";
import { deliverDueReminders } from "../../../server/delivery/sweep";
import { createDeliverReminderFunction, unsafeLoadReminderSnapshot } from "../../../server/inngest/functions/deliver-reminder";
import { useTestDatabase } from "../../helpers/db";
import type { ResendFake } from "../../helpers/resend-fake";
import { startResendFakeForSdk, stopResendFake } from "../../helpers/resend-sdk";
import { createClientWithPipeline, insertReminders, reminderById, reminderFor, T0 } from "./fixtures";

/**
 * The deliver-reminder function with the real delivery code, the real database and the real
 * Resend SDK against the local fake: what Inngest's at-least-once execution (a duplicate event, a
 * retried step) and an instance's own sweep running at the same time must not turn into a second
 * email. @inngest/test runs one execution per engine; Inngest's retry is a new execution.
 */
describe("deliver-reminder through Inngest: exactly once", () => {
  const test = useTestDatabase();
  let fake: ResendFake;

  beforeAll(async () => {
    fake = await startResendFakeForSdk();
  });
  afterEach(() => fake.reset());
  afterAll(() => stopResendFake(fake));

  /** A run of the real function at `now` (a clock per execution: Inngest retries later). */
  const execution = (reminderId: string, now: Date) =>
    new InngestTestEngine({
      function: createDeliverReminderFunction({
        load: (id) => unsafeLoadReminderSnapshot(test.db, id),
        deliver: (id) => deliverReminder(test.db, id, { now }),
      }),
      events: [{ name: "followthrough/reminder.requested", data: { reminderId, dedupeKey: `test/${randomUUID()}` } }],
      steps: [{ id: "wait-until-due", handler: () => {} }],
    }).execute();

  /** What an execution ended with: the result's status, or the error's name (a retry or a give-up). */
  const endedWith = (run: { result?: unknown; error?: unknown }) =>
    (run.result as { status?: string } | undefined)?.status ?? (run.error as { name?: string } | undefined)?.name;

  async function dueReminder() {
    const pipeline = await createClientWithPipeline(test.db, { commitments: 1 });
    const [reminder] = await insertReminders(test.db, [reminderFor(pipeline, "prepare")]);
    return reminder!;
  }

  it("two runs for one reminder (a duplicate event) and an instance's sweep at the same moment send one email", async () => {
    const reminder = await dueReminder();
    fake.latencyMs = 100;
    const [a, b] = await Promise.all([
      execution(reminder.id, T0),
      execution(reminder.id, T0),
      deliverDueReminders(test.db, { now: T0, mode: "single" }),
    ]);
    fake.latencyMs = 0;

    expect(fake.accepted.filter((email) => email.tags.reminder_id === reminder.id)).toHaveLength(1);
    // A run that lost the claim is told to look again when the winner's lease ends…
    const outcomes = [a, b].map(endedWith);
    expect(outcomes.every((o) => o === "sent" || o === "RetryAfterError")).toBe(true);
    // …and then finds it sent and ends without sending.
    const retry = await execution(reminder.id, addSeconds(T0, 61));
    expect(retry.result).toEqual({ status: "not_pending", was: "sent" });
    expect(fake.accepted.filter((email) => email.tags.reminder_id === reminder.id)).toHaveLength(1);
    expect(await reminderById(test.db, reminder.id)).toMatchObject({ status: "sent" });
  });

  it("a step that crashed after the provider accepted is retried by Inngest under the same key: no second email", async () => {
    const reminder = await dueReminder();
    fake.failKey(reminder.dedupeKey, { kind: "drop_after_accept" });

    const first = await execution(reminder.id, T0);
    expect(first.error).toMatchObject({ name: "RetryAfterError" });
    expect(fake.accepted).toHaveLength(1);

    // Inngest retries at the time the step asked for; an instance's sweep at that moment races it.
    const retryAt = addSeconds(T0, 120);
    const [retry] = await Promise.all([execution(reminder.id, retryAt), deliverDueReminders(test.db, { now: retryAt, mode: "single" })]);
    expect(endedWith(retry)).toMatch(/^(sent|RetryAfterError)$/);
    expect(fake.accepted).toHaveLength(1);
    expect(fake.requests.filter((r) => r.idempotencyKey === reminder.dedupeKey).map((r) => r.outcome)).toContain("replayed");
    expect(await reminderById(test.db, reminder.id)).toMatchObject({ status: "sent", providerMessageId: fake.accepted[0]!.id });
  });
});
