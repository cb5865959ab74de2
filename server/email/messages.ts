import type { Database } from "@/db";
import { renderEmail } from "@/emails";
import { PRODUCT_BRAND } from "@/emails/components/brand";
import type { OrgBrand } from "@/emails/components/types";
import { absoluteUrl, onCanonicalSite } from "../canonical-url";
import { canonicalTimeZoneOrUtc } from "../validation/time-zone";
import { sendEmail, type OutgoingEmail, type SendResult } from "./send";

/** One typed sending function per email kind; each throws when the email could not be handed over. */

function ensureSent(result: SendResult, what: string) {
  if (!result.ok) throw new Error(`Could not send the ${what} email (${result.kind}): ${result.message}`);
  return result;
}

/** `url` is the link Auth.js built; it is moved onto the canonical site whatever host the request named. */
export async function sendSignInLinkEmail(db: Database, to: string, url: string, expiresInMinutes: number) {
  const rendered = await renderEmail("sign-in-link", { org: PRODUCT_BRAND, url: onCanonicalSite(url), expiresInMinutes });
  return ensureSent(await sendEmail(db, { to, ...rendered, tags: { kind: "sign_in" } }), "sign-in");
}

type InvitationFacts = { id: string; email: string; role: "owner" | "coach" | "client"; expiresAt: Date };
type InvitationContext = { org: OrgBrand & { id: string; timeZone: string }; inviterName: string; token: string };

/**
 * The invitation email, rendered but not sent: the caller renders it inside the transaction that
 * creates the invitation, so a failure here (a template error) commits nothing, and sends it once
 * the invitation is committed, so the link in it always works.
 */
export async function renderInvitationEmail(invitation: InvitationFacts, context: InvitationContext): Promise<OutgoingEmail> {
  const rendered = await renderEmail("invitation", {
    org: context.org,
    inviterName: context.inviterName,
    inviteeEmail: invitation.email,
    role: invitation.role,
    acceptUrl: absoluteUrl(`/invite/${context.token}`),
    expiresAt: invitation.expiresAt,
    // An organisation saved before zones were validated may hold a name Intl cannot format.
    timeZone: canonicalTimeZoneOrUtc(context.org.timeZone),
  });
  return { to: invitation.email, ...rendered, orgId: context.org.id, idempotencyKey: `invitation/${invitation.id}`, tags: { kind: "invitation" } };
}

export async function sendRenderedEmail(db: Database, email: OutgoingEmail, what: string) {
  return ensureSent(await sendEmail(db, email), what);
}
