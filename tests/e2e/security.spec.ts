import { request as httpRequest } from "node:http";
import { expect, test } from "@playwright/test";
import { linkInEmail, openLatestEmail, uniqueEmail } from "./helpers";

/**
 * The security promises checked where they are kept: over HTTP, against the production build
 * `next start` serves. Requests that a browser would never send (a forged Host, no Origin) go
 * through Node's own HTTP client, which sends exactly the headers it is given.
 */

const PORT = Number(process.env.E2E_PORT ?? 3100);
const SITE = `http://localhost:${PORT}`;

type RawResponse = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

function raw(path: string, { method = "GET", headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<RawResponse>((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port: PORT, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    if (body) req.write(body);
    req.end();
  });
}

const cookieOf = (response: RawResponse) =>
  [response.headers["set-cookie"] ?? []].flat().map((cookie) => cookie.split(";")[0]).join("; ");

/** Asks Auth.js for a sign-in email the way a script would, naming whatever host it likes. */
async function requestSignInEmail(email: string, forgedHost: string, callbackUrl: string) {
  const forged = { host: forgedHost, "x-forwarded-host": forgedHost, "x-forwarded-proto": "https" };
  const csrf = await raw("/api/auth/csrf", { headers: forged });
  expect(csrf.status).toBe(200);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const body = new URLSearchParams({ email, csrfToken, callbackUrl }).toString();
  return raw("/api/auth/signin/email", {
    method: "POST",
    headers: { ...forged, "content-type": "application/x-www-form-urlencoded", cookie: cookieOf(csrf), "content-length": String(Buffer.byteLength(body)) },
    body,
  });
}

test.describe("sign-in links and redirects stay on the configured site", () => {
  test("a sign-in requested under a forged Host and X-Forwarded-Host emails a link to the real site", async ({ page }) => {
    const victim = uniqueEmail("victim");
    const answer = await requestSignInEmail(victim, "evil.example", "https://evil.example/steal");
    expect(answer.status).toBeLessThan(500);
    expect(String(answer.headers.location ?? "")).not.toContain("evil.example");

    await openLatestEmail(page, victim, /sign-in link/i);
    const link = await linkInEmail(page, "/api/auth/callback/email");
    expect(new URL(link).origin).toBe(SITE);
    expect(link).not.toContain("evil.example");
    expect(await page.getByTestId("email-text").textContent()).not.toContain("evil.example");

    // Following it signs the person in and lands on the site, not on the callback they were handed.
    const landed = await page.request.get(link, { maxRedirects: 0 });
    expect(new URL(landed.headers()["location"]!, SITE).origin).toBe(SITE);
  });

  test("a server action without an Origin, or from another origin, is refused", async () => {
    const form = "1_email=a%40b.example";
    const headers = { "next-action": "0000000000000000000000000000000000000000", "content-type": "application/x-www-form-urlencoded" };
    expect((await raw("/sign-in", { method: "POST", headers, body: form })).status).toBe(403);
    expect((await raw("/sign-in", { method: "POST", headers: { ...headers, origin: "https://evil.example", host: "evil.example" }, body: form })).status).toBe(403);
  });

  test("hostile callback URLs resolve to this site, never to a 500", async ({ request }) => {
    for (const callback of ["/\t/evil.example", "/\n/x", "/\u3000x", "//evil.example", "/\\evil.example", "https://evil.example/"]) {
      const response = await request.get(`/sign-in?callbackUrl=${encodeURIComponent(callback)}`);
      expect(response.status(), callback).toBe(200);
      const value = /name="callbackUrl" value="([^"]*)"/.exec(await response.text())?.[1];
      expect(value, callback).toBeDefined();
      expect(new URL(value!.replaceAll("&amp;", "&"), SITE).origin, callback).toBe(SITE);
    }
  });

  test("a magic link carrying a tab-smuggled callback lands on this site", async ({ page }) => {
    const person = uniqueEmail("tabbed");
    await requestSignInEmail(person, `localhost:${PORT}`, "/\t/evil.example");
    await openLatestEmail(page, person, /sign-in link/i);
    const landed = await page.request.get(await linkInEmail(page, "/api/auth/callback/email"), { maxRedirects: 0 });
    expect(landed.status()).toBeGreaterThanOrEqual(300);
    expect(landed.status()).toBeLessThan(400);
    expect(new URL(landed.headers()["location"]!, SITE).origin).toBe(SITE);
  });

  test("signed out, an email's link to one page comes back to exactly that page, query included", async ({ request }) => {
    const target = "/northstar/interviews/3d9b8a4e-0000-4000-8000-000000000000?from=email";
    const response = await request.get(target, { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    const location = new URL(response.headers()["location"]!, SITE);
    expect(location.pathname).toBe("/sign-in");
    expect(location.searchParams.get("callbackUrl")).toBe(target);
  });
});

test.describe("security headers", () => {
  test("pages carry a nonce-based CSP that the page's own scripts follow, and the other headers", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto("/sign-in");
    const headers = response!.headers();
    const policy = headers["content-security-policy"]!;
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain("'unsafe-inline' 'nonce");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["strict-transport-security"]).toContain("max-age=");
    expect(headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);

    // Every inline script Next wrote carries this response's nonce, and the page is interactive.
    const nonce = /'nonce-([^']+)'/.exec(policy)![1]!;
    const scripts = await page.locator("script").evaluateAll((nodes) => nodes.map((node) => (node as HTMLScriptElement).nonce));
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.every((value) => value === nonce)).toBe(true);
    await page.getByLabel("Email", { exact: true }).fill("not-an-address");
    expect(violations).toEqual([]);

    const again = await page.request.get("/sign-in");
    expect(/'nonce-([^']+)'/.exec(again.headers()["content-security-policy"]!)![1]).not.toBe(nonce);
  });

  test("tRPC answers are never cached and name their request id; an error carries the same id", async ({ request }) => {
    const response = await request.get(`/api/trpc/me.get?input=${encodeURIComponent(JSON.stringify({ json: null }))}`);
    expect(response.status()).toBe(401);
    expect(response.headers()["cache-control"]).toBe("private, no-store");
    const id = response.headers()["x-request-id"]!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const body = (await response.json()) as { error: { json: { data: { requestId: string } } } };
    expect(body.error.json.data.requestId).toBe(id);
  });

  test("a client's own X-Request-Id is replaced", async ({ request }) => {
    const response = await request.get("/sign-in", { headers: { "x-request-id": "attacker-chosen-id-0001" } });
    expect(response.headers()["x-request-id"]).not.toBe("attacker-chosen-id-0001");
  });

  test("the dev outbox still shows an email in its sandboxed frame", async ({ page }) => {
    const person = uniqueEmail("outbox");
    await requestSignInEmail(person, `localhost:${PORT}`, "/");
    await openLatestEmail(page, person, /sign-in link/i);
    const frame = page.frameLocator('iframe[title="Rendered email"]');
    await expect(frame.getByText(/sign in/i).first()).toBeVisible();
  });
});

test.describe("request limits", () => {
  test("a batch of more than 20 tRPC calls is refused with 400", async ({ request }) => {
    const paths = Array.from({ length: 50 }, () => "me.get").join(",");
    const inputs = Object.fromEntries(Array.from({ length: 50 }, (_, index) => [index, { json: null }]));
    const response = await request.get(`/api/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(inputs))}`);
    expect(response.status()).toBe(400);
  });

  test("an oversized webhook body is refused before it is read, and one without signature headers at once", async () => {
    const body = JSON.stringify({ type: "email.bounced", padding: "x".repeat(200 * 1024) });
    const big = await raw("/api/webhooks/resend", {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)), "svix-id": "a", "svix-timestamp": "1", "svix-signature": "v1,x" },
      body,
    });
    expect(big.status).toBe(413);
    const unsigned = await raw("/api/webhooks/resend", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect([400, 503]).toContain(unsigned.status);
  });

  test("/api/inngest answers 404 while Inngest is not in use", async ({ request }) => {
    expect((await request.get("/api/inngest")).status()).toBe(404);
    expect((await request.put("/api/inngest")).status()).toBe(404);
  });
});
