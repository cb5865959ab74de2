import { z } from "zod";

/**
 * The validated environment. Read once; every variable is documented in `.env.example`.
 * Without DATABASE_URL the embedded database is used; without RESEND_API_KEY emails go to the
 * local outbox. AUTH_SECRET is required in production only: a fixed development secret keeps
 * `npm run demo` a one-command start.
 */
const ZPublicUrl = z
  .url({ protocol: /^https?$/, error: "must be an http(s) address like https://app.example.com" })
  .refine((value) => {
    if (!URL.canParse(value)) return true; // reported by z.url above
    const url = new URL(value);
    return !url.username && !url.password && url.pathname === "/" && !url.search && !url.hash;
  }, "must be the site's origin only (no path, query or credentials), like https://app.example.com");

const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.url().optional(),
  /** `transaction` when DATABASE_URL points at a transaction-mode pooler: prepared statements off. */
  DATABASE_POOL_MODE: z.enum(["session", "transaction"]).default("session"),
  /** A direct connection for migrations when DATABASE_URL goes through a pooler. */
  DATABASE_URL_UNPOOLED: z.url().optional(),
  PGLITE_DIR: z.string().optional(),
  AUTH_SECRET: z.string().min(16).optional(),
  /**
   * The canonical public address: every emailed link, every redirect and the check of every
   * callback URL are built from it, never from the request's Host or X-Forwarded-* headers.
   * AUTH_URL (Auth.js's name) is accepted instead; required in production.
   */
  APP_URL: ZPublicUrl.optional(),
  AUTH_URL: ZPublicUrl.optional(),
  /**
   * How many proxies of your own sit in front of the app and append to X-Forwarded-For. 0 (the
   * default) trusts none: the client is the socket's peer. 1 on Vercel or behind one reverse proxy.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  RESEND_API_KEY: z.string().min(1).optional(),
  RESEND_WEBHOOK_SECRET: z.string().min(1).optional(),
  /**
   * Requests a second this instance's delivery schedule sends to Resend. Resend's limit (2 by
   * default) is per team, not per server: with several instances, give each its share.
   */
  RESEND_REQUESTS_PER_SECOND: z.coerce.number().positive().max(1000).default(2),
  EMAIL_FROM: z.string().min(3).default("Followthrough <no-reply@followthrough.local>"),
  INNGEST_EVENT_KEY: z.string().optional(),
  INNGEST_SIGNING_KEY: z.string().optional(),
  INNGEST_DEV: z.string().optional(),
  /** Set by `npm run demo`: lists the demo people on the sign-in page. */
  DEMO_MODE: z.enum(["0", "1"]).default("0"),
  /** Lets demo sign-in work under NODE_ENV=production (a public demo site); off by default. */
  ALLOW_DEMO_SIGN_IN_IN_PRODUCTION: z.enum(["0", "1"]).default("0"),
  /** Sign-in emails allowed per IP address per 15 minutes (the end-to-end tests sign many people in from one address). */
  SIGN_IN_MAX_PER_IP: z.coerce.number().int().min(1).max(100_000).default(10),
  /** Sign-in emails allowed per address per 15 minutes (the end-to-end journeys sign the same demo people in many times). */
  SIGN_IN_MAX_PER_ADDRESS: z.coerce.number().int().min(1).max(1_000).default(3),
  /** Shows /dev/outbox in a production build without RESEND_API_KEY (the end-to-end tests). */
  ENABLE_DEV_OUTBOX: z.enum(["0", "1"]).default("0"),
  /** Lets end-to-end tests move the server's clock through /api/test/clock. Never with real email or Inngest. */
  ENABLE_TEST_CLOCK: z.enum(["0", "1"]).default("0"),
  /** Optional AI rewriting of drafts through any OpenAI-compatible chat endpoint; see server/ai. */
  AI_BASE_URL: z.url({ protocol: /^https?$/, error: "AI_BASE_URL must be an http(s) URL, like http://localhost:11434/v1" }).optional(),
  AI_MODEL: z.string().min(1).optional(),
  AI_API_KEY: z.string().min(1).optional(),
  /**
   * Test only: host:port pairs that "paste a link" may fetch although they are private (a local
   * test server). Refused alongside real email, like the test clock.
   */
  CAPTURE_FETCH_ALLOW_HOSTS: z
    .string()
    .regex(/^[\w.:[\]-]+:\d+(,[\w.:[\]-]+:\d+)*$/, "a comma-separated list of host:port")
    .optional(),
}).superRefine((e, ctx) => {
  // Half a configuration would switch the feature on and fail at the first click.
  if (Boolean(e.AI_BASE_URL) !== Boolean(e.AI_MODEL)) {
    ctx.addIssue({
      code: "custom",
      path: [e.AI_BASE_URL ? "AI_MODEL" : "AI_BASE_URL"],
      message: "AI_BASE_URL and AI_MODEL go together: set both to turn on AI rewriting, or neither to leave it off",
    });
  }
  if (e.DATABASE_POOL_MODE === "transaction" && !e.DATABASE_URL) {
    ctx.addIssue({ code: "custom", path: ["DATABASE_POOL_MODE"], message: "DATABASE_POOL_MODE=transaction describes DATABASE_URL, which is not set" });
  }
  if (e.CAPTURE_FETCH_ALLOW_HOSTS && e.RESEND_API_KEY) {
    ctx.addIssue({ code: "custom", path: ["CAPTURE_FETCH_ALLOW_HOSTS"], message: "CAPTURE_FETCH_ALLOW_HOSTS is for tests only; it is refused while RESEND_API_KEY is set" });
  }
  // A moved clock delivers reminders days early: it must never drive real email or real workflows.
  if (e.ENABLE_TEST_CLOCK !== "1") return;
  const real = [
    e.RESEND_API_KEY && "RESEND_API_KEY",
    e.INNGEST_EVENT_KEY && "INNGEST_EVENT_KEY",
    e.INNGEST_DEV && "INNGEST_DEV",
  ].filter(Boolean);
  if (real.length > 0) {
    ctx.addIssue({
      code: "custom",
      path: ["ENABLE_TEST_CLOCK"],
      message: `ENABLE_TEST_CLOCK=1 is for end-to-end tests against the local outbox only; it is refused while ${real.join(", ")} ${real.length === 1 ? "is" : "are"} set`,
    });
  }
});

export type Env = Omit<z.infer<typeof ZEnv>, "APP_URL" | "AUTH_URL"> & {
  AUTH_SECRET: string;
  /** The canonical origin, e.g. `https://app.example.com` (no trailing slash). */
  APP_URL: string;
};

const DEVELOPMENT_URL = "http://localhost:3000";

const DEVELOPMENT_SECRET = "followthrough-development-secret-never-use-in-production";

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = ZEnv.safeParse(
    Object.fromEntries(Object.entries(source).filter(([, value]) => value !== "")),
  );
  if (!parsed.success) {
    throw new Error(`Invalid environment:\n${z.prettifyError(parsed.error)}`);
  }
  const env = parsed.data;
  if (!env.AUTH_SECRET && env.NODE_ENV === "production") {
    throw new Error("AUTH_SECRET must be set in production (generate one with `openssl rand -base64 32`).");
  }
  const configured = [env.APP_URL, env.AUTH_URL].filter((value): value is string => Boolean(value)).map((value) => new URL(value).origin);
  if (configured.length === 0 && env.NODE_ENV === "production") {
    throw new Error(
      "APP_URL must be set in production to the site's public address (for example https://app.example.com): " +
        "sign-in links and every other emailed link are built from it, never from request headers.",
    );
  }
  if (configured.length === 2 && configured[0] !== configured[1]) {
    throw new Error(`APP_URL (${configured[0]}) and AUTH_URL (${configured[1]}) name different sites; set one, or both to the same address.`);
  }
  const { AUTH_URL: _authUrl, ...rest } = env;
  return { ...rest, APP_URL: configured[0] ?? DEVELOPMENT_URL, AUTH_SECRET: env.AUTH_SECRET ?? DEVELOPMENT_SECRET };
}

let cached: Env | undefined;
export const env = (): Env => (cached ??= readEnv());

/** Demo one-click sign-in: only in demo mode, and never in production unless explicitly allowed. */
export function demoSignInEnabled(e: Env = env()): boolean {
  if (e.DEMO_MODE !== "1") return false;
  return e.NODE_ENV !== "production" || e.ALLOW_DEMO_SIGN_IN_IN_PRODUCTION === "1";
}

/** Emails go to the local outbox when no Resend key is configured. */
export const usesLocalOutbox = (e: Env = env()) => !e.RESEND_API_KEY;
