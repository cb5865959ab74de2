import { getConnection } from "../db";
import { runMigrations } from "../db/migrate";
import { seedDemo } from "../db/seed";

const connection = getConnection();
await runMigrations(connection);
const summary = await seedDemo(connection.db, { now: process.env.SEED_NOW ? new Date(process.env.SEED_NOW) : undefined });
console.log(
  `Demo data ready: ${summary.organizations} organisations, ${summary.users} people, ${summary.applications} applications, ${summary.interviews} interviews.`,
);
await connection.close();
