/**
 * Two production instances, one PostgreSQL behind PgBouncer, and faults: exactly once, proven.
 * Not a timed test: it fails (exit 1) only on a duplicate, a lost reminder or a timeout.
 *
 *   npm run build && npm run test:instances                     # 10,000 reminders, writes bench/INSTANCES.md
 *   npm run test:instances -- --reminders=1000 --out=           # CI's smaller run, prints only
 *
 * 1. Starts a throwaway PostgreSQL cluster (its own folder and port: restarting it disturbs
 *    nobody) and PgBouncer in transaction mode in front of it, migrates on the direct URL.
 * 2. Plans the reminders with the app's re-plan code (debriefed interviews, five reminders each).
 * 3. Starts the local Resend fake (Resend's limit of 2 requests a second, some latency) and two
 *    `next start` servers (instances A and B, told apart by their sender address) on the pooler
 *    with DATABASE_POOL_MODE=transaction; each runs the in-process delivery schedule.
 * 4. Makes every reminder due. While they are delivered: SIGKILLs instance A once it has sent
 *    part of its share and holds claims (mid-sweep), starts it again, and restarts PostgreSQL
 *    (immediate mode: a crash, WAL recovery) once more than half are accepted.
 * 5. Waits until every reminder is sent, then SIGTERMs both instances (graceful shutdown, timed)
 *    and counts what the fake accepted per reminder: 0 duplicates and 0 lost, and both stopped
 *    with status 0, or exit 1.
 *
 * Needs PostgreSQL's server binaries and PgBouncer (Debian: postgresql, pgbouncer) and a build.
 * Ports: --base-port (default 3121) for PostgreSQL, +1 and +2 for the instances, +3 for the
 * fake; --pgbouncer-port (default 6432).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { and, eq, ne, sql } from "drizzle-orm";
import { connectServer, type Database } from "../db";
import { runMigrations } from "../db/migrate";
import * as s from "../db/schema";
import { rows } from "../db/sql";
import { withDatabase } from "../tests/helpers/database-url";
import { ResendFake } from "../tests/helpers/resend-fake";
import { startLocalPostgres, startPgBouncer, type LocalPgBouncer, type LocalPostgres } from "./lib/local-servers";
import { APPLICATIONS_PER_CLIENT, makeDue, plan, seed } from "./lib/reminder-workload";

const { values: args } = parseArgs({
  options: {
    reminders: { type: "string", default: "10000" },
    "base-port": { type: "string", default: "3121" },
    "pgbouncer-port": { type: "string", default: "6432" },
    "resend-limit": { type: "string", default: "2" },
    "timeout-minutes": { type: "string", default: "20" },
    out: { type: "string", default: "bench/INSTANCES.md" },
  },
});
const REMINDERS = Number(args.reminders);
const BASE_PORT = Number(args["base-port"]);
const PORTS = { postgres: BASE_PORT, a: BASE_PORT + 1, b: BASE_PORT + 2, fake: BASE_PORT + 3, pgbouncer: Number(args["pgbouncer-port"]) };
const RESEND_LIMIT = Number(args["resend-limit"]);
const TIMEOUT_MS = Number(args["timeout-minutes"]) * 60_000;
/** Reminders the planner writes per debriefed interview in this workload (see reminder-workload.ts). */
const PER_INTERVIEW = 5;
const DATABASE = "followthrough";
const FAKE_LATENCY_MS = 150;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line: string) => console.log(`[${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${line}`);
const t0 = performance.now();

type Instance = { name: "A" | "B"; port: number; from: string; process: ChildProcess | null; starts: number };

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");


function startInstance(instance: Instance, env: Record<string, string>, logDir: string): void {
  instance.starts++;
  const output = createWriteStream(path.join(logDir, `instance-${instance.name}-${instance.starts}.log`));
  // `node …/next start` directly: the process that listens is the one we signal (an npx wrapper
  // would leave next-server running).
  const child = spawn(process.execPath, [nextBin, "start", "--port", String(instance.port), "--hostname", "127.0.0.1"], {
    env: { ...process.env, ...env, EMAIL_FROM: instance.from, PORT: String(instance.port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.pipe(output);
  child.stderr!.pipe(output);
  instance.process = child;
}

async function waitReady(instance: Instance, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${instance.port}/api/health/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`instance ${instance.name} was not ready within ${timeoutMs} ms`);
}

/** Sends `signal` and answers how long the process took to exit, and its exit code or signal. */
async function stopInstance(instance: Instance, signal: NodeJS.Signals): Promise<{ ms: number; code: number | null; signal: string | null }> {
  const child = instance.process!;
  const started = performance.now();
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.once("exit", (code, sig) => resolve({ code, signal: sig })),
  );
  child.kill(signal);
  const result = await exited;
  instance.process = null;
  return { ms: Math.round(performance.now() - started), ...result };
}

/** Claims held right now: leased pending reminders and batches being sent (one query, direct). */
async function inFlight(db: Database): Promise<{ leased: number; sendingBatches: number }> {
  const [row] = await rows<{ leased: number; sending: number }>(
    db,
    sql`select (select count(*)::int from reminders where status = 'pending' and lease_until > now()) as leased,
               (select count(*)::int from email_batches where status = 'sending') as sending`,
  );
  return { leased: row!.leased, sendingBatches: row!.sending };
}

type Event = { at: number; what: string };

async function main() {
  const folder = mkdtempSync(path.join(os.tmpdir(), "followthrough-instances-"));
  // The servers may run as another user (as root, as `postgres`): they must reach their folders.
  chmodSync(folder, 0o755);
  const events: Event[] = [];
  const note = (what: string) => {
    events.push({ at: (performance.now() - t0) / 1000, what });
    log(what);
  };
  let postgresServer: LocalPostgres | null = null;
  let pooler: LocalPgBouncer | null = null;
  let fake: ResendFake | null = null;
  const instances: Instance[] = [
    { name: "A", port: PORTS.a, from: "Followthrough A <a@instances.followthrough.test>", process: null, starts: 0 },
    { name: "B", port: PORTS.b, from: "Followthrough B <b@instances.followthrough.test>", process: null, starts: 0 },
  ];
  let direct: ReturnType<typeof connectServer> | null = null;
  let failed = false;
  // Interrupted (Ctrl-C): leave no server behind.
  const abandon = () => {
    for (const instance of instances) instance.process?.kill("SIGKILL");
    pooler?.stop();
    postgresServer?.stop();
    process.exit(130);
  };
  process.once("SIGINT", abandon);
  process.once("SIGTERM", abandon);
  try {
    postgresServer = startLocalPostgres(path.join(folder, "postgres"), PORTS.postgres);
    pooler = startPgBouncer(path.join(folder, "pgbouncer"), { port: PORTS.pgbouncer, targetPort: PORTS.postgres });
    const admin = connectServer(postgresServer.url, { max: 1 });
    const [version] = await rows<{ server_version: string }>(admin.db, sql`show server_version`);
    note(`PostgreSQL ${version!.server_version} on 127.0.0.1:${PORTS.postgres} (throwaway cluster), PgBouncer transaction mode on :${PORTS.pgbouncer}`);
    await admin.db.execute(sql.raw(`create database ${DATABASE}`));
    await admin.close();
    const directUrl = withDatabase(postgresServer.url, DATABASE);
    direct = connectServer(directUrl, { max: 4 });
    await runMigrations(direct);

    const interviews = Math.ceil(REMINDERS / PER_INTERVIEW);
    const planStarted = performance.now();
    const seeded = await seed(direct.db, interviews, new Date());
    await plan(direct.db, seeded, new Date(), 4);
    const planned = await direct.db.$count(s.reminders);
    note(`planned ${planned} reminders for ${seeded.length} debriefed interviews (${Math.ceil(seeded.length / APPLICATIONS_PER_CLIENT)} clients) in ${((performance.now() - planStarted) / 1000).toFixed(1)} s`);

    fake = await ResendFake.start({ port: PORTS.fake, latencyMs: FAKE_LATENCY_MS });
    fake.rateLimitPerSecond = RESEND_LIMIT;
    const env = {
      DATABASE_URL: withDatabase(pooler.url, DATABASE),
      DATABASE_POOL_MODE: "transaction",
      DATABASE_URL_UNPOOLED: directUrl,
      AUTH_SECRET: randomBytes(24).toString("base64"),
      APP_URL: "http://127.0.0.1:3000",
      RESEND_API_KEY: fake.apiKey,
      RESEND_BASE_URL: fake.url,
      // Resend's limit is per team: each of the two instances takes half.
      RESEND_REQUESTS_PER_SECOND: String(RESEND_LIMIT / instances.length),
      NEXT_TELEMETRY_DISABLED: "1",
    };
    for (const instance of instances) startInstance(instance, env, folder);
    await Promise.all(instances.map((instance) => waitReady(instance)));
    note("instances A and B ready (next start, in-process delivery schedule every 15 s, through PgBouncer)");

    const ids = await makeDue(direct.db, planned, new Date());
    // Only these: the instances also plan weekly digests, due next Monday.
    const ofRun = sql`${s.reminders.id} = any(${`{${ids.join(",")}}`}::uuid[])`;
    const deliveryStarted = performance.now();
    note(`made all ${ids.length} reminders due`);

    const acceptedFrom = (from: string) => fake!.accepted.filter((email) => email.from === from).length;
    let killed: { inFlight: Awaited<ReturnType<typeof inFlight>>; acceptedBefore: number; fromA: number } | null = null;
    let postgresRestart: { ms: number; acceptedBefore: number } | null = null;
    let killAt = 0;
    for (;;) {
      if (performance.now() - deliveryStarted > TIMEOUT_MS) throw new Error(`not every reminder was sent within ${TIMEOUT_MS / 60_000} minutes`);
      const accepted = fake.accepted.length;
      const [a] = instances;
      if (!killed && accepted >= 0.15 * ids.length && acceptedFrom(a!.from) > 0) {
        // Mid-sweep: A has sent part of its share and holds claims (leased rows or a batch in flight).
        const held = await inFlight(direct.db);
        if (held.leased > 0 || held.sendingBatches > 0) {
          await stopInstance(a!, "SIGKILL");
          killed = { inFlight: held, acceptedBefore: accepted, fromA: acceptedFrom(a!.from) };
          killAt = performance.now();
          note(`SIGKILL instance A mid-sweep: ${accepted} accepted so far (${killed.fromA} prepared by A); ${held.leased} reminders leased, ${held.sendingBatches} batches being sent at that moment`);
        }
      }
      if (killed && !a!.process && performance.now() - killAt > 2_000) {
        startInstance(a!, env, folder);
        await waitReady(a!);
        note("instance A restarted and ready");
      }
      if (killed && a!.process && !postgresRestart && accepted >= 0.55 * ids.length) {
        const started = performance.now();
        postgresServer.restart("immediate");
        postgresRestart = { ms: Math.round(performance.now() - started), acceptedBefore: accepted };
        note(`PostgreSQL restarted (immediate: no checkpoint, clients cut off) in ${postgresRestart.ms} ms at ${accepted} accepted`);
      }
      const open = await direct.db.$count(s.reminders, and(ofRun, ne(s.reminders.status, "sent"))).catch(() => -1);
      if (open === 0) {
        if (!killed || !postgresRestart) throw new Error("every reminder was sent before both faults could be injected: use more reminders");
        break;
      }
      await sleep(500);
    }
    const deliverySeconds = (performance.now() - deliveryStarted) / 1000;
    note(`every reminder sent after ${deliverySeconds.toFixed(1)} s`);

    const shutdowns = await Promise.all(instances.map((instance) => stopInstance(instance, "SIGTERM")));
    note(`SIGTERM: A exited in ${shutdowns[0]!.ms} ms (code ${shutdowns[0]!.code}), B in ${shutdowns[1]!.ms} ms (code ${shutdowns[1]!.code})`);

    const perReminder = fake.acceptedByTag("reminder_id");
    const duplicates = ids.filter((id) => (perReminder.get(id)?.length ?? 0) > 1).length;
    const lost = ids.filter((id) => !perReminder.has(id)).length;
    const statuses = await rows<{ status: string; n: number }>(
      direct.db,
      sql`select status::text, count(*)::int as n from reminders where ${ofRun} group by status order by status`,
    );
    const sentRows = await direct.db.$count(s.reminders, and(ofRun, eq(s.reminders.status, "sent")));
    const requests = fake.requests;
    const count = (predicate: (r: (typeof requests)[number]) => boolean) => requests.filter(predicate).length;
    const byInstance = instances.map((instance) => `${instance.name} ${acceptedFrom(instance.from)}`).join(", ");
    // A graceful SIGTERM ends with status 0 (143 would mean the drain ran out of time).
    const uncleanStops = shutdowns.filter((stop) => stop.code !== 0).length;
    failed = duplicates > 0 || lost > 0 || sentRows !== ids.length || fake.accepted.length !== ids.length || uncleanStops > 0;

    const report = [
      `Machine: ${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim()}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, ${new Date().toISOString()}; load average at the end ${os.loadavg().map((n) => n.toFixed(1)).join(" / ")}`,
      `Reminders: ${ids.length} due at once, planned by replanApplication for ${seeded.length} debriefed interviews`,
      `Topology: two \`next start\` instances → PgBouncer 1.18 (transaction mode, pool 20) → PostgreSQL ${version!.server_version}; the Resend fake at ${RESEND_LIMIT} requests/s with ${FAKE_LATENCY_MS} ms latency`,
      "",
      "Timeline:",
      ...events.map((e) => `  ${e.at.toFixed(1).padStart(6)} s  ${e.what}`),
      "",
      `Delivered in ${deliverySeconds.toFixed(1)} s: ${(ids.length / deliverySeconds).toFixed(0)} emails/s across both instances (provider ceiling ${RESEND_LIMIT * 100}/s)`,
      `Accepted by the fake: ${fake.accepted.length} emails (prepared by ${byInstance}) for ${perReminder.size} reminders`,
      `Requests: ${count((r) => r.endpoint === "/emails/batch")} batch, ${count((r) => r.endpoint === "/emails")} single; ` +
        `${count((r) => r.outcome === "accepted")} accepted, ${count((r) => r.outcome === "replayed")} answered from the idempotency record (a retry after a crash), ` +
        `${count((r) => r.status === 429)} answered 429, ${count((r) => r.outcome === "in_flight")} refused while the same key was in flight`,
      `Rows: ${statuses.map((r) => `${r.status} ${r.n}`).join(", ")}`,
      `Exactly once: ${duplicates} duplicates, ${lost} lost; ${uncleanStops} instances stopped by SIGTERM with a status other than 0 → ${failed ? "FAILED" : "passed"}`,
    ].join("\n");
    console.log(`\n${report}`);
    if (args.out) {
      writeFileSync(args.out, renderMarkdown(report, args.out));
      console.log(`\nwritten to ${args.out}`);
    }
  } catch (error) {
    failed = true;
    console.error(error);
    for (const instance of instances) {
      try {
        const tail = readFileSync(path.join(folder, `instance-${instance.name}-${instance.starts}.log`), "utf8").split("\n").slice(-30).join("\n");
        console.error(`--- instance ${instance.name} (start ${instance.starts}), last lines ---\n${tail}`);
      } catch {
        // never started
      }
    }
  } finally {
    for (const instance of instances) instance.process?.kill("SIGKILL");
    await direct?.close().catch(() => {});
    await fake?.close();
    pooler?.stop();
    postgresServer?.stop();
    if (!failed) rmSync(folder, { recursive: true, force: true });
    else console.error(`logs kept in ${folder}`);
  }
  process.exitCode = failed ? 1 : 0;
}

function renderMarkdown(report: string, out: string): string {
  return [
    "# Two instances, one pooler, faults: exactly once",
    "",
    `\`npm run build && npm run test:instances\` (writes this file, ${out}); CI runs a smaller`,
    "version (`--reminders=1000 --out=`) after the build. What it does is described at the top of",
    "`scripts/test-instances.ts`: two production servers deliver through PgBouncer in transaction",
    "mode while one is killed with SIGKILL mid-sweep and restarted, and PostgreSQL is restarted",
    "(immediate mode); then every reminder must have been accepted by the Resend fake exactly once.",
    "The machine is shared (2 vCPUs, other engineers' jobs running), so times vary between runs.",
    "",
    "```",
    report,
    "```",
    "",
  ].join("\n");
}

await main();
