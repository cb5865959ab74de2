/**
 * Reminder planning and delivery benchmark (not a timed test): `npm run bench:reminders`.
 *
 * 1. Seeds INTERVIEWS (default 10,000) debriefed interviews, one per application, with two
 *    interviewers still to thank, a promise to keep and the company's challenges, for clients in
 *    a handful of time zones across several organisations.
 * 2. Plans every application's reminders with the real re-plan code (`replanApplication`, in a
 *    tenant transaction each, as the app does after a debrief) and prints planning throughput.
 * 3. Capacity: makes CAPACITY (default 3,000) planned reminders due and delivers them against the
 *    local Resend fake with no rate limit and no pacing: how many emails a second we can prepare
 *    and hand over when the provider is not the bottleneck (and SQL statements per email).
 * 4. At Resend's default limit: makes DUE (default 10,000) more reminders due and delivers them
 *    with the fake enforcing 2 requests a second (429 above it) and the sweep's default pacing:
 *    throughput, requests a second against the limit, emails per request against 100, 429s.
 * 5. Checks that no reminder was sent twice (exit 1 otherwise).
 *
 * The planner's due times are hours to days ahead; "making due" moves the chosen rows' due time
 * to now, interleaving the kinds so that every template is rendered.
 *
 *   npm run bench:reminders                               # embedded PGlite (in memory)
 *   DATABASE_URL=postgres://… npm run bench:reminders     # a fresh database on that server, dropped after
 *   npm run bench:reminders -- --interviews=2000 --due=1000 --capacity=500
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import { parseArgs } from "node:util";
import { and, eq, inArray, sql } from "drizzle-orm";
import { type Database } from "../db";
import * as s from "../db/schema";
import { rows } from "../db/sql";
import type { EmailName } from "../emails";
import { ResendFake } from "../tests/helpers/resend-fake";
import { openBenchDatabase, type BenchDatabase } from "./lib/bench-database";
import { makeDue, ORGS, plan, seed } from "./lib/reminder-workload";

// Rendering is measured as production runs it: React's development build (prop checks, owner
// stacks) is several times slower. Set before React loads, hence the dynamic imports below; the
// environment check then wants a secret, which nothing here uses.
(process.env as Record<string, string | undefined>).NODE_ENV ??= "production";
process.env.AUTH_SECRET ??= randomBytes(24).toString("base64");
const { renderEmail, templates } = await import("../emails");
const { startRenderWorkers } = await import("./lib/render-pool");

const { values: args } = parseArgs({
  options: {
    interviews: { type: "string", default: "10000" },
    due: { type: "string", default: "10000" },
    capacity: { type: "string", default: "3000" },
    "plan-concurrency": { type: "string" },
    concurrency: { type: "string", default: "2" },
    "render-workers": { type: "string", default: "2" },
  },
});
const RENDER_WORKERS = Number(args["render-workers"]);
const INTERVIEWS = Number(args.interviews);
const DUE = Number(args.due);
const CAPACITY = Number(args.capacity);
const CONCURRENCY = Number(args.concurrency);
const RESEND_LIMIT = 2;

type Run = {
  kinds: string;
  seconds: number;
  sent: number;
  cancelled: number;
  failed: number;
  retrying: number;
  errors: number;
  sweeps: number;
  statements: number;
  requests: ResendFake["requests"];
};

/** Sweeps (real clock) until every one of `ids` has a verdict. */
async function deliver(bench: BenchDatabase, fake: ResendFake, ids: string[], options: { requestsPerSecond: number }): Promise<Run> {
  const { deliverDueReminders } = await import("../server/delivery/sweep");
  const firstRequest = fake.requests.length;
  const statementsBefore = bench.statements();
  const started = performance.now();
  const totals = { sent: 0, cancelled: 0, failed: 0, retrying: 0, errors: 0, sweeps: 0 };
  const open = async () => {
    let pending = 0;
    for (let i = 0; i < ids.length; i += 5000) {
      pending += await bench.db.$count(s.reminders, and(inArray(s.reminders.id, ids.slice(i, i + 5000)), eq(s.reminders.status, "pending")));
    }
    return pending;
  };
  for (;;) {
    const result = await deliverDueReminders(bench.db, {
      now: new Date(),
      limit: 2000,
      concurrency: CONCURRENCY,
      requestsPerSecond: options.requestsPerSecond,
      onError: (id, error) => console.error(`delivery of ${id} threw`, error),
    });
    totals.sweeps++;
    totals.sent += result.sent;
    totals.cancelled += result.cancelled;
    totals.failed += result.failed;
    totals.retrying += result.retrying;
    totals.errors += result.errors;
    if (result.picked === 0) {
      if ((await open()) === 0) break;
      // What is left waits for a retry-after or a backoff: wait, as the scheduler would.
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const kinds = await rows<{ kind: string; n: number }>(
    bench.db,
    sql`select kind, count(*)::int as n from reminders where id = any(${`{${ids.join(",")}}`}::uuid[]) group by kind order by kind`,
  );
  return {
    ...totals,
    kinds: kinds.map((k) => `${k.kind} ${k.n}`).join(", "),
    seconds,
    statements: bench.statements() - statementsBefore,
    requests: fake.requests.slice(firstRequest),
  };
}

/** What autovacuum does on a server between the phases (PGlite has no autovacuum): fresh statistics, no dead rows. */
async function vacuum(db: Database): Promise<void> {
  for (const table of ["reminders", "email_batches", "interviews", "interview_participants", "commitments", "contacts", "applications", "companies", "memberships", "users", "drafts"]) {
    await db.execute(sql.raw(`vacuum analyze "${table}"`));
  }
}

/** Rendering alone, per template, on this thread: the CPU floor of preparing an email. */
async function renderCost(): Promise<Array<{ name: EmailName; ms: number }>> {
  const names: EmailName[] = ["reminder-thank-you-due", "reminder-commitment-due", "reminder-commitment-overdue", "reminder-check-in", "reminder-proposal-suggestion"];
  const costs = [];
  for (const name of names) {
    const props = templates[name].PreviewProps as never;
    for (let i = 0; i < 20; i++) await renderEmail(name, props);
    const start = performance.now();
    for (let i = 0; i < 100; i++) await renderEmail(name, props);
    costs.push({ name, ms: (performance.now() - start) / 100 });
  }
  return costs;
}

const f1 = (n: number) => n.toFixed(1);
const f0 = (n: number) => n.toFixed(0);

function describeRun(label: string, run: Run, limit: number | null) {
  const batch = run.requests.filter((r) => r.endpoint === "/emails/batch");
  const acceptedBatches = batch.filter((r) => r.outcome === "accepted");
  const emailsAccepted = acceptedBatches.reduce((n, r) => n + r.emails, 0);
  const singles = run.requests.filter((r) => r.endpoint === "/emails");
  const limited = run.requests.filter((r) => r.status === 429).length;
  const span = run.requests.length > 1 ? (run.requests.at(-1)!.at - run.requests[0]!.at) / 1000 : run.seconds;
  const requestRate = run.requests.length > 1 ? (run.requests.length - 1) / span : run.requests.length / run.seconds;
  console.log(`${label}`);
  console.log(`  kinds: ${run.kinds}`);
  console.log(`  delivered ${run.sent} reminders in ${f1(run.seconds)} s over ${run.sweeps} sweeps: ${f0(run.sent / run.seconds)} emails/s (cancelled ${run.cancelled}, failed ${run.failed}, retries ${run.retrying}, errors ${run.errors})`);
  console.log(
    `  provider: ${batch.length} batch requests (${acceptedBatches.length} accepted), ${singles.length} single requests; ` +
      `${f1(requestRate)} requests/s${limit ? ` against a limit of ${limit}/s` : ""}; ` +
      `${f1(emailsAccepted / Math.max(acceptedBatches.length, 1))} emails per accepted batch (max 100); ${limited} answered 429`,
  );
  console.log(`  SQL statements: ${run.statements} (${f1(run.statements / Math.max(run.sent, 1))} per email, through drizzle; BEGIN/COMMIT not counted)`);
}

async function main() {
  const fake = await ResendFake.start();
  // Before anything reads the environment: the send layer goes through Resend, at the fake.
  process.env.RESEND_API_KEY = fake.apiKey;
  process.env.RESEND_BASE_URL = fake.url;
  const bench = await openBenchDatabase();
  console.log(`Machine: ${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim()}), ${f1(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  console.log(`Database: ${bench.label}`);
  try {
    const now = new Date();
    let started = performance.now();
    const seeded = await seed(bench.db, INTERVIEWS, now);
    console.log(`Seeded ${seeded.length} debriefed interviews (one per application, ${ORGS} organisations) in ${f1((performance.now() - started) / 1000)} s`);

    const planConcurrency = Number(args["plan-concurrency"] ?? (bench.mode === "server" ? 4 : 1));
    started = performance.now();
    await plan(bench.db, seeded, now, planConcurrency);
    const planSeconds = (performance.now() - started) / 1000;
    const planned = await rows<{ kind: string; n: number }>(bench.db, sql`select kind, count(*)::int as n from reminders group by kind order by kind`);
    const total = planned.reduce((n, r) => n + r.n, 0);
    console.log(
      `Planned ${total} reminders for ${seeded.length} applications with replanApplication (tenant transaction each, ${planConcurrency} at once) ` +
        `in ${f1(planSeconds)} s: ${f0(seeded.length / planSeconds)} applications/s, ${f0(total / planSeconds)} reminders/s`,
    );
    console.log(`  by kind: ${planned.map((r) => `${r.kind} ${r.n}`).join(", ")}`);

    // The server's autovacuum would have analysed and vacuumed by now; PGlite runs none.
    await vacuum(bench.db);
    const renders = await renderCost();
    const meanRender = renders.reduce((n, r) => n + r.ms, 0) / renders.length;
    console.log(`Rendering alone (react-email render + plain text, this thread): ${renders.map((r) => `${r.name.replace("reminder-", "")} ${r.ms.toFixed(2)} ms`).join(", ")}; mean ${meanRender.toFixed(2)} ms → ${f0(1000 / meanRender)} emails/s on one core`);

    const capacityIds = await makeDue(bench.db, CAPACITY, new Date());
    const capacity = await deliver(bench, fake, capacityIds, { requestsPerSecond: Infinity });
    describeRun(`Capacity, rendering on the main thread: ${capacityIds.length} due reminders, provider unlimited, no pacing (concurrency ${CONCURRENCY})`, capacity, null);

    let best = capacity;
    const workers = RENDER_WORKERS > 0 ? startRenderWorkers(RENDER_WORKERS) : null;
    if (workers) {
      // The threads' JIT warms up on a few hundred renders before the measurement.
      await Promise.all(renders.flatMap(({ name }) => Array.from({ length: 100 }, () => renderEmail(name, templates[name].PreviewProps as never))));
      const pooledIds = await makeDue(bench.db, CAPACITY, new Date());
      const pooled = await deliver(bench, fake, pooledIds, { requestsPerSecond: Infinity });
      describeRun(`Capacity, rendering on ${RENDER_WORKERS} worker threads: ${pooledIds.length} due reminders, provider unlimited, no pacing`, pooled, null);
      best = pooled;
    }

    await vacuum(bench.db);
    fake.rateLimitPerSecond = RESEND_LIMIT;
    const dueIds = await makeDue(bench.db, DUE, new Date());
    const limited = await deliver(bench, fake, dueIds, { requestsPerSecond: RESEND_LIMIT });
    await workers?.stop();
    describeRun(
      `At Resend's default limit: ${dueIds.length} due reminders, fake enforcing ${RESEND_LIMIT} requests/s, sweep pacing ${RESEND_LIMIT}/s` +
        `${workers ? `, rendering on ${RENDER_WORKERS} worker threads` : ""}`,
      limited,
      RESEND_LIMIT,
    );
    const ceiling = RESEND_LIMIT * 100;
    const ours = best.sent / best.seconds;
    console.log(`  ceiling ${ceiling} emails/s (${RESEND_LIMIT} requests/s × 100): reached ${f0((100 * limited.sent) / limited.seconds / ceiling)}%`);
    console.log(`  our capacity ${f0(ours)} emails/s vs the ceiling ${ceiling}: ${ours > ceiling ? "the provider is the bottleneck" : "WE are the bottleneck"}`);

    const perReminder = fake.acceptedByTag("reminder_id");
    const duplicates = [...perReminder.values()].filter((emails) => emails.length > 1).length;
    const sentRows = await bench.db.$count(s.reminders, eq(s.reminders.status, "sent"));
    console.log(`Exactly once: ${fake.accepted.length} emails accepted for ${perReminder.size} reminders, ${sentRows} rows sent, ${duplicates} reminders sent twice`);
    if (duplicates > 0 || fake.accepted.length !== sentRows || perReminder.size !== sentRows) process.exitCode = 1;
  } finally {
    await bench.dispose();
    await fake.close();
  }
}

await main();
