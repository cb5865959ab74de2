import { eq } from "drizzle-orm";
import { Resend } from "resend";
import type { Database } from "@/db";
import { emailSuppressions, outboxEmails } from "@/db/schema";
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

export type SendFailureKind = "rate_limited" | "in_progress" | "transient" | "permanent" | "suppressed";
export type SendResult =
  | { ok: true; providerMessageId: string }
  | { ok: false; kind: SendFailureKind; message: string; retryAfterSeconds?: number };

/**
 * The one way the product sends email. Through Resend when RESEND_API_KEY is set, else into the
 * local outbox table that the development outbox page shows. Never silently does nothing.
 */
export async function sendEmail(db: Database, email: OutgoingEmail): Promise<SendResult> {
  const to = email.to.trim().toLowerCase();
  const [suppressed] = await db.select().from(emailSuppressions).where(eq(emailSuppressions.email, to));
  if (suppressed) {
    return { ok: false, kind: "suppressed", message: `${to} is suppressed after a ${suppressed.reason}` };
  }
  return usesLocalOutbox() ? storeInOutbox(db, { ...email, to }) : sendWithResend({ ...email, to });
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

let resendClient: Resend | undefined;

async function sendWithResend(email: OutgoingEmail): Promise<SendResult> {
  // The SDK reads RESEND_BASE_URL at construction, which is how tests point it at a local fake.
  resendClient ??= new Resend(env().RESEND_API_KEY);
  const { data, error, headers } = await resendClient.emails.send(
    {
      from: env().EMAIL_FROM,
      to: email.to,
      subject: email.subject,
      html: email.html,
      text: email.text,
      headers: email.headers,
      tags: email.tags ? Object.entries(email.tags).map(([name, value]) => ({ name, value })) : undefined,
    },
    email.idempotencyKey ? { idempotencyKey: email.idempotencyKey } : undefined,
  );
  if (data) return { ok: true, providerMessageId: data.id };
  return classifyResendError(error, headers);
}

/** Maps Resend's answer to what the caller should do: wait, retry later, or give up. */
export function classifyResendError(
  error: { name?: string; message?: string; statusCode?: number | null } | null,
  headers?: Record<string, string> | null,
): SendResult {
  const message = `${error?.name ?? "unknown_error"}: ${error?.message ?? "no message"}`;
  const status = error?.statusCode ?? null;
  if (status === 429) {
    const retryAfter = Number(headers?.["retry-after"] ?? 1);
    return { ok: false, kind: "rate_limited", message, retryAfterSeconds: Number.isFinite(retryAfter) ? retryAfter : 1 };
  }
  if (status === 409 && error?.name === "concurrent_idempotent_requests") return { ok: false, kind: "in_progress", message };
  if (status !== null && status >= 400 && status < 500) return { ok: false, kind: "permanent", message };
  // 5xx, network failures (the SDK returns application_error without a status) and the unknown.
  return { ok: false, kind: "transient", message };
}
