import { Auth } from "@auth/core";
import { desc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../db";
import * as s from "../../../db/schema";
import { buildAuthConfig } from "../../../server/auth/config";
import { SIGN_IN_LIMITS } from "../../../server/auth/rate-limit";
import { createUser } from "../../factories";
import { useTestDatabase } from "../../helpers/db";

const ORIGIN = "http://localhost:3000";

/** Drives the real Auth.js handler the way a browser would: CSRF cookie, form post, link click. */
class Browser {
  cookies = new Map<string, string>();
  constructor(
    private readonly db: Database,
    private readonly ip: string,
  ) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async request(path: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers);
    headers.set("cookie", this.cookieHeader());
    headers.set("x-forwarded-for", this.ip);
    const response = await Auth(new Request(new URL(path, ORIGIN), { ...init, headers, redirect: "manual" }), buildAuthConfig(this.db));
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [name, ...value] = pair!.split("=");
      this.cookies.set(name!, value.join("="));
    }
    return response;
  }

  async requestLink(email: string) {
    const csrf = (await (await this.request("/api/auth/csrf")).json()) as { csrfToken: string };
    const body = new URLSearchParams({ email, csrfToken: csrf.csrfToken, callbackUrl: `${ORIGIN}/` });
    return this.request("/api/auth/signin/email", {
      method: "POST",
      body,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
  }
}

async function latestLinkFor(db: Database, email: string) {
  const [message] = await db.select().from(s.outboxEmails).where(eq(s.outboxEmails.to, email)).orderBy(desc(s.outboxEmails.createdAt)).limit(1);
  const link = message?.text.match(/https?:\/\/\S+\/api\/auth\/callback\/email\?\S+/)?.[0];
  if (!link) throw new Error(`No sign-in link was sent to ${email}`);
  return link.replace(/[).,]+$/, "");
}

const sentTo = (db: Database, email: string) => db.$count(s.outboxEmails, eq(s.outboxEmails.to, email));
const location = (response: Response) => response.headers.get("location") ?? "";

describe("email magic link", () => {
  const test = useTestDatabase();
  let counter = 0;
  const freshEmail = () => `person-${++counter}-${Date.now()}@test.example`;
  const freshIp = () => `198.51.100.${++counter}`;

  beforeAll(() => {
    // The magic link's origin comes from the request; make it stable for the link parser.
    process.env.AUTH_URL = ORIGIN;
  });

  it("signs a person in once; the same link used again shows the error page", async () => {
    const browser = new Browser(test.db, freshIp());
    const email = freshEmail();
    const requested = await browser.requestLink(email);
    expect(location(requested)).toContain("/verify-request");
    const link = await latestLinkFor(test.db, email);

    const first = await browser.request(link);
    expect(location(first)).toBe(`${ORIGIN}/`);
    expect(browser.cookies.get("authjs.session-token")).toBeTruthy();
    const [user] = await test.db.select().from(s.users).where(eq(s.users.email, email));
    expect(user?.emailVerified).toBeInstanceOf(Date);

    const second = await new Browser(test.db, freshIp()).request(link);
    expect(location(second)).toContain("/sign-in/error?error=Verification");
    expect(await test.db.$count(s.sessions, eq(s.sessions.userId, user!.id))).toBe(1);
  });

  it("refuses an expired link", async () => {
    const browser = new Browser(test.db, freshIp());
    const email = freshEmail();
    await browser.requestLink(email);
    const link = await latestLinkFor(test.db, email);
    await test.db
      .update(s.verificationTokens)
      .set({ expires: sql`now() - interval '1 minute'` })
      .where(eq(s.verificationTokens.identifier, email));

    const response = await browser.request(link);
    expect(location(response)).toContain("/sign-in/error?error=Verification");
    expect(await test.db.$count(s.users, eq(s.users.email, email))).toBe(0);
  });

  it("expires links after 30 minutes", async () => {
    const browser = new Browser(test.db, freshIp());
    const email = freshEmail();
    const before = Date.now();
    await browser.requestLink(email);
    const [token] = await test.db.select().from(s.verificationTokens).where(eq(s.verificationTokens.identifier, email));
    const minutes = (token!.expires.getTime() - before) / 60_000;
    expect(minutes).toBeGreaterThan(29);
    expect(minutes).toBeLessThanOrEqual(30.1);
  });

  it(`sends at most ${SIGN_IN_LIMITS.perEmail} links per address in ${SIGN_IN_LIMITS.windowMinutes} minutes`, async () => {
    const email = freshEmail();
    const responses = [];
    for (let i = 0; i < SIGN_IN_LIMITS.perEmail + 2; i++) {
      responses.push(await new Browser(test.db, freshIp()).requestLink(email));
    }
    expect(await sentTo(test.db, email)).toBe(SIGN_IN_LIMITS.perEmail);
    expect(location(responses.at(-1)!)).toContain("/sign-in/error");
  });

  it(`sends at most ${SIGN_IN_LIMITS.perIp} links per IP address in ${SIGN_IN_LIMITS.windowMinutes} minutes`, async () => {
    const browser = new Browser(test.db, freshIp());
    const emails = Array.from({ length: SIGN_IN_LIMITS.perIp + 1 }, freshEmail);
    for (const email of emails) await browser.requestLink(email);
    const sent = await Promise.all(emails.map((email) => sentTo(test.db, email)));
    expect(sent.reduce((a, b) => a + b, 0)).toBe(SIGN_IN_LIMITS.perIp);
    expect(sent.at(-1)).toBe(0);
  });

  it("answers a known and an unknown address identically", async () => {
    const known = await createUser(test.db);
    const unknown = freshEmail();
    const [forKnown, forUnknown] = [
      await new Browser(test.db, freshIp()).requestLink(known.email),
      await new Browser(test.db, freshIp()).requestLink(unknown),
    ];
    expect(forKnown.status).toBe(forUnknown.status);
    expect(location(forKnown)).toBe(location(forUnknown));
    expect(await sentTo(test.db, known.email)).toBe(1);
    expect(await sentTo(test.db, unknown)).toBe(1);
  });
});
