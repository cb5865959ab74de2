import { and, eq, isNull, lte, ne, or, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { emailBatches, reminders } from "@/db/schema";
import { sendEmail, type OutgoingEmail, type SendResult } from "../email/send";
import { unsafeComposeReminderEmail } from "./compose";
import { unsafeLoadDeliveryContext, type ReminderRow } from "./context";
import { unsafePrepareInvitationEmail } from "./invitation";
import { checkPlanVersion } from "./plan-version";
import { listUnsubscribeHeaders, unsubscribeUrl } from "./unsubscribe";

/**
 * How long a worker owns a claimed reminder. Longer than a send can take (SEND_TIMEOUT_MS plus
 * rendering), so a live worker never loses its claim; short enough that a crashed worker's
 * reminder is retried within a minute.
 */
export const LEASE_MS = 60_000;
/** Attempts that reached a verdict (a 429 or an in-flight 409 is no verdict) before giving up. */
export const MAX_ATTEMPTS = 8;
/** Another request with the same idempotency key is in flight at the provider: ask again soon. */
export const IN_PROGRESS_RETRY_MS = 5_000;
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_CAP_MS = 60 * 60_000;

/**
 * 30 s, 1 min, 2 min, … capped at an hour, plus up to 10 % jitter derived from the reminder id
 * (deterministic, so tests can reason about it; spread, so an outage does not end in a stampede).
 * All MAX_ATTEMPTS fit in about two hours, well inside Resend's 24-hour idempotency window: a
 * retry after a lost response still meets the first message.
 */
export function backoffMs(attempt: number, reminderId: string): number {
  const exponential = Math.min(BACKOFF_BASE_MS * 2 ** Math.max(attempt - 1, 0), BACKOFF_CAP_MS);
  const spread = (parseInt(reminderId.replace(/-/g, "").slice(-4), 16) || 0) / 0xffff;
  return Math.round(exponential * (1 + 0.1 * spread));
}

export type SkipReason =
  | "recipient_missing"
  | "recipient_inactive"
  | "preference_off"
  | "stale_plan"
  | "missing_subject"
  | "subject_closed";

export type DeliveryOutcome =
  /** Handed to the provider (or the local outbox) and recorded. `providerMessageId` is null only after `key_reused`. */
  | { status: "sent"; reminderId: string; providerMessageId: string | null; attempts: number }
  /** Not worth sending: the row is now `cancelled`, the reason kept in `last_error`. */
  | { status: "cancelled"; reminderId: string; reason: SkipReason; detail: string }
  /** Still pending; `next_attempt_at` = `retryAt`. */
  | {
      status: "retry";
      reminderId: string;
      reason: "rate_limited" | "in_progress" | "transient";
      retryAt: Date;
      error: string;
      attempts: number;
    }
  /** Given up: the row is now `failed`, the error kept in `last_error`. */
  | {
      status: "failed";
      reminderId: string;
      reason: "permanent" | "suppressed" | "gave_up";
      error: string;
      attempts: number;
    }
  /** Someone else has it, or it is not time yet; nothing was done. `retryAt`: when it may be claimable. */
  | {
      status: "not_claimed";
      reminderId: string;
      why: "not_found" | "sent" | "cancelled" | "failed" | "not_due" | "backing_off" | "leased" | "batched";
      retryAt: Date | null;
    }
  /** Our lease ran out mid-delivery and another worker took the row over; it owns the result. */
  | { status: "superseded"; reminderId: string };

export type Send = (db: Database, email: OutgoingEmail) => Promise<SendResult>;

export type DeliverOptions = {
  now?: Date;
  /** The email layer; replaceable so tests can simulate a crash between the provider's answer and the record. */
  send?: Send;
};

/**
 * Delivers one reminder exactly once.
 *
 * 1. Claim: one conditional UPDATE takes a lease only if the row is pending, due, not backing
 *    off, not leased by a live worker and not waiting in a batch. Two workers never both get it.
 * 2. Re-read what the email needs and decide whether it is still worth sending (recipient
 *    active, kind not switched off, plan version current, subject still open); if not, cancel.
 * 3. Send with `Idempotency-Key = dedupe_key`, then record the provider's message id.
 *
 * A crash between 3's send and its record leaves the lease to expire; the retry sends the same
 * payload under the same key and the provider answers with the first message instead of
 * sending a second (the local outbox does the same through its unique key).
 *
 * Unsafe by nature (runs on the owner connection across tenants, see `unsafeLoadDeliveryContext`);
 * tenant requests must never call it with an id they were given.
 */
export async function deliverReminder(db: Database, reminderId: string, options: DeliverOptions = {}): Promise<DeliveryOutcome> {
  const now = options.now ?? new Date();
  const send = options.send ?? sendEmail;
  const lease = new Date(+now + LEASE_MS);

  const reminder = await unsafeClaimReminder(db, reminderId, now, lease);
  if (!reminder) return explainUnclaimed(db, reminderId, now);
  return unsafeDeliverClaimed({ db, reminder, now, lease }, send);
}

/**
 * Steps 2 and 3 for a reminder this worker has claimed: prepare, send under its own dedupe key,
 * record. Also how a batch the provider refused sends its members one by one, on their claims.
 */
export async function unsafeDeliverClaimed(row: Claimed, send: Send = sendEmail): Promise<DeliveryOutcome> {
  const prepared = await unsafePrepareClaimed(row.db, row.reminder, row.now);
  if (prepared.kind !== "email") return settlePrepared(row, prepared);

  // From here on an exception is a crash: the provider may have accepted the email, so the lease
  // is left to expire and the retry goes through the same idempotency key (a row whose lease
  // expired is never put in a batch, whose key would differ: see unsafeClaimDueReminders).
  const result = await send(row.db, prepared.email);
  if (result.ok) return markSent(row, result.providerMessageId, null);
  switch (result.kind) {
    case "key_reused":
      return markSent(row, null, `accepted earlier under the same idempotency key (${result.message})`);
    case "rate_limited":
      return retryLater(row, "rate_limited", result.message, (result.retryAfterSeconds ?? 1) * 1000);
    case "in_progress":
      return retryLater(row, "in_progress", result.message, IN_PROGRESS_RETRY_MS);
    case "transient":
      return retryLater(row, "transient", result.message);
    case "suppressed":
      return fail(row, "suppressed", result.message);
    case "permanent":
      return fail(row, "permanent", result.message);
  }
}

/** What a claimed reminder turns into: the email to send, or the verdict that ends the claim without one. */
export type Prepared =
  | { kind: "email"; email: OutgoingEmail }
  | { kind: "cancel"; reason: SkipReason; detail: string }
  | { kind: "fail"; reason: "gave_up"; error: string }
  /** Could not be prepared (a database hiccup, a rendering error): nothing was sent, back off. */
  | { kind: "retry"; error: string };

/**
 * Turns a reminder this worker has claimed into the email to send, or into the reason not to:
 * shared by the single and the batch path, so both apply exactly the same checks. Reads only; the
 * caller records the verdict (`settlePrepared`) or sends the email.
 */
export async function unsafePrepareClaimed(db: Database, reminder: ReminderRow, now: Date): Promise<Prepared> {
  if (reminder.attempts > MAX_ATTEMPTS) {
    // Only reachable when earlier claims ended without a verdict (crashes): stop looping.
    return {
      kind: "fail",
      reason: "gave_up",
      error: `gave up after ${MAX_ATTEMPTS} attempts without a result (last: ${reminder.lastError ?? "lease expired"})`,
    };
  }
  const cancel = (reason: SkipReason, detail: string): Prepared => ({ kind: "cancel", reason, detail });
  try {
    if (reminder.kind === "invitation") return await unsafePrepareInvitationEmail(db, reminder, now);
    const context = await unsafeLoadDeliveryContext(db, reminder);
    if (!context) return cancel("recipient_missing", "the recipient or the organisation is gone");
    if (context.recipient.membershipStatus !== "active") return cancel("recipient_inactive", "the recipient's membership is archived");
    if (context.recipient.preferences[reminder.kind] === false) {
      return cancel("preference_off", `the recipient switched ${reminder.kind} reminders off`);
    }
    const plan = checkPlanVersion(reminder, context);
    if (!plan.ok) return cancel(plan.reason, plan.detail);

    const unsubscribe = unsubscribeUrl(context.recipient.membershipId, reminder.kind);
    const composed = await unsafeComposeReminderEmail(db, reminder, context, { unsubscribeUrl: unsubscribe, now });
    if (!composed.ok) return cancel(composed.reason, composed.detail);
    return {
      kind: "email",
      email: {
        to: context.recipient.email,
        ...composed.email,
        headers: listUnsubscribeHeaders(unsubscribe),
        tags: { kind: reminder.kind, reminder_id: reminder.id },
        idempotencyKey: reminder.dedupeKey,
        orgId: reminder.orgId,
      },
    };
  } catch (error) {
    return { kind: "retry", error: `could not prepare the email: ${describe(error)}` };
  }
}

/** Records a verdict reached before anything was sent: cancel, fail, or back off. */
export function settlePrepared(row: Claimed, prepared: Exclude<Prepared, { kind: "email" }>): Promise<DeliveryOutcome> {
  switch (prepared.kind) {
    case "cancel":
      return cancel(row, prepared.reason, prepared.detail);
    case "fail":
      return fail(row, prepared.reason, prepared.error);
    case "retry":
      // Nothing has reached the provider yet, so a plain backoff is safe.
      return retryLater(row, "transient", prepared.error);
  }
}

/**
 * Reminders ready for delivery at `now`: pending, due (by `dueBy`, `now` unless a grace period
 * holds fresh rows back), not backing off, and not a member of an unresolved batch (only that
 * batch may send it). `lease` says which claims count as free: none at all (a batch claim), an
 * expired one only (rule 5 of batch.ts), or either (a single claim, the sweep's pick).
 * The status is a literal, not a parameter: a generic plan of a prepared statement (postgres.js
 * prepares) can only use the partial index on pending rows if it can prove its predicate.
 */
export function readyForDelivery(now: Date, dueBy: Date = now, lease: "free" | "expired" | "free_or_expired" = "free_or_expired") {
  const leaseCondition = {
    free: isNull(reminders.leaseUntil),
    expired: lte(reminders.leaseUntil, now),
    free_or_expired: or(isNull(reminders.leaseUntil), lte(reminders.leaseUntil, now)),
  }[lease];
  // The grace period leaves fresh rows to their own workflow runs; invitation rows (a roster's
  // emails) have none, since only the sweep batches them, so it does not hold them back.
  const due =
    +dueBy >= +now ? lte(reminders.dueAt, dueBy) : and(lte(reminders.dueAt, now), or(lte(reminders.dueAt, dueBy), sql`${reminders.kind} = 'invitation'`));
  return and(
    sql`${reminders.status} = 'pending'`,
    due,
    or(isNull(reminders.nextAttemptAt), lte(reminders.nextAttemptAt, now)),
    leaseCondition,
    isNull(reminders.batchId),
  );
}

/** Whether a reminder may be claimed at `now` (see readyForDelivery). */
export const claimable = (now: Date, dueBy: Date = now) => readyForDelivery(now, dueBy);

/** The one conditional UPDATE that makes delivery exclusive. Unsafe: crosses tenants. */
export async function unsafeClaimReminder(db: Database, reminderId: string, now: Date, leaseUntil: Date): Promise<ReminderRow | null> {
  const [claimed] = await db
    .update(reminders)
    .set({ leaseUntil, attempts: sql`${reminders.attempts} + 1` })
    .where(and(eq(reminders.id, reminderId), claimable(now)))
    .returning();
  return claimed ?? null;
}

async function explainUnclaimed(db: Database, reminderId: string, now: Date): Promise<DeliveryOutcome> {
  const [row] = await db
    .select({
      status: reminders.status,
      dueAt: reminders.dueAt,
      nextAttemptAt: reminders.nextAttemptAt,
      leaseUntil: reminders.leaseUntil,
      batchId: reminders.batchId,
      batchNextAttemptAt: emailBatches.nextAttemptAt,
      batchLeaseUntil: emailBatches.leaseUntil,
    })
    .from(reminders)
    .leftJoin(emailBatches, eq(emailBatches.id, reminders.batchId))
    .where(eq(reminders.id, reminderId));
  const unclaimed = (why: Extract<DeliveryOutcome, { status: "not_claimed" }>["why"], retryAt: Date | null = null) =>
    ({ status: "not_claimed", reminderId, why, retryAt }) as const;
  if (!row) return unclaimed("not_found");
  if (row.status !== "pending") return unclaimed(row.status);
  if (row.batchId) {
    // Its batch decides; by the time the batch's next try or lease is over it should be resolved.
    const resolvedBy = [row.batchNextAttemptAt, row.batchLeaseUntil].filter((d): d is Date => d !== null && +d > +now);
    return unclaimed("batched", resolvedBy.length ? new Date(Math.max(...resolvedBy.map(Number))) : new Date(+now + IN_PROGRESS_RETRY_MS));
  }
  if (+row.dueAt > +now) return unclaimed("not_due", row.dueAt);
  if (row.nextAttemptAt && +row.nextAttemptAt > +now) return unclaimed("backing_off", row.nextAttemptAt);
  if (row.leaseUntil && +row.leaseUntil > +now) return unclaimed("leased", row.leaseUntil);
  // Claimable after all: it changed between the UPDATE and this read. Ask again at once.
  return unclaimed("leased", now);
}

/** A reminder this worker claimed at `now` with lease `lease`. */
export type Claimed = { db: Database; reminder: ReminderRow; now: Date; lease: Date };

/** Only the worker still holding this claim may record a verdict other than "sent". */
const ownClaim = ({ reminder, lease }: Claimed) =>
  and(eq(reminders.id, reminder.id), eq(reminders.status, "pending"), eq(reminders.leaseUntil, lease));

/**
 * Recorded whatever the row says now, except an earlier "sent": the provider holds a message, so
 * the truthful record is "sent" even if a re-plan cancelled the row while it was in flight (a
 * cancelled row can be revived by the planner, and must not be sent again).
 */
async function markSent(row: Claimed, providerMessageId: string | null, note: string | null): Promise<DeliveryOutcome> {
  const { db, reminder, now } = row;
  await db
    .update(reminders)
    .set({ status: "sent", sentAt: now, providerMessageId, leaseUntil: null, nextAttemptAt: null, cancelledAt: null, lastError: note })
    .where(and(eq(reminders.id, reminder.id), ne(reminders.status, "sent")));
  return { status: "sent", reminderId: reminder.id, providerMessageId, attempts: reminder.attempts };
}

async function cancel(row: Claimed, reason: SkipReason, detail: string): Promise<DeliveryOutcome> {
  const { db, reminder, now } = row;
  const updated = await db
    .update(reminders)
    .set({ status: "cancelled", cancelledAt: now, leaseUntil: null, lastError: `${reason}: ${detail}` })
    .where(ownClaim(row))
    .returning({ id: reminders.id });
  if (updated.length === 0) return { status: "superseded", reminderId: reminder.id };
  return { status: "cancelled", reminderId: reminder.id, reason, detail };
}

export async function fail(
  row: Claimed,
  reason: Extract<DeliveryOutcome, { status: "failed" }>["reason"],
  error: string,
): Promise<DeliveryOutcome> {
  const { db, reminder } = row;
  const updated = await db
    .update(reminders)
    .set({ status: "failed", leaseUntil: null, nextAttemptAt: null, lastError: `${reason}: ${error}` })
    .where(ownClaim(row))
    .returning({ id: reminders.id });
  if (updated.length === 0) return { status: "superseded", reminderId: reminder.id };
  return { status: "failed", reminderId: reminder.id, reason, error, attempts: reminder.attempts };
}

/**
 * Leaves the row pending with a time for the next try. A 429 or an in-flight 409 says nothing
 * about this email, so its attempt is given back; a transient failure counts, and the last one
 * allowed fails the row.
 */
export async function retryLater(
  row: Claimed,
  reason: "rate_limited" | "in_progress" | "transient",
  error: string,
  delayMs?: number,
): Promise<DeliveryOutcome> {
  const { db, reminder, now } = row;
  if (reason === "transient" && reminder.attempts >= MAX_ATTEMPTS) {
    return fail(row, "gave_up", `gave up after ${reminder.attempts} attempts: ${error}`);
  }
  const counts = reason === "transient";
  const retryAt = new Date(+now + (delayMs ?? backoffMs(reminder.attempts, reminder.id)));
  // A 5xx, a timeout or an in-flight 409 may mean the provider holds the email under this
  // reminder's own key: the lease runs on until the retry, so the row can only be taken again by
  // a single delivery under that key (which meets the first message), never by a batch under
  // another key. A 429 is a plain "not now": the row is free.
  const mayHaveReachedProvider = reason !== "rate_limited";
  const updated = await db
    .update(reminders)
    .set({
      leaseUntil: mayHaveReachedProvider ? retryAt : null,
      nextAttemptAt: retryAt,
      lastError: `${reason}: ${error}`,
      ...(counts ? {} : { attempts: sql`greatest(${reminders.attempts} - 1, 0)` }),
    })
    .where(ownClaim(row))
    .returning({ attempts: reminders.attempts });
  if (updated.length === 0) return { status: "superseded", reminderId: reminder.id };
  return { status: "retry", reminderId: reminder.id, reason, retryAt, error, attempts: updated[0]!.attempts };
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : "";
    return `${error.message}${cause}`;
  }
  return String(error);
}
