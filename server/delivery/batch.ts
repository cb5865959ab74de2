import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Database, Executor } from "@/db";
import { emailBatches, reminders, type BatchEmailPayload } from "@/db/schema";
import { BATCH_LIMIT, sendBatchWithResend, sendEmail, suppressedAmong, toBatchEmail, type BatchSendResult, type OutgoingEmail } from "../email/send";
import type { ReminderRow } from "./context";
import {
  backoffMs,
  claimable,
  deliverReminder,
  fail,
  IN_PROGRESS_RETRY_MS,
  readyForDelivery,
  LEASE_MS,
  MAX_ATTEMPTS,
  retryLater,
  settlePrepared,
  unsafeDeliverClaimed,
  unsafePrepareClaimed,
  type Claimed,
  type DeliveryOutcome,
  type Send,
} from "./deliver";
import { mapConcurrently } from "../concurrency";
import { pacerFor, type Pacer } from "./pacer";
import type { SweepResult } from "./sweep";

/**
 * Reminders through Resend's batch endpoint: up to 100 emails a request, one Idempotency-Key per
 * request. The key covers the whole batch, so exactly-once rests on five rules:
 *
 * 1. A batch is written down (members, rendered payload, key `batch/<id>`) in the same
 *    transaction that makes the reminders its members, before anything is sent.
 * 2. A member of an unresolved batch is never picked on its own (`claimable` requires
 *    `batch_id is null`); only its batch decides its fate.
 * 3. A retry sends the stored payload, byte for byte, under the stored key: if an earlier attempt
 *    was accepted, the provider answers with the same ids and sends nothing.
 * 4. Once an attempt may have reached the provider without our hearing the answer (`in_doubt`:
 *    a crash, a timeout, a 5xx, a request in flight), the batch is only ever resent as it is.
 *    Only a batch that certainly was never accepted (no attempt in doubt, then a 422, or a 429
 *    with a long retry-after) is abandoned, which frees its members to go under other keys.
 * 5. The same holds for a reminder on its own: one whose claim expired without a verdict (a
 *    crashed or stalled single delivery, which may have reached the provider under the
 *    reminder's own key) never joins a batch; it goes one by one, under that key again.
 */

export type SendBatch = (emails: BatchEmailPayload[], idempotencyKey: string) => Promise<BatchSendResult>;

/** Resend's default: 2 requests a second per team, whatever each request carries. */
export const DEFAULT_REQUESTS_PER_SECOND = 2;
/** A 429 asking for at most this wait keeps its batch for then; a longer one (a quota) abandons it. */
export const KEEP_THROUGH_RATE_LIMIT_MS = 60_000;
/** Rows prepared at once within a batch: enough to overlap database round trips with rendering. */
const PREPARE_CONCURRENCY = 8;

export type BatchSweepOptions = {
  now: Date;
  /** Only rows due by then (the sweep's grace period). */
  dueBy: Date;
  /** Reminders claimed into new batches in this sweep, at most. */
  limit: number;
  /** Batches being prepared or sent at once: while one waits for its turn at the provider, the next is rendered. */
  concurrency: number;
  batchSize?: number;
  /** Requests a second this process allows itself (Infinity: no pacing). */
  requestsPerSecond?: number;
  /** The batch request; replaceable so tests can simulate a crash between the provider's answer and the record. */
  sendBatch?: SendBatch;
  /** The single send, for a batch the provider refused (422): its members go one by one. */
  send?: Send;
  onError?: (id: string, error: unknown) => void;
  /** Aborted at shutdown: no new claim, batch or resumed batch starts (see SweepOptions.signal). */
  signal?: AbortSignal;
};

/** The sweep's result, and how to count one reminder's outcome into it. */
export type Tally = { result: SweepResult; count: (outcome: DeliveryOutcome) => void };

type Context = {
  db: Database;
  now: Date;
  lease: Date;
  pacer: Pacer | null;
  sendBatch: SendBatch;
  send: Send;
  tally: Tally;
  onError: (id: string, error: unknown) => void;
  /** Start nothing new: the provider asked us to slow down, or the process is shutting down. */
  holdOff: () => boolean;
};

/** A batch this worker holds the lease on, about to be sent (again). */
type HeldBatch = {
  id: string;
  key: string;
  reminderIds: string[];
  payload: BatchEmailPayload[];
  attempts: number;
  inDoubt: boolean;
  lease: Date;
};

/**
 * One sweep in batch mode: first the batches an earlier sweep left unresolved (their stored
 * payload again, under their key), then new batches of due reminders until `limit` is claimed,
 * nothing more is due, or the provider asks us to slow down.
 */
export async function unsafeDeliverInBatches(db: Database, options: BatchSweepOptions, tally: Tally): Promise<void> {
  const ctx: Context = {
    db,
    now: options.now,
    lease: new Date(+options.now + LEASE_MS),
    pacer: pacerFor(options.requestsPerSecond ?? DEFAULT_REQUESTS_PER_SECOND),
    sendBatch: options.sendBatch ?? sendBatchWithResend,
    send: options.send ?? sendEmail,
    tally,
    onError: options.onError ?? (() => {}),
    holdOff: () => tally.result.rateLimited || options.signal?.aborted === true,
  };
  const batchSize = Math.min(Math.max(1, options.batchSize ?? BATCH_LIMIT), BATCH_LIMIT);

  await resumeUnresolvedBatches(ctx);
  let budget = options.limit - (await deliverExpiredClaimsOneByOne(ctx, options.dueBy, options.limit));

  // Claims take turns: two workers claiming at once would each skip the other's locked rows and
  // split what is due into half-empty batches. Preparing and sending still overlap.
  let claiming: Promise<unknown> = Promise.resolve();
  const claimInTurn = (limit: number) => {
    const claim = claiming.then(() => unsafeClaimDueReminders(db, { now: ctx.now, dueBy: options.dueBy, lease: ctx.lease, limit }));
    claiming = claim.catch(() => {});
    return claim;
  };

  const worker = async () => {
    while (!ctx.holdOff()) {
      const size = Math.min(batchSize, budget);
      if (size <= 0) return;
      budget -= size;
      const claimed = await claimInTurn(size);
      budget += size - claimed.length;
      tally.result.picked += claimed.length;
      if (claimed.length > 0) {
        try {
          await deliverClaimed(ctx, claimed);
        } catch (error) {
          // A crash mid-batch: whatever was claimed or batched waits for its lease to expire.
          tally.result.errors += claimed.length;
          ctx.onError(claimed[0]!.id, error);
        }
      }
      if (claimed.length < size) return;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
}

/**
 * Claims up to `limit` due reminders in one statement, oldest first, with the same conditions as
 * the single claim, and one more (rule 5): no expired lease, only rows whose last attempt reached
 * a verdict (or never started). SKIP LOCKED lets two sweeps at once take disjoint sets instead
 * of queueing on the same rows. The pick uses the partial index on pending rows.
 */
export async function unsafeClaimDueReminders(
  db: Database,
  { now, dueBy, lease, limit }: { now: Date; dueBy: Date; lease: Date; limit: number },
): Promise<ReminderRow[]> {
  const picked = db
    .select({ id: reminders.id })
    .from(reminders)
    .where(readyForDelivery(now, dueBy, "free"))
    .orderBy(asc(reminders.dueAt))
    .limit(limit)
    .for("update", { skipLocked: true });
  const claimed = await db
    .update(reminders)
    .set({ leaseUntil: lease, attempts: sql`${reminders.attempts} + 1` })
    // `= any(array(…))`, not `in (…)`: the array is an InitPlan evaluated once. As an IN
    // subquery the planner may rescan the pick on the inner side of a join, and each rescan
    // skips the rows just updated and locks the next ones: far more than `limit` claimed.
    .where(and(sql`${reminders.id} = any(array(${picked}))`, claimable(now, dueBy), isNull(reminders.leaseUntil)))
    .returning();
  return claimed.sort((a, b) => +a.dueAt - +b.dueAt);
}

/**
 * Rule 5: due reminders whose claim expired without a verdict, each through the single path
 * under its own key (which meets the earlier message if it did go out). Rare: what crashed
 * workers leave behind. Answers how many were picked.
 */
async function deliverExpiredClaimsOneByOne(ctx: Context, dueBy: Date, limit: number): Promise<number> {
  const { db, now, tally } = ctx;
  const expired = await db
    .select({ id: reminders.id })
    .from(reminders)
    .where(readyForDelivery(now, dueBy, "expired"))
    .orderBy(asc(reminders.dueAt))
    .limit(limit);
  tally.result.picked += expired.length;
  const send = pacedSend(ctx);
  for (const [i, { id }] of expired.entries()) {
    if (ctx.holdOff()) {
      tally.result.deferred += expired.length - i;
      break;
    }
    try {
      tally.count(await deliverReminder(db, id, { now, send }));
    } catch (error) {
      tally.result.errors++;
      ctx.onError(id, error);
    }
  }
  return expired.length;
}

/** The single send, paced with the batches (one team, one limit). */
function pacedSend(ctx: Context): Send {
  return async (db, email) => {
    await ctx.pacer?.wait();
    const result = await ctx.send(db, email);
    if (!result.ok && result.kind === "rate_limited") ctx.pacer?.holdFor((result.retryAfterSeconds ?? 1) * 1000);
    return result;
  };
}

/** Prepares claimed reminders, settles those not worth sending, and sends the rest as one batch. */
async function deliverClaimed(ctx: Context, claimed: ReminderRow[]): Promise<void> {
  const { db, now, lease, tally } = ctx;
  const rows: Claimed[] = claimed.map((reminder) => ({ db, reminder, now, lease }));
  const prepared = await mapConcurrently(rows, PREPARE_CONCURRENCY, (row) => unsafePrepareClaimed(db, row.reminder, now));

  const ready: Array<{ row: Claimed; email: OutgoingEmail }> = [];
  const settled: Array<Promise<DeliveryOutcome>> = [];
  prepared.forEach((outcome, i) => {
    if (outcome.kind === "email") ready.push({ row: rows[i]!, email: outcome.email });
    else settled.push(settlePrepared(rows[i]!, outcome));
  });
  for (const outcome of await Promise.all(settled)) tally.count(outcome);
  if (ready.length === 0) return;

  const suppressed = await suppressedAmong(db, ready.map((r) => r.email.to));
  const members = ready.filter((r) => !suppressed.has(r.email.to));
  for (const r of ready) {
    const reason = suppressed.get(r.email.to);
    if (reason) tally.count(await fail(r.row, "suppressed", reason));
  }
  if (members.length === 0) return;

  const batch = await persistBatch(ctx, members);
  tally.result.skipped += members.length - (batch?.reminderIds.length ?? 0);
  if (!batch) return;
  const verdict = await sendAndSettle(ctx, batch);
  if (verdict) {
    // The provider refused the whole batch (422), so nothing of it was sent: each member still
    // pending (not one a re-plan cancelled meanwhile) goes alone on the claim still held, under
    // its own key, and only the invalid ones fail.
    const stillPending = new Set(verdict.refusedPending);
    await sendOneByOne(ctx, members.filter((m) => stillPending.has(m.row.reminder.id)).map((m) => m.row));
  }
}

/**
 * Rule 1: the batch row and its members' `batch_id`, in one transaction. Only rows this worker
 * still owns join (a row whose lease ran out, or that a re-plan cancelled meanwhile, stays out),
 * and the stored payload is exactly what will be sent, now and on every retry.
 */
async function persistBatch(ctx: Context, members: Array<{ row: Claimed; email: OutgoingEmail }>): Promise<HeldBatch | null> {
  const id = randomUUID();
  const key = `batch/${id}`;
  const ids = members.map((m) => m.row.reminder.id);
  const payload = members.map((m) => toBatchEmail(m.email));
  return ctx.db.transaction(async (tx) => {
    await lockReminders(tx, ids);
    await tx.insert(emailBatches).values({ id, idempotencyKey: key, reminderIds: ids, payload, leaseUntil: ctx.lease, attempts: 1 });
    const owned = await tx
      .update(reminders)
      .set({ batchId: id })
      .where(and(inArray(reminders.id, ids), eq(reminders.status, "pending"), eq(reminders.leaseUntil, ctx.lease), isNull(reminders.batchId)))
      .returning({ id: reminders.id });
    const held: HeldBatch = { id, key, reminderIds: ids, payload, attempts: 1, inDoubt: false, lease: ctx.lease };
    if (owned.length === ids.length) return held;
    if (owned.length === 0) {
      await tx.delete(emailBatches).where(eq(emailBatches.id, id));
      return null;
    }
    const kept = new Set(owned.map((row) => row.id));
    held.reminderIds = ids.filter((rid) => kept.has(rid));
    held.payload = payload.filter((_, i) => kept.has(ids[i]!));
    await tx.update(emailBatches).set({ reminderIds: held.reminderIds, payload: held.payload }).where(eq(emailBatches.id, id));
    return held;
  });
}

/**
 * Takes over batches left unresolved: a lease that expired (a crash: the attempt may have been
 * accepted, so the batch is in doubt from now on) or a retry that is due. One conditional UPDATE
 * per batch, so exactly one worker resumes each.
 */
async function resumeUnresolvedBatches(ctx: Context): Promise<void> {
  const { db, now, lease, tally } = ctx;
  while (!ctx.holdOff()) {
    const next = db
      .select({ id: emailBatches.id })
      .from(emailBatches)
      .where(
        and(
          sql`${emailBatches.status} = 'sending'`,
          or(isNull(emailBatches.leaseUntil), lte(emailBatches.leaseUntil, now)),
          or(isNull(emailBatches.nextAttemptAt), lte(emailBatches.nextAttemptAt, now)),
        ),
      )
      .orderBy(asc(emailBatches.createdAt))
      .limit(1)
      .for("update", { skipLocked: true });
    const [row] = await db
      .update(emailBatches)
      .set({
        attempts: sql`${emailBatches.attempts} + 1`,
        leaseUntil: lease,
        // Evaluated on the old row: a lease still set means the last attempt never reached a verdict.
        inDoubt: sql`${emailBatches.inDoubt} or ${emailBatches.leaseUntil} is not null`,
      })
      .where(
        and(
          sql`${emailBatches.id} = any(array(${next}))`,
          eq(emailBatches.status, "sending"),
          or(isNull(emailBatches.leaseUntil), lte(emailBatches.leaseUntil, now)),
          or(isNull(emailBatches.nextAttemptAt), lte(emailBatches.nextAttemptAt, now)),
        ),
      )
      .returning();
    if (!row) return;
    tally.result.picked += row.reminderIds.length;
    const batch: HeldBatch = {
      id: row.id,
      key: row.idempotencyKey,
      reminderIds: row.reminderIds,
      payload: row.payload ?? [],
      attempts: row.attempts,
      inDoubt: row.inDoubt,
      lease,
    };
    try {
      if (row.attempts > MAX_ATTEMPTS || batch.payload.length !== batch.reminderIds.length) {
        await giveUp(ctx, batch, `gave up after ${MAX_ATTEMPTS} attempts without a result (last: ${row.lastError ?? "lease expired"})`);
      } else if (!batch.inDoubt && (await anyMemberSettledElsewhere(ctx, batch))) {
        // Certainly never accepted (it waited out a 429), and a re-plan cancelled a member
        // meanwhile: resending the stored payload would send that one. Abandon it instead; the
        // members still pending are free at once and go in a new batch under a new key.
        tally.result.retrying += (await abandon(ctx, batch, { release: { retryAt: ctx.now }, error: "a member changed while the batch waited" })).length;
      } else {
        // Refused (possible only if no attempt was in doubt, after a short 429): its members
        // left the batch still holding their first claim, and go one by one once it expires (rule 5).
        await sendAndSettle(ctx, batch);
      }
    } catch (error) {
      tally.result.errors += batch.reminderIds.length;
      ctx.onError(batch.key, error);
    }
  }
}

/** Whether a member of the batch is no longer pending (a re-plan cancelled it while the batch waited). */
async function anyMemberSettledElsewhere(ctx: Context, batch: HeldBatch): Promise<boolean> {
  const settled = await ctx.db.$count(reminders, and(eq(reminders.batchId, batch.id), sql`${reminders.status} <> 'pending'`));
  return settled > 0;
}

/**
 * Sends the held batch and records the provider's verdict for the batch and its members.
 * When the provider refused a batch that was certainly never accepted, it is abandoned and
 * answers the members still pending: still claimed, they are the caller's to send one by one.
 */
async function sendAndSettle(ctx: Context, batch: HeldBatch): Promise<{ refusedPending: string[] } | void> {
  const { tally } = ctx;
  await ctx.pacer?.wait();
  tally.result.batches = (tally.result.batches ?? 0) + 1;
  // From here on an exception is a crash: the lease is left to expire and the batch is resumed.
  const result = await ctx.sendBatch(batch.payload, batch.key);
  if (result.ok) return recordSent(ctx, batch, result.providerMessageIds, result.note);
  switch (result.kind) {
    case "key_reused":
      // Our payload never changes under its key, so an earlier attempt was accepted (the SDK may have serialised it differently).
      return recordSent(ctx, batch, batch.reminderIds.map(() => null), `accepted earlier under the same idempotency key (${result.message})`);
    case "rate_limited": {
      // Nothing was accepted. A short wait (a rate limit) keeps the batch: it goes again as it is
      // once the provider is ready, without preparing its 100 emails a second time. A long one
      // (a quota) abandons it, so its members are checked afresh when they go, unless an earlier
      // attempt may have been accepted (rule 4).
      const delayMs = (result.retryAfterSeconds ?? 1) * 1000;
      ctx.pacer?.holdFor(delayMs);
      tally.result.rateLimited = true;
      const error = `rate_limited: ${result.message}`;
      if (!batch.inDoubt && delayMs > KEEP_THROUGH_RATE_LIMIT_MS) {
        tally.result.retrying += (await abandon(ctx, batch, { release: { retryAt: new Date(+ctx.now + delayMs) }, error })).length;
        return;
      }
      return keepForRetry(ctx, batch, { delayMs, inDoubt: batch.inDoubt, countsAsAttempt: false, error });
    }
    case "in_progress":
      return keepForRetry(ctx, batch, { delayMs: IN_PROGRESS_RETRY_MS, inDoubt: true, countsAsAttempt: false, error: `in_progress: ${result.message}` });
    case "transient":
      if (batch.attempts >= MAX_ATTEMPTS) return giveUp(ctx, batch, `gave up after ${batch.attempts} attempts: ${result.message}`);
      return keepForRetry(ctx, batch, {
        delayMs: backoffMs(batch.attempts, batch.id),
        // A 5xx or a timeout may have been accepted; a bad key or URL was refused unread.
        inDoubt: !result.refusedUnprocessed,
        countsAsAttempt: true,
        error: `transient: ${result.message}`,
      });
    case "permanent": {
      if (batch.inDoubt) {
        return giveUp(ctx, batch, `refused (${result.message}) after an attempt whose outcome is unknown; not resent one by one, which could send twice`);
      }
      const left = await abandon(ctx, batch, { release: null, error: `refused as a batch: ${result.message}` });
      return left.length > 0 ? { refusedPending: left } : undefined;
    }
  }
}

/**
 * Rule 3's happy end: the provider holds the emails, so each member is recorded sent with its
 * id, whatever its row says now, except an earlier "sent" (a member a re-plan cancelled while the
 * batch was in flight was sent all the same; the record must say so, or a revived row would be
 * sent again).
 */
async function recordSent(ctx: Context, batch: HeldBatch, providerIds: Array<string | null>, note: string | null): Promise<void> {
  const { db, now, tally } = ctx;
  // Raw SQL (an UPDATE … FROM over the id pairs, one statement for the whole batch): parameters
  // go as text, since postgres.js under drizzle does not serialise a Date here.
  const members = JSON.stringify(batch.reminderIds.map((id, i) => ({ id, pid: providerIds[i] ?? null })));
  await db.transaction(async (tx) => {
    await lockReminders(tx, batch.reminderIds);
    await tx
      .update(emailBatches)
      .set({ status: "sent", sentAt: now, payload: null, leaseUntil: null, nextAttemptAt: null, lastError: note })
      .where(and(eq(emailBatches.id, batch.id), sql`${emailBatches.status} <> 'sent'`));
    await tx.execute(sql`
      update ${reminders} set
        status = 'sent', sent_at = ${now.toISOString()}::timestamptz, provider_message_id = m.pid, lease_until = null,
        next_attempt_at = null, cancelled_at = null, last_error = ${note}, updated_at = now()
      from jsonb_to_recordset(${members}::jsonb) as m(id uuid, pid text)
      where ${reminders.id} = m.id and ${reminders.status} <> 'sent'`);
  });
  tally.result.sent += batch.reminderIds.length;
}

/**
 * Locks the members in id order before a statement that updates many of them: two such
 * transactions (or one and a re-plan) then wait for each other instead of deadlocking.
 */
async function lockReminders(tx: Executor, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .select({ id: reminders.id })
    .from(reminders)
    .where(inArray(reminders.id, [...ids]))
    .orderBy(asc(reminders.id))
    .for("update");
}

/** Only the worker holding the batch's lease may record a verdict other than "sent". */
const ownBatch = (batch: HeldBatch) =>
  and(eq(emailBatches.id, batch.id), eq(emailBatches.status, "sending"), eq(emailBatches.leaseUntil, batch.lease));

/**
 * Rule 4's exception: the batch certainly was not accepted, so it is closed and its members
 * leave it. With `release`, the pending ones are freed until `retryAt`, their attempt given back
 * (the verdict was about the batch, not them); without, they stay claimed by this worker, to be
 * sent one by one. Answers the pending members that left the batch.
 */
async function abandon(ctx: Context, batch: HeldBatch, { release, error }: { release: { retryAt: Date } | null; error: string }): Promise<string[]> {
  const { db, tally } = ctx;
  const left = await db.transaction(async (tx) => {
    await lockReminders(tx, batch.reminderIds);
    const [closed] = await tx
      .update(emailBatches)
      .set({ status: "abandoned", payload: null, leaseUntil: null, lastError: error })
      .where(and(ownBatch(batch), eq(emailBatches.inDoubt, false)))
      .returning({ id: emailBatches.id });
    if (!closed) return null;
    const pending = await tx
      .update(reminders)
      .set(
        release
          ? { batchId: null, leaseUntil: null, nextAttemptAt: release.retryAt, lastError: error, attempts: sql`greatest(${reminders.attempts} - 1, 0)` }
          : { batchId: null },
      )
      .where(and(eq(reminders.batchId, batch.id), eq(reminders.status, "pending")))
      .returning({ id: reminders.id });
    // Members cancelled meanwhile were never sent: they just leave the batch.
    await tx.update(reminders).set({ batchId: null }).where(eq(reminders.batchId, batch.id));
    return pending.map((row) => row.id);
  });
  if (left === null) tally.result.skipped += batch.reminderIds.length;
  return left ?? [];
}

/** Leaves the batch unresolved, to be resent as it is after `delayMs`. */
async function keepForRetry(
  ctx: Context,
  batch: HeldBatch,
  { delayMs, inDoubt, countsAsAttempt, error }: { delayMs: number; inDoubt: boolean; countsAsAttempt: boolean; error: string },
): Promise<void> {
  const updated = await ctx.db
    .update(emailBatches)
    .set({
      leaseUntil: null,
      nextAttemptAt: new Date(+ctx.now + delayMs),
      lastError: error,
      ...(inDoubt ? { inDoubt: true } : {}),
      ...(countsAsAttempt ? {} : { attempts: sql`greatest(${emailBatches.attempts} - 1, 0)` }),
    })
    .where(ownBatch(batch))
    .returning({ id: emailBatches.id });
  if (updated.length === 0) ctx.tally.result.skipped += batch.reminderIds.length;
  else ctx.tally.result.retrying += batch.reminderIds.length;
}

/**
 * No more attempts: the batch and its unsent members fail, with the reason. Members a re-plan
 * cancelled meanwhile fail too: the batch may have reached the provider, and a cancelled row can
 * be revived and sent again, a failed one cannot.
 */
async function giveUp(ctx: Context, batch: HeldBatch, error: string): Promise<void> {
  const { db, tally } = ctx;
  const failed = await db.transaction(async (tx) => {
    await lockReminders(tx, batch.reminderIds);
    const [closed] = await tx
      .update(emailBatches)
      .set({ status: "failed", payload: null, leaseUntil: null, nextAttemptAt: null, lastError: error })
      .where(ownBatch(batch))
      .returning({ id: emailBatches.id });
    if (!closed) return null;
    return tx
      .update(reminders)
      .set({ status: "failed", leaseUntil: null, nextAttemptAt: null, lastError: `gave_up: ${error}` })
      .where(and(eq(reminders.batchId, batch.id), inArray(reminders.status, ["pending", "cancelled"])))
      .returning({ id: reminders.id });
  });
  if (!failed) tally.result.skipped += batch.reminderIds.length;
  else tally.result.failed += failed.length;
}

/** A refused batch's members through the single path, on the claims still held, paced like batches. */
async function sendOneByOne(ctx: Context, rows: Claimed[]): Promise<void> {
  const { tally } = ctx;
  const send = pacedSend(ctx);
  for (const row of rows) {
    try {
      if (tally.result.rateLimited) {
        // Nothing was sent for this one yet: free it until the provider is ready again.
        tally.count(await retryLater(row, "rate_limited", "the provider asked to slow down", IN_PROGRESS_RETRY_MS));
        continue;
      }
      tally.count(await unsafeDeliverClaimed(row, send));
    } catch (error) {
      tally.result.errors++;
      ctx.onError(row.reminder.id, error);
    }
  }
}
