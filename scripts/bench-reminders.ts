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
import { randomBytes, randomUUID } from "node:crypto";
import os from "node:os";
import { parseArgs } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { and, eq, inArray, sql } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { schema, withOrg, type Database } from "../db";
import { runMigrations } from "../db/migrate";
import * as s from "../db/schema";
import { rows } from "../db/sql";
import type { EmailName } from "../emails";
import { ResendFake } from "../tests/helpers/resend-fake";

// Rendering is measured as production runs it: React's development build (prop checks, owner
// stacks) is several times slower. Set before React loads, hence the dynamic imports below; the
// environment check then wants a secret, which nothing here uses.
(process.env as Record<string, string | undefined>).NODE_ENV ??= "production";
process.env.AUTH_SECRET ??= randomBytes(24).toString("base64");
const { renderEmail, templates } = await import("../emails");
const { startRenderWorkers } = await import("../server/delivery/batch-render-pool");

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
const ORGS = 10;
const APPLICATIONS_PER_CLIENT = 5;
const TIME_ZONES = ["Europe/London", "America/New_York", "Europe/Berlin", "Asia/Tokyo", "America/Los_Angeles"];
const RESEND_LIMIT = 2;

type Bench = { db: Database; label: string; mode: "embedded" | "server"; statements: () => number; dispose: () => Promise<void> };

/** A fresh database whose drizzle handle counts the statements it sends. */
async function openDatabase(): Promise<Bench> {
  let statements = 0;
  const logger = { logQuery: () => void statements++ };
  const url = process.env.DATABASE_URL;
  if (!url) {
    const client = new PGlite();
    const db = drizzlePglite({ client, schema, logger }) as unknown as Database;
    await runMigrations({ db, mode: "embedded", close: async () => {} });
    return { db, label: "embedded PGlite 0.5 (in memory, in this process)", mode: "embedded", statements: () => statements, dispose: () => client.close() };
  }
  const name = `ft_bench_${randomBytes(4).toString("hex")}`;
  const adminUrl = new URL(url);
  adminUrl.pathname = "/postgres";
  const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const [version] = await admin.unsafe<Array<{ server_version: string }>>("show server_version");
  const target = new URL(url);
  target.pathname = `/${name}`;
  const client = postgres(target.toString(), { max: 10, onnotice: () => {} });
  const db = drizzlePostgres({ client, schema, logger }) as unknown as Database;
  await runMigrations({ db, mode: "server", close: async () => {} });
  return {
    db,
    label: `PostgreSQL ${version!.server_version} on 127.0.0.1 (database ${name}, dropped afterwards)`,
    mode: "server",
    statements: () => statements,
    dispose: async () => {
      await client.end({ timeout: 5 });
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

type Seeded = { orgId: string; applicationId: string };

/** Debriefed interviews, one per application, with what the planner turns into reminders. */
async function seed(db: Database, interviews: number, now: Date): Promise<Seeded[]> {
  const orgs = await db
    .insert(s.organizations)
    .values(Array.from({ length: ORGS }, (_, i) => ({ name: `Bench Practice ${i + 1}`, slug: `bench-${randomUUID().slice(0, 8)}` })))
    .returning({ id: s.organizations.id });
  const clients = Math.ceil(interviews / APPLICATIONS_PER_CLIENT);
  const seeded: Seeded[] = [];
  const hour = 3_600_000;
  for (let start = 0; start < clients; start += 200) {
    const n = Math.min(200, clients - start);
    const tags = Array.from({ length: n }, () => randomUUID().slice(0, 12));
    const zoneOf = (i: number) => TIME_ZONES[(start + i) % TIME_ZONES.length]!;
    const people = await db
      .insert(s.users)
      .values(tags.map((tag, i) => ({ name: `Jordan ${tag}`, email: `bench-${tag}@bench.example`, timeZone: zoneOf(i) })))
      .returning({ id: s.users.id });
    const members = await db
      .insert(s.memberships)
      .values(people.map((p, i) => ({ orgId: orgs[(start + i) % ORGS]!.id, userId: p.id, role: "client" as const })))
      .returning({ id: s.memberships.id, orgId: s.memberships.orgId });
    // APPLICATIONS_PER_CLIENT of everything per client (the last client may have fewer).
    const slots = members.flatMap((m, i) =>
      Array.from({ length: APPLICATIONS_PER_CLIENT }, (_, j) => ({ ref: { orgId: m.orgId, clientId: m.id }, zone: zoneOf(i), j })),
    ).slice(0, interviews - start * APPLICATIONS_PER_CLIENT);
    const companies = await db
      .insert(s.companies)
      .values(
        slots.map(({ ref }, k) => ({
          ...ref,
          name: `Company ${tags[Math.floor(k / APPLICATIONS_PER_CLIENT)]}-${k % APPLICATIONS_PER_CLIENT}`,
          researchNotes: "Series B, growing the platform team; values written communication.",
          challenges: ["onboarding takes too long", "flaky release process"],
        })),
      )
      .returning({ id: s.companies.id });
    const applications = await db
      .insert(s.applications)
      .values(
        slots.map(({ ref }, k) => ({
          ...ref,
          companyId: companies[k]!.id,
          roleTitle: "Platform Engineer",
          status: "interviewing" as const,
          // Unchanged since before the interview: a check-in is planned.
          statusChangedAt: new Date(+now - 7 * 24 * hour),
        })),
      )
      .returning({ id: s.applications.id });
    // Interviews that ended between 2 and 20 hours ago and were debriefed an hour later: the
    // thank-you window (24 h) is still open, so nothing is due yet at planning time.
    const interviewRows = await db
      .insert(s.interviews)
      .values(
        slots.map(({ ref, zone }, k) => {
          const endsAt = new Date(+now - (2 + (k % 18)) * hour);
          return {
            ...ref,
            applicationId: applications[k]!.id,
            kind: "video" as const,
            startsAt: new Date(+endsAt - hour),
            endsAt,
            timeZone: zone,
            status: "completed" as const,
            debriefedAt: new Date(+endsAt + hour),
            nextSteps: "They will decide by the end of next week.",
            preferredChannel: "email" as const,
          };
        }),
      )
      .returning({ id: s.interviews.id });
    const contacts = await db
      .insert(s.contacts)
      .values(
        slots.flatMap(({ ref }, k) =>
          ["Alex Morgan", "Sam Rivera"].map((name) => ({ ...ref, name, companyId: companies[k]!.id, role: "interviewer" as const })),
        ),
      )
      .returning({ id: s.contacts.id });
    await db.insert(s.interviewParticipants).values(
      slots.flatMap(({ ref }, k) =>
        [0, 1].map((p) => ({ ...ref, interviewId: interviewRows[k]!.id, contactId: contacts[2 * k + p]!.id, discussed: "The release process." })),
      ),
    );
    await db.insert(s.commitments).values(
      slots.map(({ ref }, k) => ({
        ...ref,
        applicationId: applications[k]!.id,
        interviewId: interviewRows[k]!.id,
        contactId: contacts[2 * k]!.id,
        description: "Send the write-up of the migration project",
        dueAt: new Date(+now + (40 + (k % 30)) * hour),
      })),
    );
    slots.forEach(({ ref }, k) => seeded.push({ orgId: ref.orgId, applicationId: applications[k]!.id }));
  }
  return seeded;
}

/** Each application re-planned in its own tenant transaction, as after a debrief. */
async function plan(db: Database, seeded: Seeded[], now: Date, concurrency: number): Promise<void> {
  const { replanApplication } = await import("../server/services/reminders/replan");
  let next = 0;
  const worker = async () => {
    while (next < seeded.length) {
      const { orgId, applicationId } = seeded[next++]!;
      await withOrg(db, orgId, (tx) => replanApplication(tx, { orgId, applicationId }, now));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/**
 * Makes `count` planned reminders due: those already due first (a proposal whose morning has
 * come), then the others with their due time moved to now, taking the kinds in turn so that
 * every template is rendered. Answers their ids.
 */
async function makeDue(db: Database, count: number, now: Date): Promise<string[]> {
  const at = now.toISOString();
  const chosen = await rows<{ id: string }>(
    db,
    sql`select id from (
          select id, due_at <= ${at}::timestamptz as due, row_number() over (partition by kind order by due_at, id) as turn
          from reminders where status = 'pending'
        ) ranked order by due desc, turn, id limit ${count}`,
  );
  const ids = chosen.map((row) => row.id);
  for (let i = 0; i < ids.length; i += 1000) {
    await db
      .update(s.reminders)
      .set({ dueAt: new Date(+now - 60_000) })
      .where(and(inArray(s.reminders.id, ids.slice(i, i + 1000)), sql`${s.reminders.dueAt} > ${at}::timestamptz`));
  }
  return ids;
}

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
async function deliver(bench: Bench, fake: ResendFake, ids: string[], options: { requestsPerSecond: number }): Promise<Run> {
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
  const bench = await openDatabase();
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
