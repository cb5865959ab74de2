import { and, eq, inArray } from "drizzle-orm";
import type { Inngest } from "inngest";
import type { Database } from "@/db";
import { reminders } from "@/db/schema";
import { inngest } from "./client";
import type { WorkflowEvent } from "../services/reminders/handoff";
import { reminderCancelled, reminderRequested } from "./events";
import { inngestConfigured } from "./mode";

/** Inngest accepts a few hundred events per request comfortably; stay well under its size limit. */
const BATCH = 200;

type Options = { client?: Pick<Inngest, "send">; configured?: boolean; now?: Date };

/**
 * Hands freshly written reminders to Inngest: one `reminder.requested` event each, with the
 * dedupe key as the event id (Inngest ignores a second event with the same id for 24 hours, so
 * enqueueing twice starts one run) and `ts` at the due time (the run starts then, through the
 * throttle). Call it after the transaction that wrote the rows has committed.
 *
 * Without Inngest it does nothing: the in-process sweep finds due rows by itself. It also does
 * nothing harmful when an event is lost: the cron sweep delivers the row later.
 */
export async function enqueueReminders(
  db: Database,
  reminderIds: readonly string[],
  options: Options = {},
): Promise<{ mode: "inngest" | "sweep"; enqueued: number }> {
  if (!(options.configured ?? inngestConfigured())) return { mode: "sweep", enqueued: 0 };
  if (reminderIds.length === 0) return { mode: "inngest", enqueued: 0 };
  const client = options.client ?? inngest;
  const now = options.now ?? new Date();
  // Unsafe by design: a system hand-off of ids the caller just wrote, read across tenants.
  const rows = await db
    .select({ id: reminders.id, dedupeKey: reminders.dedupeKey, dueAt: reminders.dueAt })
    .from(reminders)
    .where(and(inArray(reminders.id, [...reminderIds]), eq(reminders.status, "pending")));
  for (let i = 0; i < rows.length; i += BATCH) {
    await client.send(
      rows.slice(i, i + BATCH).map((row) =>
        reminderRequested.create(
          { reminderId: row.id, dedupeKey: row.dedupeKey },
          { id: row.dedupeKey, ts: Math.max(+row.dueAt, +now) },
        ),
      ),
    );
  }
  return { mode: "inngest", enqueued: rows.length };
}

/** Ends the sleeping delivery runs of reminders that were just cancelled. No-op without Inngest. */
export async function announceCancelledReminders(reminderIds: readonly string[], options: Options = {}): Promise<void> {
  if (!(options.configured ?? inngestConfigured()) || reminderIds.length === 0) return;
  const client = options.client ?? inngest;
  for (let i = 0; i < reminderIds.length; i += BATCH) {
    await client.send(reminderIds.slice(i, i + BATCH).map((reminderId) => reminderCancelled.create({ reminderId })));
  }
}

/**
 * Publishes the domain events a committed transaction noted (interview scheduled, debriefed,
 * rescheduled; status changed; commitment created). Ids only. No-op without Inngest.
 */
export async function announceWorkflowEvents(events: readonly WorkflowEvent[], options: Options = {}): Promise<void> {
  if (!(options.configured ?? inngestConfigured()) || events.length === 0) return;
  const client = options.client ?? inngest;
  for (let i = 0; i < events.length; i += BATCH) await client.send(events.slice(i, i + BATCH));
}
