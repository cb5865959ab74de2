import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { openMigrationConnection } from "../db";
import { runMigrations } from "../db/migrate";
import { seedDemo } from "../db/seed";

/**
 * `npm run demo`: migrates and seeds the database (the embedded one unless DATABASE_URL is set),
 * then serves the app on http://localhost:3000 with the demo people listed on the sign-in page.
 * The development server starts in seconds, where a production build would take a minute.
 */
const port = process.env.PORT ?? "3000";
const connection = openMigrationConnection();
await runMigrations(connection);
const summary = await seedDemo(connection.db);
// The embedded database allows one process at a time: release it before the server opens it.
await connection.close();
console.log(`Demo data ready (${summary.organizations} organisations, ${summary.users} people, ${summary.applications} applications).`);
console.log(`Starting Followthrough on http://localhost:${port} …`);

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const server = spawn(process.execPath, [nextBin, "dev", "--port", port], {
  stdio: "inherit",
  // Links in emails point at this server unless APP_URL names another address.
  env: { ...process.env, DEMO_MODE: "1", APP_URL: process.env.APP_URL || `http://localhost:${port}` },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
