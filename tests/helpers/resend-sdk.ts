import { vi } from "vitest";
import { resetResendClient } from "../../server/email/send";
import { ResendFake } from "./resend-fake";

/** Starts the local Resend fake and points the real SDK at it (the SDK reads RESEND_BASE_URL). */
export async function startResendFakeForSdk(): Promise<ResendFake> {
  const fake = await ResendFake.start();
  vi.stubEnv("RESEND_API_KEY", fake.apiKey);
  vi.stubEnv("RESEND_BASE_URL", fake.url);
  resetResendClient();
  return fake;
}

/** Closes the fake and gives the environment back. */
export async function stopResendFake(fake: ResendFake): Promise<void> {
  await fake.close();
  vi.unstubAllEnvs();
}
