import { createHmac, timingSafeEqual } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { memberships, reminderKind, users } from "@/db/schema";
import { env } from "../env";

export type ReminderKind = (typeof reminderKind.enumValues)[number];

const KINDS: ReadonlySet<string> = new Set(reminderKind.enumValues);
/** Lower case only: a token has exactly one spelling, the one we signed. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** An HMAC-SHA256 in unpadded base64url: 43 characters. */
const SIGNATURE = /^[A-Za-z0-9_-]{43}$/;

/**
 * The signature covers a purpose and version prefix, so a MAC made with AUTH_SECRET for anything
 * else can never be replayed as an unsubscribe token.
 */
function mac(membershipId: string, kind: string, secret: string): Buffer {
  return createHmac("sha256", secret).update(`unsubscribe:v1:${membershipId.toLowerCase()}:${kind}`).digest();
}

/**
 * `<membershipId>.<kind>.<signature>`: readable, URL-safe, and needs no database row. It never
 * expires: an unsubscribe link in an old email must keep working (and switching a kind of email
 * off is harmless if a link leaks).
 */
export function signUnsubscribeToken(membershipId: string, kind: ReminderKind, secret: string = env().AUTH_SECRET): string {
  return `${membershipId.toLowerCase()}.${kind}.${mac(membershipId, kind, secret).toString("base64url")}`;
}

export function verifyUnsubscribeToken(
  token: string,
  secret: string = env().AUTH_SECRET,
): { membershipId: string; kind: ReminderKind } | null {
  const [membershipId, kind, signature, ...rest] = token.split(".");
  if (!membershipId || !kind || !signature || rest.length > 0) return null;
  if (!UUID.test(membershipId) || !KINDS.has(kind) || !SIGNATURE.test(signature)) return null;
  const given = Buffer.from(signature, "base64url");
  // The last character carries 4 spare bits: only the spelling that round-trips is accepted.
  if (given.toString("base64url") !== signature) return null;
  const expected = mac(membershipId, kind, secret);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { membershipId, kind: kind as ReminderKind };
}

/** `${APP_URL}/unsubscribe/<token>`: a page for people and a one-click POST target for mail clients. */
export function unsubscribeUrl(membershipId: string, kind: ReminderKind, e = env()): string {
  return new URL(`/unsubscribe/${signUnsubscribeToken(membershipId, kind, e.AUTH_SECRET)}`, e.APP_URL).toString();
}

/** RFC 8058 one-click unsubscribe: mail clients POST to the URL without opening a page. */
export function listUnsubscribeHeaders(url: string): Record<string, string> {
  return { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

/**
 * Switches one kind of reminder off for the person behind the token. Preferences belong to the
 * person (users.reminder_preferences), not to one membership, so the switch applies in every
 * organisation they belong to. Unsafe: the signed token is the only authorisation, no session
 * or tenant is involved. Idempotent; answers null for a token that does not verify or a
 * membership that no longer exists.
 */
export async function unsafeApplyUnsubscribe(
  db: Database,
  token: string,
): Promise<{ userId: string; kind: ReminderKind } | null> {
  const verified = verifyUnsubscribeToken(token);
  if (!verified) return null;
  const [membership] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(eq(memberships.id, verified.membershipId));
  if (!membership) return null;
  await db
    .update(users)
    .set({
      reminderPreferences: sql`${users.reminderPreferences} || jsonb_build_object(${verified.kind}::text, false)`,
    })
    .where(eq(users.id, membership.userId));
  return { userId: membership.userId, kind: verified.kind };
}
