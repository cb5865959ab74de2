import { asc } from "drizzle-orm";
import { forEachConcurrently } from "../concurrency";
import type { Database } from "@/db";
import { reminders } from "@/db/schema";
import { usesLocalOutbox } from "../env";
import { unsafeDeliverInBatches, type SendBatch } from "./batch";
import { deliverReminder, readyForDelivery, type DeliveryOutcome, type Send } from "./deliver";

export type SweepOptions = {
  now?: Date;
  /** At most this many reminders per sweep; the rest wait for the next one. */
  limit?: number;
  /**
   * Deliveries in flight at once (one by one), or batches being prepared and sent at once (in
   * batches). Rendering is CPU-bound, so a few are plenty.
   */
  concurrency?: number;
  /**
   * Only rows due at least this long ago. With Inngest each reminder has its own run; the cron
   * sweep is a backstop and should leave rows to those runs for a while.
   */
  graceMs?: number;
  send?: Send;
  /**
   * Through the provider's batch endpoint (up to 100 emails a request under one idempotency key)
   * or one email a request. Default: batches when Resend is configured; the local outbox stores
   * one row per email either way, so it goes one by one.
   */
  mode?: "batch" | "single";
  /** Batch mode: the batch request, replaceable so tests can crash around it. */
  sendBatch?: SendBatch;
  /** Batch mode: requests a second this process allows itself (default Resend's 2; Infinity: no pacing). */
  requestsPerSecond?: number;
  /** Batch mode: emails per batch (at most Resend's 100). */
  batchSize?: number;
  /**
   * Called for a delivery that threw (a crash: its lease expires and the row is retried): with
   * the reminder's id, or a batch's key (`batch/<id>`) when a resumed batch threw.
   */
  onError?: (id: string, error: unknown) => void;
  /**
   * Aborted when the process shuts down: nothing new starts (no claim, no batch, no delivery);
   * what was already handed to the provider finishes and is recorded. What stays due is the
   * next sweep's, here or in another instance.
   */
  signal?: AbortSignal;
};

export type SweepResult = {
  picked: number;
  sent: number;
  cancelled: number;
  failed: number;
  retrying: number;
  /** Claimed by someone else, or no longer due, between the pick and the claim. */
  skipped: number;
  /** Threw mid-delivery (left to its lease). */
  errors: number;
  /** Not started because the provider asked us to slow down; they stay due for the next sweep. */
  deferred: number;
  rateLimited: boolean;
  /** Requests made to the batch endpoint (batch mode; absent before batching existed). */
  batches?: number;
};

/** Batch mode's default limit: ten full batches, five seconds at Resend's default pace. */
const BATCH_MODE_LIMIT = 1000;

/**
 * The due pending reminders, oldest first, across every tenant: a system job on the owner
 * connection. `status = 'pending' and due_at <= $now` is exactly the partial index
 * reminders_pending_due_idx; the other conditions filter the (few) rows it yields.
 */
export function unsafeDueRemindersQuery(db: Database, now: Date, limit: number) {
  return db.select({ id: reminders.id }).from(reminders).where(readyForDelivery(now)).orderBy(asc(reminders.dueAt)).limit(limit);
}

/**
 * Delivers the reminders that are due. Each delivery claims its rows, so overlapping sweeps (or
 * an Inngest run for the same reminder) never send twice. When the provider answers 429, no
 * further delivery starts in this sweep: the rest stay due and the next sweep picks them up,
 * instead of every worker hammering a limit that is already hit.
 *
 * With Resend, due reminders go out in batches of up to 100 (see batch.ts); with the local
 * outbox, one by one.
 */
export async function deliverDueReminders(db: Database, options: SweepOptions = {}): Promise<SweepResult> {
  const now = options.now ?? new Date();
  const dueBy = new Date(+now - (options.graceMs ?? 0));
  const mode = options.mode ?? (usesLocalOutbox() ? "single" : "batch");
  const result: SweepResult = {
    picked: 0,
    sent: 0,
    cancelled: 0,
    failed: 0,
    retrying: 0,
    skipped: 0,
    errors: 0,
    deferred: 0,
    rateLimited: false,
    batches: 0,
  };
  const count = (outcome: DeliveryOutcome) => countOutcome(result, outcome);

  if (mode === "batch") {
    await unsafeDeliverInBatches(
      db,
      {
        now,
        dueBy,
        limit: options.limit ?? BATCH_MODE_LIMIT,
        concurrency: options.concurrency ?? 2,
        ...(options.batchSize ? { batchSize: options.batchSize } : {}),
        ...(options.requestsPerSecond !== undefined ? { requestsPerSecond: options.requestsPerSecond } : {}),
        ...(options.sendBatch ? { sendBatch: options.sendBatch } : {}),
        ...(options.send ? { send: options.send } : {}),
        ...(options.onError ? { onError: options.onError } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      },
      { result, count },
    );
    return result;
  }

  const concurrency = Math.max(1, options.concurrency ?? 4);
  const due = await unsafeDueRemindersQuery(db, dueBy, options.limit ?? 100);
  const ids = due.map((row) => row.id);
  result.picked = ids.length;

  // Once the provider asks us to slow down, or the process is stopping, no new send starts.
  const { notStarted } = await forEachConcurrently(
    ids,
    concurrency,
    async (id) => {
      try {
        count(await deliverReminder(db, id, { now, ...(options.send ? { send: options.send } : {}) }));
      } catch (error) {
        result.errors++;
        options.onError?.(id, error);
      }
    },
    () => result.rateLimited || options.signal?.aborted === true,
  );
  result.deferred += notStarted;
  return result;
}

function countOutcome(result: SweepResult, outcome: DeliveryOutcome): void {
  switch (outcome.status) {
    case "sent":
      result.sent++;
      break;
    case "cancelled":
      result.cancelled++;
      break;
    case "failed":
      result.failed++;
      break;
    case "retry":
      result.retrying++;
      if (outcome.reason === "rate_limited") result.rateLimited = true;
      break;
    case "not_claimed":
    case "superseded":
      result.skipped++;
      break;
  }
}
