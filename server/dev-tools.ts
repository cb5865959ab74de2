import { env, usesLocalOutbox, type Env } from "./env";

/**
 * The development outbox shows every email the product would have sent, sign-in links included,
 * so it must never be reachable on a real deployment: it needs the local outbox (no Resend key)
 * and either a non-production build or an explicit ENABLE_DEV_OUTBOX=1 (the end-to-end tests).
 */
export function devOutboxEnabled(e: Env = env()): boolean {
  if (!usesLocalOutbox(e)) return false;
  return e.NODE_ENV !== "production" || e.ENABLE_DEV_OUTBOX === "1";
}
