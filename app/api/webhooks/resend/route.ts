import { getDb } from "@/db";
import { handleResendWebhook } from "@/server/email/webhooks";
import { env } from "@/server/env";

export async function POST(request: Request) {
  const outcome = await handleResendWebhook(
    getDb(),
    await request.text(),
    { id: request.headers.get("svix-id"), timestamp: request.headers.get("svix-timestamp"), signature: request.headers.get("svix-signature") },
    env().RESEND_WEBHOOK_SECRET,
  );
  return new Response(outcome.body, { status: outcome.status });
}
