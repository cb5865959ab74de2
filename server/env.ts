import { z } from "zod";

/**
 * The validated environment. Read once; every variable is documented in `.env.example`.
 * Without DATABASE_URL the embedded database is used; without RESEND_API_KEY emails go to the
 * local outbox. AUTH_SECRET is required in production only: a fixed development secret keeps
 * `npm run demo` a one-command start.
 */
const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.url().optional(),
  PGLITE_DIR: z.string().optional(),
  AUTH_SECRET: z.string().min(16).optional(),
  APP_URL: z.url().default("http://localhost:3000"),
  RESEND_API_KEY: z.string().min(1).optional(),
  RESEND_WEBHOOK_SECRET: z.string().min(1).optional(),
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
  /** Shows /dev/outbox in a production build without RESEND_API_KEY (the end-to-end tests). */
  ENABLE_DEV_OUTBOX: z.enum(["0", "1"]).default("0"),
  /** Lets end-to-end tests move the server's clock through /api/test/clock. Never with real email or Inngest. */
  ENABLE_TEST_CLOCK: z.enum(["0", "1"]).default("0"),
  /**
   * Test only: host:port pairs that "paste a link" may fetch although they are private (a local
   * test server). Refused alongside real email, like the test clock.
   */
  CAPTURE_FETCH_ALLOW_HOSTS: z
    .string()
    .regex(/^[\w.:[\]-]+:\d+(,[\w.:[\]-]+:\d+)*$/, "a comma-separated list of host:port")
    .optional(),
}).superRefine((e, ctx) => {
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

export type Env = z.infer<typeof ZEnv> & { AUTH_SECRET: string };

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
  return { ...env, AUTH_SECRET: env.AUTH_SECRET ?? DEVELOPMENT_SECRET };
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
