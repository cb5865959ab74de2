import { getDb } from "@/db";
import { handleResendWebhook, hasSignatureHeaders, type WebhookHeaders } from "@/server/email/webhooks";
import { env } from "@/server/env";
import { BODY_LIMITS, BodyTooLarge, readBodyWithin } from "@/server/http/limits";

/**
 * Resend's bounce and complaint events. Unauthenticated callers reach this, so nothing is read
 * before the cheap checks: the webhook must be configured and the signature headers present, and
 * the body is then read only up to a few times the size of a real event.
 */
export async function POST(request: Request) {
  const secret = env().RESEND_WEBHOOK_SECRET;
  const headers: WebhookHeaders = {
    id: request.headers.get("svix-id"),
    timestamp: request.headers.get("svix-timestamp"),
    signature: request.headers.get("svix-signature"),
  };
  if (!secret) return new Response("Webhooks are not configured.", { status: 503 });
  if (!hasSignatureHeaders(headers)) return new Response("Missing signature headers.", { status: 400 });
  let body: string;
  try {
    body = await readBodyWithin(request, BODY_LIMITS.webhook);
  } catch (error) {
    if (error instanceof BodyTooLarge) return new Response(error.message, { status: 413 });
    throw error;
  }
  const outcome = await handleResendWebhook(getDb(), body, headers, secret);
  return new Response(outcome.body, { status: outcome.status });
}
