import { eq, inArray } from "drizzle-orm";
import { Resend } from "resend";
import type { Database } from "@/db";
import { emailSuppressions, outboxEmails, type BatchEmailPayload } from "@/db/schema";
import { env, usesLocalOutbox } from "../env";

export type OutgoingEmail = {
  to: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
  tags?: Record<string, string>;
  /** Sent as Resend's Idempotency-Key, and unique in the local outbox: a retry never sends twice. */
  idempotencyKey?: string;
  orgId?: string | null;
};

/**
 * What the caller should do when an email was not handed over:
 * - `rate_limited`: wait `retryAfterSeconds`, then try again (not a failure of this email);
 * - `in_progress`: the same idempotency key is being processed right now; ask again shortly;
 * - `transient`: a 5xx, a network failure, a timeout, a configuration problem: retry with backoff;
 * - `permanent`: the provider refused this email; retrying will not help;
 * - `suppressed`: the address bounced or complained before; nothing is sent to it;
 * - `key_reused`: the provider already accepted an email under this idempotency key, with a
 *   different payload (the data changed between attempts). It was sent once; do not send again.
 */
export type SendFailureKind = "rate_limited" | "in_progress" | "transient" | "permanent" | "suppressed" | "key_reused";
export type SendResult =
  | { ok: true; providerMessageId: string }
  | {
      ok: false;
      kind: SendFailureKind;
      message: string;
      retryAfterSeconds?: number;
      /** Refused before any processing (a bad key or URL): a `transient` that certainly sent nothing. */
      refusedUnprocessed?: boolean;
    };

/** A provider call that hangs must not outlive the delivery lease (60 s): give up well before. */
export const SEND_TIMEOUT_MS = 20_000;

/**
 * The one way the product sends email. Through Resend when RESEND_API_KEY is set, else into the
 * local outbox table that the development outbox page shows. Never silently does nothing.
 */
export async function sendEmail(db: Database, email: OutgoingEmail): Promise<SendResult> {
  const to = normaliseAddress(email.to);
  const [suppressed] = await db.select().from(emailSuppressions).where(eq(emailSuppressions.email, to));
  if (suppressed) {
    return { ok: false, kind: "suppressed", message: suppressionMessage(to, suppressed.reason) };
  }
  return usesLocalOutbox() ? storeInOutbox(db, { ...email, to }) : sendWithResend({ ...email, to });
}

const normaliseAddress = (address: string) => address.trim().toLowerCase();
const suppressionMessage = (to: string, reason: string) => `${to} is suppressed after a ${reason}`;

/**
 * The batch path's version of sendEmail's suppression check, in one query: for each address that
 * bounced or complained before, why nothing may be sent to it (keyed by the address as given).
 */
export async function suppressedAmong(db: Database, addresses: readonly string[]): Promise<Map<string, string>> {
  const normalised = [...new Set(addresses.map(normaliseAddress))];
  if (normalised.length === 0) return new Map();
  const found = await db.select().from(emailSuppressions).where(inArray(emailSuppressions.email, normalised));
  const reasonOf = new Map(found.map((row) => [row.email, row.reason]));
  const suppressed = new Map<string, string>();
  for (const address of addresses) {
    const reason = reasonOf.get(normaliseAddress(address));
    if (reason) suppressed.set(address, suppressionMessage(normaliseAddress(address), reason));
  }
  return suppressed;
}

/**
 * One email as the Resend SDK's `batch.send` takes it (and as sendWithResend sends it alone).
 * The batch's own Idempotency-Key replaces the email's. Stored before sending, so a retry sends
 * this very object again: everything that varies (the sender too) is fixed here.
 */
export function toBatchEmail(email: OutgoingEmail): BatchEmailPayload {
  return {
    from: env().EMAIL_FROM,
    to: normaliseAddress(email.to),
    subject: email.subject,
    html: email.html,
    text: email.text,
    ...(email.headers ? { headers: email.headers } : {}),
    ...(email.tags ? { tags: Object.entries(email.tags).map(([name, value]) => ({ name, value })) } : {}),
  };
}

export type BatchSendResult =
  /** Accepted as a whole: the provider's ids in payload order (null if its answer could not be matched up). */
  | { ok: true; providerMessageIds: Array<string | null>; note: string | null }
  /** Nothing was accepted by this request (but see `key_reused` and `transient`); same kinds as a single send. */
  | {
      ok: false;
      kind: Exclude<SendFailureKind, "suppressed">;
      message: string;
      retryAfterSeconds?: number;
      refusedUnprocessed?: boolean;
    };

/** Resend's limit on one batch request. */
export const BATCH_LIMIT = 100;

/**
 * Sends up to 100 emails in one request under one Idempotency-Key. Resend validates a batch
 * strictly by default (one invalid email refuses the whole request with a 422: `permanent` here,
 * for the whole batch) and answers with the ids in the order of the emails.
 */
export async function sendBatchWithResend(emails: BatchEmailPayload[], idempotencyKey: string): Promise<BatchSendResult> {
  if (emails.length === 0 || emails.length > BATCH_LIMIT) {
    return { ok: false, kind: "permanent", message: `a batch holds 1 to ${BATCH_LIMIT} emails, not ${emails.length}` };
  }
  const { data, error, headers } = await resendClient().batch.send(emails, {
    idempotencyKey,
    batchValidation: "strict",
    signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
  });
  if (data) {
    const ids = data.data.map((email) => email.id);
    if (ids.length === emails.length) return { ok: true, providerMessageIds: ids, note: null };
    // Accepted (a 200), but the ids cannot be matched to the emails: sent all the same, without ids.
    return { ok: true, providerMessageIds: emails.map(() => null), note: `accepted with ${ids.length} ids for ${emails.length} emails` };
  }
  const classified = classifyResendError(error, headers);
  // classifyResendError never answers ok or suppressed for an error; the narrowing is for the compiler.
  if (classified.ok || classified.kind === "suppressed") return { ok: false, kind: "transient", message: "unclassifiable answer" };
  return { ...classified, kind: classified.kind };
}

async function storeInOutbox(db: Database, email: OutgoingEmail): Promise<SendResult> {
  const values = {
    orgId: email.orgId ?? null,
    to: email.to,
    from: env().EMAIL_FROM,
    subject: email.subject,
    html: email.html,
    text: email.text,
    headers: email.headers ?? {},
    tags: email.tags ?? {},
    idempotencyKey: email.idempotencyKey ?? null,
  };
  const [inserted] = await db.insert(outboxEmails).values(values).onConflictDoNothing().returning({ id: outboxEmails.id });
  if (inserted) return { ok: true, providerMessageId: inserted.id };
  // Same idempotency key as an earlier send: answer with the first message, as Resend does.
  const [existing] = await db
    .select({ id: outboxEmails.id })
    .from(outboxEmails)
    .where(eq(outboxEmails.idempotencyKey, email.idempotencyKey!));
  return { ok: true, providerMessageId: existing!.id };
}

let cachedClient: { client: Resend; key: string; baseUrl: string | undefined } | undefined;

/**
 * The SDK reads RESEND_BASE_URL once, at construction (which is how tests point it at a local
 * fake). The client is cached per key and base URL, so a changed environment gets a new one.
 */
function resendClient(): Resend {
  const key = env().RESEND_API_KEY!;
  const baseUrl = process.env.RESEND_BASE_URL || undefined;
  if (!cachedClient || cachedClient.key !== key || cachedClient.baseUrl !== baseUrl) {
    cachedClient = { client: new Resend(key, baseUrl ? { baseUrl } : undefined), key, baseUrl };
  }
  return cachedClient.client;
}

/** Drops the cached Resend client: the next send builds one from the current environment. */
export function resetResendClient(): void {
  cachedClient = undefined;
}

async function sendWithResend(email: OutgoingEmail): Promise<SendResult> {
  // The SDK never throws: network failures and aborts come back as `error` (application_error).
  const { data, error, headers } = await resendClient().emails.send(
    {
      from: env().EMAIL_FROM,
      to: email.to,
      subject: email.subject,
      html: email.html,
      text: email.text,
      headers: email.headers,
      tags: email.tags ? Object.entries(email.tags).map(([name, value]) => ({ name, value })) : undefined,
    },
    {
      ...(email.idempotencyKey ? { idempotencyKey: email.idempotencyKey } : {}),
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    },
  );
  if (data) return { ok: true, providerMessageId: data.id };
  return classifyResendError(error, headers);
}

const RATE_LIMIT_FALLBACK_SECONDS = 1;
/** Quotas reset daily or monthly; asking again every second would only burn requests. */
const QUOTA_FALLBACK_SECONDS = 60 * 60;

/** `retry-after` is seconds or an HTTP date; anything else gives the fallback. */
function retryAfterSeconds(headers: Record<string, string> | null | undefined, fallback: number): number {
  const raw = headers?.["retry-after"] ?? headers?.["ratelimit-reset"];
  if (raw === undefined) return fallback;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.max(seconds, 1);
  const date = Date.parse(raw);
  return Number.isFinite(date) ? Math.max(Math.ceil((date - Date.now()) / 1000), 1) : fallback;
}

/**
 * Maps Resend's answer to what the caller should do: wait, retry later, or give up.
 * Error names are Resend's (https://resend.com/docs/api-reference/errors).
 */
export function classifyResendError(
  error: { name?: string; message?: string; statusCode?: number | null } | null,
  headers?: Record<string, string> | null,
): SendResult {
  const name = error?.name ?? "unknown_error";
  const message = `${name}: ${error?.message ?? "no message"}`;
  const status = error?.statusCode ?? null;
  if (status === 429) {
    const quota = name === "daily_quota_exceeded" || name === "monthly_quota_exceeded";
    const fallback = quota ? QUOTA_FALLBACK_SECONDS : RATE_LIMIT_FALLBACK_SECONDS;
    return { ok: false, kind: "rate_limited", message, retryAfterSeconds: retryAfterSeconds(headers, fallback) };
  }
  if (status === 409 && name === "concurrent_idempotent_requests") return { ok: false, kind: "in_progress", message };
  if (status === 409 && name === "invalid_idempotent_request") return { ok: false, kind: "key_reused", message };
  // A missing or revoked key, a wrong base URL: the operator's to fix, not this email's fault.
  // Backing off keeps the reminders instead of failing every one of them at once.
  if (status === 401 || status === 403 || status === 404 || status === 405) return { ok: false, kind: "transient", message, refusedUnprocessed: true };
  if (status !== null && status >= 400 && status < 500) return { ok: false, kind: "permanent", message };
  // 5xx, network failures and timeouts (the SDK returns application_error without a status), the unknown.
  return { ok: false, kind: "transient", message };
}
