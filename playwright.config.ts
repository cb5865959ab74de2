import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
/** A local OpenAI-compatible endpoint, so AI rewriting runs through the real SDK and HTTP. */
const MODEL_PORT = PORT + 1;
const dataDir = `.data/e2e-${process.env.E2E_RUN_ID ?? Date.now()}`;

/**
 * End-to-end journeys in Debian's Chromium (never a downloaded browser) against a production
 * build served by `next start` on a fresh embedded database. Emails land in the local outbox,
 * which the tests read like a person would, through the development outbox page.
 */
export default defineConfig({
  testDir: "tests/e2e",
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined } },
  ],
  webServer: [
    {
      command: "node --import tsx tests/e2e/fake-model-server.ts",
      url: `http://127.0.0.1:${MODEL_PORT}/health`,
      reuseExistingServer: false,
      timeout: 30_000,
      env: { FAKE_MODEL_PORT: String(MODEL_PORT) },
    },
    {
      // Migrates and loads the demo data (the seed runs the migrations first), then serves the build.
      command: `node --import tsx scripts/seed.ts && exec node node_modules/next/dist/bin/next start --port ${PORT}`,
      url: `http://localhost:${PORT}`,
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: "pipe",
      env: {
        PGLITE_DIR: dataDir,
        DATABASE_URL: "",
        ENABLE_DEV_OUTBOX: "1",
        // /api/test/clock: lets a journey move the server's clock (refused beside Resend or Inngest).
        ENABLE_TEST_CLOCK: "1",
        // The canonical address only (no AUTH_URL): the app must pin Auth.js to it by itself.
        APP_URL: `http://localhost:${PORT}`,
        AUTH_SECRET: "e2e-secret-for-local-tests-only-0123456789",
        RESEND_API_KEY: "",
        // Every journey signs people in from the same loopback address.
        SIGN_IN_MAX_PER_IP: "500",
        // …and the same demo people in many journeys, in whatever order they run.
        SIGN_IN_MAX_PER_ADDRESS: "200",
        AI_BASE_URL: `http://127.0.0.1:${MODEL_PORT}/v1`,
        AI_MODEL: "e2e-fake-model",
      },
    },
  ],
});
