import { describe, expect, it } from "vitest";
import { devOutboxEnabled } from "../../server/dev-tools";
import { demoSignInEnabled, readEnv } from "../../server/env";
import { safeCallbackPath } from "../../server/canonical-url";

describe("environment", () => {
  it("requires AUTH_SECRET in production only", () => {
    expect(() => readEnv({ NODE_ENV: "production", APP_URL: "https://app.example.com" })).toThrow(/AUTH_SECRET/);
    expect(readEnv({ NODE_ENV: "development" }).AUTH_SECRET.length).toBeGreaterThan(16);
    expect(readEnv({ NODE_ENV: "production", APP_URL: "https://app.example.com", AUTH_SECRET: "a-real-secret-of-enough-length" }).AUTH_SECRET).toBe(
      "a-real-secret-of-enough-length",
    );
  });

  it("accepts a transaction-mode pooler only for a configured DATABASE_URL", () => {
    expect(() => readEnv({ DATABASE_POOL_MODE: "transaction" })).toThrow(/DATABASE_POOL_MODE/);
    expect(() => readEnv({ DATABASE_POOL_MODE: "statement", DATABASE_URL: "postgres://a@b/c" })).toThrow(/DATABASE_POOL_MODE/);
    expect(readEnv({ DATABASE_POOL_MODE: "transaction", DATABASE_URL: "postgres://a@pooler:6432/c" }).DATABASE_POOL_MODE).toBe("transaction");
  });

  it("rejects a malformed variable with its name", () => {
    expect(() => readEnv({ APP_URL: "not a url" })).toThrow(/APP_URL/);
  });

  it("offers demo sign-in only in demo mode, and never in production unless explicitly allowed", () => {
    const secret = { AUTH_SECRET: "a-real-secret-of-enough-length", APP_URL: "https://app.example.com" };
    expect(demoSignInEnabled(readEnv({ NODE_ENV: "development" }))).toBe(false);
    expect(demoSignInEnabled(readEnv({ NODE_ENV: "development", DEMO_MODE: "1" }))).toBe(true);
    expect(demoSignInEnabled(readEnv({ NODE_ENV: "production", DEMO_MODE: "1", ...secret }))).toBe(false);
    expect(
      demoSignInEnabled(readEnv({ NODE_ENV: "production", DEMO_MODE: "1", ALLOW_DEMO_SIGN_IN_IN_PRODUCTION: "1", ...secret })),
    ).toBe(true);
  });

  it("shows the development outbox only without an email provider, and in production only when enabled", () => {
    const secret = { AUTH_SECRET: "a-real-secret-of-enough-length", APP_URL: "https://app.example.com" };
    expect(devOutboxEnabled(readEnv({ NODE_ENV: "development" }))).toBe(true);
    expect(devOutboxEnabled(readEnv({ NODE_ENV: "development", RESEND_API_KEY: "re_123" }))).toBe(false);
    expect(devOutboxEnabled(readEnv({ NODE_ENV: "production", ...secret }))).toBe(false);
    expect(devOutboxEnabled(readEnv({ NODE_ENV: "production", ENABLE_DEV_OUTBOX: "1", ...secret }))).toBe(true);
  });

  it("refuses to start in production without the canonical address, and takes AUTH_URL for it", () => {
    const secret = { AUTH_SECRET: "a-real-secret-of-enough-length" };
    expect(() => readEnv({ NODE_ENV: "production", ...secret })).toThrow(/APP_URL must be set in production/);
    expect(readEnv({ NODE_ENV: "production", ...secret, AUTH_URL: "https://app.example.com/" }).APP_URL).toBe("https://app.example.com");
    expect(() => readEnv({ NODE_ENV: "production", ...secret, APP_URL: "https://a.example", AUTH_URL: "https://b.example" })).toThrow(
      /different sites/,
    );
    expect(() => readEnv({ APP_URL: "https://app.example.com/base" })).toThrow(/APP_URL/);
    expect(() => readEnv({ APP_URL: "javascript:alert(1)" })).toThrow(/APP_URL/);
    expect(readEnv({ NODE_ENV: "development" }).APP_URL).toBe("http://localhost:3000");
  });

  it("keeps sign-in redirects on this site", () => {
    expect(safeCallbackPath("/northstar/applications")).toBe("/northstar/applications");
    expect(safeCallbackPath("https://evil.example/")).toBe("/");
    expect(safeCallbackPath("//evil.example/")).toBe("/");
    expect(safeCallbackPath("/\\evil.example")).toBe("/");
    expect(safeCallbackPath(null)).toBe("/");
    // What a browser makes of these: tabs and newlines are dropped, so they are //evil.example.
    expect(safeCallbackPath("/\t/evil.example")).toBe("/");
    expect(safeCallbackPath("/\n/evil.example")).toBe("/");
    expect(safeCallbackPath("/\r\n/evil.example")).toBe("/");
    expect(safeCallbackPath("https://localhost:3000/x")).toBe("/");
    // Characters a Location header cannot carry come back percent-encoded, not as a 500.
    expect(safeCallbackPath("/\u3000x")).toBe("/%E3%80%80x");
    expect(safeCallbackPath("/\nx")).toBe("/x");
    // The whole target of an email's link survives: path, query and fragment.
    expect(safeCallbackPath("/northstar/interviews/1f0c?tab=debrief#promises")).toBe("/northstar/interviews/1f0c?tab=debrief#promises");
  });
});
