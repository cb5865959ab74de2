import { Resend } from "resend";
import { z } from "zod";
import type { Database } from "@/db";
import { emailSuppressions, webhookEvents } from "@/db/schema";

export type WebhookHeaders = { id: string | null; timestamp: string | null; signature: string | null };
export type WebhookOutcome = { status: 200 | 400 | 401 | 413 | 503; body: string };

/** What we read of an event; a correctly signed body of another shape is a 400, never a 500. */
const ZResendEvent = z.object({
  type: z.string().min(1).max(100),
  data: z.object({ to: z.union([z.string().max(320), z.array(z.string().max(320)).max(100)]).optional() }).loose().optional(),
});

/** Whether the request carries all three signature headers: checked before its body is read. */
export const hasSignatureHeaders = (headers: WebhookHeaders) => Boolean(headers.id && headers.timestamp && headers.signature);

/** Events that mean "stop emailing this address". */
const SUPPRESSING = { "email.bounced": "bounce", "email.complained": "complaint" } as const;

/**
 * A Resend webhook: the signature is checked on the raw body (re-serialised JSON would not
 * match), each webhook id is recorded once so a redelivery changes nothing, and bounced or
 * complaining addresses are suppressed: `sendEmail` refuses them from then on.
 */
export async function handleResendWebhook(
  db: Database,
  rawBody: string,
  headers: WebhookHeaders,
  secret: string | undefined,
): Promise<WebhookOutcome> {
  if (!secret) return { status: 503, body: "Webhooks are not configured." };
  if (!hasSignatureHeaders(headers)) return { status: 400, body: "Missing signature headers." };

  let verified: unknown;
  try {
    // The SDK only needs a key to be constructed; verification itself is local.
    verified = new Resend("re_webhook_verification").webhooks.verify({
      payload: rawBody,
      headers: { id: headers.id!, timestamp: headers.timestamp!, signature: headers.signature! },
      webhookSecret: secret,
    });
  } catch {
    return { status: 401, body: "Invalid signature." };
  }
  const parsed = ZResendEvent.safeParse(verified);
  if (!parsed.success) return { status: 400, body: "Unrecognised event." };
  const event = parsed.data;

  await db.transaction(async (tx) => {
    const [fresh] = await tx.insert(webhookEvents).values({ id: headers.id!, type: event.type }).onConflictDoNothing().returning();
    if (!fresh) return;
    const reason = SUPPRESSING[event.type as keyof typeof SUPPRESSING];
    if (!reason) return;
    const recipients = [event.data?.to ?? []].flat().map((address) => address.trim().toLowerCase());
    if (recipients.length > 0) {
      await tx.insert(emailSuppressions).values(recipients.map((email) => ({ email, reason }))).onConflictDoNothing();
    }
  });
  return { status: 200, body: "ok" };
}
