import { describe, expect, it } from "vitest";
import { devOutboxEnabled } from "../../server/dev-tools";
import { demoSignInEnabled, readEnv } from "../../server/env";
import { safeCallbackPath } from "../../app/sign-in/callback";

describe("environment", () => {
  it("requires AUTH_SECRET in production only", () => {
    expect(() => readEnv({ NODE_ENV: "production" })).toThrow(/AUTH_SECRET/);
    expect(readEnv({ NODE_ENV: "development" }).AUTH_SECRET.length).toBeGreaterThan(16);
    expect(readEnv({ NODE_ENV: "production", AUTH_SECRET: "a-real-secret-of-enough-length" }).AUTH_SECRET).toBe(
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
    const secret = { AUTH_SECRET: "a-real-secret-of-enough-length" };
    expect(demoSignInEnabled(readEnv({ NODE_ENV: "development" }))).toBe(false);
    expect(demoSignInEnabled(readEnv({ NODE_ENV: "development", DEMO_MODE: "1" }))).toBe(true);
    expect(demoSignInEnabled(readEnv({ NODE_ENV: "production", DEMO_MODE: "1", ...secret }))).toBe(false);
    expect(
      demoSignInEnabled(readEnv({ NODE_ENV: "production", DEMO_MODE: "1", ALLOW_DEMO_SIGN_IN_IN_PRODUCTION: "1", ...secret })),
    ).toBe(true);
  });

  it("shows the development outbox only without an email provider, and in production only when enabled", () => {
    const secret = { AUTH_SECRET: "a-real-secret-of-enough-length" };
    expect(devOutboxEnabled(readEnv({ NODE_ENV: "development" }))).toBe(true);
    expect(devOutboxEnabled(readEnv({ NODE_ENV: "development", RESEND_API_KEY: "re_123" }))).toBe(false);
    expect(devOutboxEnabled(readEnv({ NODE_ENV: "production", ...secret }))).toBe(false);
    expect(devOutboxEnabled(readEnv({ NODE_ENV: "production", ENABLE_DEV_OUTBOX: "1", ...secret }))).toBe(true);
  });

  it("keeps sign-in redirects on this site", () => {
    expect(safeCallbackPath("/northstar/applications")).toBe("/northstar/applications");
    expect(safeCallbackPath("https://evil.example/")).toBe("/");
    expect(safeCallbackPath("//evil.example/")).toBe("/");
    expect(safeCallbackPath("/\\evil.example")).toBe("/");
    expect(safeCallbackPath(null)).toBe("/");
  });
});
