import { and, asc, isNull, lte, or, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { reminders } from "@/db/schema";
import { deliverReminder, type DeliveryOutcome, type Send } from "./deliver";

export type SweepOptions = {
  now?: Date;
  /** At most this many reminders per sweep; the rest wait for the next one. */
  limit?: number;
  /** Deliveries in flight at once. Rendering is CPU-bound, so a few are plenty. */
  concurrency?: number;
  /**
   * Only rows due at least this long ago. With Inngest each reminder has its own run; the cron
   * sweep is a backstop and should leave rows to those runs for a while.
   */
  graceMs?: number;
  send?: Send;
  /** Called for a delivery that threw (a crash: its lease expires and the row is retried). */
  onError?: (reminderId: string, error: unknown) => void;
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
};

/**
 * The due pending reminders, oldest first, across every tenant: a system job on the owner
 * connection. `status = 'pending' and due_at <= $now` is exactly the partial index
 * reminders_pending_due_idx; the other conditions filter the (few) rows it yields. The status is
 * a literal, not a parameter: a generic plan of a prepared statement (postgres.js prepares) can
 * only use a partial index whose predicate it can prove without knowing the parameters.
 */
export function unsafeDueRemindersQuery(db: Database, now: Date, limit: number) {
  return db
    .select({ id: reminders.id })
    .from(reminders)
    .where(
      and(
        sql`${reminders.status} = 'pending'`,
        lte(reminders.dueAt, now),
        or(isNull(reminders.nextAttemptAt), lte(reminders.nextAttemptAt, now)),
        or(isNull(reminders.leaseUntil), lte(reminders.leaseUntil, now)),
      ),
    )
    .orderBy(asc(reminders.dueAt))
    .limit(limit);
}

/**
 * Delivers the reminders that are due, a few at a time. Each delivery claims its row, so
 * overlapping sweeps (or an Inngest run for the same reminder) never send twice. When the
 * provider answers 429, no further delivery starts in this sweep: the rest stay due and the
 * next sweep picks them up, instead of every worker hammering a limit that is already hit.
 */
export async function deliverDueReminders(db: Database, options: SweepOptions = {}): Promise<SweepResult> {
  const now = options.now ?? new Date();
  const limit = options.limit ?? 100;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const due = await unsafeDueRemindersQuery(db, new Date(+now - (options.graceMs ?? 0)), limit);
  const ids = due.map((row) => row.id);

  const result: SweepResult = {
    picked: ids.length,
    sent: 0,
    cancelled: 0,
    failed: 0,
    retrying: 0,
    skipped: 0,
    errors: 0,
    deferred: 0,
    rateLimited: false,
  };
  const count = (outcome: DeliveryOutcome) => {
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
  };

  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      if (result.rateLimited) {
        result.deferred += ids.length - next;
        next = ids.length;
        return;
      }
      const id = ids[next++]!;
      try {
        count(await deliverReminder(db, id, { now, ...(options.send ? { send: options.send } : {}) }));
      } catch (error) {
        result.errors++;
        options.onError?.(id, error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, ids.length) }, worker));
  return result;
}
