/**
 * Delivery throughput: inserts N due reminders (default 10,000) into a throwaway database and
 * delivers them through the real Resend SDK against the local fake provider, with repeated
 * sweeps, then prints reminders per second and what the provider saw.
 *
 *   npm run bench:reminders                         # embedded database (in memory)
 *   DATABASE_URL=postgres://… npm run bench:reminders   # a fresh database on that server, dropped after
 *   npm run bench:reminders -- --count=2000 --concurrency=8 --rate-limit=2 --latency=20
 *
 * --rate-limit makes the fake answer 429 above that many requests a second, as Resend does.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { eq } from "drizzle-orm";
import postgres from "postgres";
import { connectEmbedded, connectServer, type Connection } from "../db";
import { runMigrations } from "../db/migrate";
import * as s from "../db/schema";
import { renderEmail, templates } from "../emails";
import { ResendFake } from "../tests/helpers/resend-fake";

const { values: args } = parseArgs({
  options: {
    count: { type: "string", default: "10000" },
    concurrency: { type: "string", default: "4" },
    batch: { type: "string", default: "1000" },
    "rate-limit": { type: "string" },
    latency: { type: "string", default: "0" },
  },
});
const COUNT = Number(args.count);
const CONCURRENCY = Number(args.concurrency);
const BATCH = Number(args.batch);
const PER_CLIENT = 10;

async function openDatabase(): Promise<{ connection: Connection; label: string; dispose: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const connection = connectEmbedded(new PGlite());
    await runMigrations(connection);
    return { connection, label: "embedded PGlite (in memory)", dispose: () => connection.close() };
  }
  const name = `ft_bench_${randomBytes(4).toString("hex")}`;
  const adminUrl = new URL(url);
  adminUrl.pathname = "/postgres";
  const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const connection = connectServer(target.toString(), { max: CONCURRENCY + 2 });
  await runMigrations(connection);
  return {
    connection,
    label: `Postgres server (database ${name}, dropped afterwards)`,
    dispose: async () => {
      await connection.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

/** Clients with an application, an interview and commitments, and PER_CLIENT due reminders each. */
async function seed(connection: Connection, count: number, now: Date): Promise<void> {
  const db = connection.db;
  const clients = Math.ceil(count / PER_CLIENT);
  const [org] = await db.insert(s.organizations).values({ name: "Bench Practice", slug: `bench-${randomUUID().slice(0, 8)}` }).returning();
  const orgId = org!.id;
  for (let start = 0; start < clients; start += 500) {
    const n = Math.min(500, clients - start);
    const tags = Array.from({ length: n }, () => randomUUID().slice(0, 12));
    const people = await db
      .insert(s.users)
      .values(tags.map((tag) => ({ name: `Bench ${tag}`, email: `bench-${tag}@bench.example`, timeZone: "Europe/London" })))
      .returning({ id: s.users.id });
    const members = await db
      .insert(s.memberships)
      .values(people.map((p) => ({ orgId, userId: p.id, role: "client" as const })))
      .returning({ id: s.memberships.id });
    const companies = await db
      .insert(s.companies)
      .values(members.map((m, i) => ({ orgId, clientId: m.id, name: `Company ${tags[i]}`, challenges: ["hiring fast"] })))
      .returning({ id: s.companies.id });
    const applications = await db
      .insert(s.applications)
      .values(members.map((m, i) => ({ orgId, clientId: m.id, companyId: companies[i]!.id, roleTitle: "Engineer", status: "applied" as const })))
      .returning({ id: s.applications.id, clientId: s.applications.clientId });
    const startsAt = new Date(+now + 2 * 86_400_000);
    const interviews = await db
      .insert(s.interviews)
      .values(
        applications.map((a) => ({
          orgId,
          clientId: a.clientId,
          applicationId: a.id,
          kind: "video" as const,
          startsAt,
          endsAt: new Date(+startsAt + 3_600_000),
          timeZone: "Europe/London",
        })),
      )
      .returning({ id: s.interviews.id });
    const commitments = await db
      .insert(s.commitments)
      .values(
        applications.flatMap((a) =>
          Array.from({ length: PER_CLIENT - 3 }, (_, j) => ({
            orgId,
            clientId: a.clientId,
            applicationId: a.id,
            description: `Send part ${j + 1}`,
            dueAt: new Date(+now + 86_400_000),
          })),
        ),
      )
      .returning({ id: s.commitments.id, clientId: s.commitments.clientId, applicationId: s.commitments.applicationId });
    const dueAt = new Date(+now - 60_000);
    const base = (clientId: string, applicationId: string) => ({
      orgId,
      recipientMembershipId: clientId,
      clientId,
      applicationId,
      reason: "Benchmark",
      dueAt,
    });
    const rows = applications.flatMap((a, i) => [
      { ...base(a.clientId, a.id), kind: "prepare" as const, interviewId: interviews[i]!.id, dedupeKey: `prepare/${interviews[i]!.id}/v1` },
      { ...base(a.clientId, a.id), kind: "debrief" as const, interviewId: interviews[i]!.id, dedupeKey: `debrief/${interviews[i]!.id}/v1` },
      { ...base(a.clientId, a.id), kind: "proposal_suggestion" as const, dedupeKey: `proposal_suggestion/${a.id}/v1` },
      ...commitments
        .filter((c) => c.clientId === a.clientId)
        .map((c) => ({ ...base(a.clientId, a.id), kind: "commitment_due" as const, commitmentId: c.id, dedupeKey: `commitment_due/${c.id}/v1` })),
    ]);
    const remaining = count - start * PER_CLIENT;
    const take = rows.slice(0, Math.max(0, remaining));
    for (let i = 0; i < take.length; i += 1000) await db.insert(s.reminders).values(take.slice(i, i + 1000));
  }
}

async function main() {
  const fake = await ResendFake.start({ latencyMs: Number(args.latency) });
  if (args["rate-limit"]) fake.rateLimitPerSecond = Number(args["rate-limit"]);
  // Before anything reads the environment: the send layer goes through Resend, at the fake.
  process.env.RESEND_API_KEY = fake.apiKey;
  process.env.RESEND_BASE_URL = fake.url;
  const { deliverDueReminders } = await import("../server/delivery/sweep");

  const { connection, label, dispose } = await openDatabase();
  try {
    const now = new Date();
    let started = performance.now();
    await seed(connection, COUNT, now);
    const pendingAtStart = await connection.db.$count(s.reminders, eq(s.reminders.status, "pending"));
    console.log(`Database: ${label}`);
    console.log(`Inserted ${pendingAtStart} due reminders in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    // Rendering is CPU-bound and shared by every delivery: measure it on its own for scale.
    const preview = templates["reminder-commitment-due"].PreviewProps;
    await renderEmail("reminder-commitment-due", preview);
    started = performance.now();
    for (let i = 0; i < 50; i++) await renderEmail("reminder-commitment-due", preview);
    const renderMs = (performance.now() - started) / 50;

    started = performance.now();
    let sweeps = 0;
    let clock = now;
    const totals = { sent: 0, cancelled: 0, failed: 0, retrying: 0, errors: 0 };
    for (;;) {
      const result = await deliverDueReminders(connection.db, { now: clock, limit: BATCH, concurrency: CONCURRENCY });
      sweeps++;
      for (const key of Object.keys(totals) as Array<keyof typeof totals>) totals[key] += result[key];
      if (result.picked === 0) {
        const pending = await connection.db.$count(s.reminders, eq(s.reminders.status, "pending"));
        if (pending === 0) break;
        // Everything left is backing off (a 429's retry-after): wait for it, as a scheduler would.
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      clock = new Date();
    }
    const seconds = (performance.now() - started) / 1000;

    const perReminder = fake.acceptedByTag("reminder_id");
    const duplicates = [...perReminder.values()].filter((emails) => emails.length > 1).length;
    const byOutcome: Record<string, number> = {};
    for (const request of fake.requests) byOutcome[`${request.status} ${request.outcome}`] = (byOutcome[`${request.status} ${request.outcome}`] ?? 0) + 1;

    console.log(`Delivered ${totals.sent} reminders in ${seconds.toFixed(1)} s over ${sweeps} sweeps (concurrency ${CONCURRENCY}, batch ${BATCH})`);
    console.log(`Throughput: ${(totals.sent / seconds).toFixed(1)} reminders/s (${((seconds * 1000) / Math.max(totals.sent, 1)).toFixed(1)} ms each)`);
    console.log(`Rendering alone: ${renderMs.toFixed(1)} ms per email (${(1000 / renderMs).toFixed(0)}/s ceiling on one core)`);
    console.log(`Provider: ${fake.requests.length} requests, ${fake.accepted.length} emails accepted, ${duplicates} reminders sent twice`);
    console.log(`Provider answers: ${JSON.stringify(byOutcome)}`);
    console.log(`Outcomes: ${JSON.stringify(totals)}`);
    if (duplicates > 0 || fake.accepted.length !== totals.sent) process.exitCode = 1;
  } finally {
    await dispose();
    await fake.close();
  }
}

await main();
