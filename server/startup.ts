import { env } from "./env";

/**
 * Stops the process when the environment is invalid (ENABLE_TEST_CLOCK beside a Resend key or
 * Inngest, no AUTH_SECRET in production…). Called from the instrumentation hook at server start:
 * Next would otherwise keep serving and answer every request with a 500.
 */
export function exitOnInvalidEnvironment(): void {
  try {
    env();
  } catch (error) {
    // Plain stderr, not the logger: the logger may itself depend on the environment being valid.
    console.error("[env] the server cannot start with this environment:", error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
