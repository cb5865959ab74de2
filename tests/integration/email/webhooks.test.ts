import { createHmac } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as s from "../../../db/schema";
import { handleResendWebhook } from "../../../server/email/webhooks";
import { useTestDatabase } from "../../helpers/db";

const SECRET = `whsec_${Buffer.from("a-webhook-signing-secret-for-tests").toString("base64")}`;

/** Signs like Resend (Svix): HMAC-SHA256 over "id.timestamp.body" with the decoded secret. */
function signed(id: string, body: object, secret = SECRET) {
  const raw = JSON.stringify(body);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const signature = `v1,${createHmac("sha256", key).update(`${id}.${timestamp}.${raw}`).digest("base64")}`;
  return { raw, headers: { id, timestamp, signature } };
}

const bounce = (to: string) => ({ type: "email.bounced", created_at: new Date().toISOString(), data: { email_id: "em_1", to: [to] } });

describe("Resend webhooks", () => {
  const test = useTestDatabase();

  it("suppresses a bounced address once, however often the webhook is delivered", async () => {
    const { raw, headers } = signed("msg_bounce_1", bounce("Gone@Example.com"));
    for (let i = 0; i < 3; i++) {
      expect(await handleResendWebhook(test.db, raw, headers, SECRET)).toEqual({ status: 200, body: "ok" });
    }
    expect(await test.db.select().from(s.emailSuppressions).where(eq(s.emailSuppressions.email, "gone@example.com"))).toHaveLength(1);
    expect(await test.db.$count(s.webhookEvents, eq(s.webhookEvents.id, "msg_bounce_1"))).toBe(1);
  });

  it("rejects a body that does not match its signature, and records nothing", async () => {
    const { headers } = signed("msg_forged", bounce("victim@example.com"));
    const tampered = JSON.stringify(bounce("someone-else@example.com"));
    expect((await handleResendWebhook(test.db, tampered, headers, SECRET)).status).toBe(401);
    const wrongSecret = signed("msg_wrong", bounce("victim@example.com"), `whsec_${Buffer.from("another-secret").toString("base64")}`);
    expect((await handleResendWebhook(test.db, wrongSecret.raw, wrongSecret.headers, SECRET)).status).toBe(401);
    expect(await test.db.$count(s.emailSuppressions, eq(s.emailSuppressions.email, "victim@example.com"))).toBe(0);
    expect(await test.db.$count(s.webhookEvents, eq(s.webhookEvents.id, "msg_forged"))).toBe(0);
  });

  it("refuses requests without signature headers, or when no secret is configured", async () => {
    const { raw, headers } = signed("msg_x", bounce("x@example.com"));
    expect((await handleResendWebhook(test.db, raw, { ...headers, signature: null }, SECRET)).status).toBe(400);
    expect((await handleResendWebhook(test.db, raw, headers, undefined)).status).toBe(503);
  });

  it("records delivery events without suppressing anyone", async () => {
    const { raw, headers } = signed("msg_delivered", { type: "email.delivered", created_at: new Date().toISOString(), data: { to: ["ok@example.com"] } });
    expect((await handleResendWebhook(test.db, raw, headers, SECRET)).status).toBe(200);
    expect(await test.db.$count(s.emailSuppressions, eq(s.emailSuppressions.email, "ok@example.com"))).toBe(0);
  });
});
