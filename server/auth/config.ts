import { DrizzleAdapter } from "@auth/drizzle-adapter";
import type { NextAuthConfig } from "next-auth";
import type { EmailConfig } from "next-auth/providers";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Database } from "@/db";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { sendSignInLinkEmail } from "../email/messages";
import { canonicalOrigin, safeRedirectUrl } from "../canonical-url";
import { env } from "../env";
import { clientIp } from "./client-ip";
import { consumeSignInAllowance } from "./rate-limit";

export const MAGIC_LINK_MINUTES = 30;

export class SignInRateLimited extends Error {
  constructor() {
    super("Too many sign-in emails were requested; try again in a few minutes.");
    this.name = "SignInRateLimited";
  }
}

/**
 * The email magic link, delivered through the project's email layer (Resend or the local outbox)
 * rather than a provider that posts to a fixed URL. The limit is enforced here, on the path every
 * sign-in email takes, so a direct POST to the Auth.js endpoint cannot skip it.
 */
function magicLinkProvider(db: Database): EmailConfig {
  return {
    id: "email",
    type: "email",
    name: "Email",
    maxAge: MAGIC_LINK_MINUTES * 60,
    sendVerificationRequest({ identifier, url, request }) {
      const delivery = (async () => {
        const allowed = await consumeSignInAllowance(db, { email: identifier, ip: clientIp(request.headers) });
        if (!allowed) throw new SignInRateLimited();
        await sendSignInLinkEmail(db, identifier, url, MAGIC_LINK_MINUTES);
      })();
      // Auth.js awaits this promise only after hashing the token; until then a failure would count
      // as an unhandled rejection (which ends a Node process). Marking it handled keeps the error
      // for Auth.js, which turns it into its error page.
      delivery.catch(() => undefined);
      return delivery;
    },
  };
}

export function buildAuthConfig(db: Database): NextAuthConfig {
  // Auth.js builds its action URLs and reads every request's origin from AUTH_URL when set, and
  // from the Host / X-Forwarded-Host headers otherwise: pin it to the canonical address.
  process.env.AUTH_URL = canonicalOrigin();
  return {
    adapter: DrizzleAdapter(db as unknown as PgDatabase<PgQueryResultHKT>, {
      usersTable: users as never,
      accountsTable: accounts as never,
      sessionsTable: sessions as never,
      verificationTokensTable: verificationTokens as never,
    }),
    // Database sessions: signing out or removing a member ends their access at once.
    session: { strategy: "database", maxAge: 30 * 24 * 3600, updateAge: 24 * 3600 },
    secret: env().AUTH_SECRET,
    // Safe only because AUTH_URL is pinned above: the host Auth.js "trusts" is the configured one.
    trustHost: true,
    basePath: "/api/auth",
    providers: [magicLinkProvider(db)],
    pages: { signIn: "/sign-in", verifyRequest: "/sign-in/check-email", error: "/sign-in/error" },
    callbacks: {
      /** Only addresses on this site; anything else lands on the home page. */
      redirect({ url }) {
        return safeRedirectUrl(url);
      },
      session({ session, user }) {
        return { ...session, user: { ...session.user, id: user.id } };
      },
    },
  };
}
