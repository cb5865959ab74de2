import { env, type Env } from "../env";

/**
 * Inngest carries the workflows when an event key (Inngest Cloud) or INNGEST_DEV (a local dev
 * server) is configured. Otherwise the in-process schedule delivers reminders: the same delivery
 * code, so a development machine and production send the same emails the same way.
 * Kept apart from the client so the instrumentation hook can decide without loading the SDK.
 */
export function inngestConfigured(e: Pick<Env, "INNGEST_EVENT_KEY" | "INNGEST_DEV"> = env()): boolean {
  return Boolean(e.INNGEST_EVENT_KEY || e.INNGEST_DEV);
}
