/**
 * Load test of the production build: `npm run build && npm run bench:load` (DATABASE_URL: a
 * PostgreSQL server; the bench creates its own database there and drops it afterwards).
 *
 * 1. Migrates a fresh database, loads the demo data and generates one more organisation of
 *    5,000 clients (10 applications, 20 interviews, 8 commitments, 20 activities each; 10 coaches
 *    sharing them, so one coach has 500).
 * 2. Starts `next start` on it (PORT, default 3125) and signs people in by writing database
 *    sessions (what a magic link ends in), so every request below is authenticated.
 * 3. With autocannon, at 1, 10, 50 and 100 concurrent connections, 10 s each (1: the cost of one
 *    request without queueing; each cell starts once the previous one's requests are worked off):
 *    - a static file (the stylesheet from the build's output; no page is prerendered, every one
 *      reads the session): the baseline for the ratios;
 *    - a client's dashboard and application list (server-rendered pages);
 *    - the coach overview, as the clients table loads it (tRPC `coach.overview`, default page);
 *    - a mix: dashboard, application list, a status change and a debrief (tRPC mutations).
 *    Reports throughput, p50/p95/p99 (every response's own time) and errors (connection errors,
 *    timeouts, and any status but 200).
 * 4. Writes bench/LOAD.md with the machine and the date, and says which targets are met:
 *    0 errors; p95 at 50 connections ≤ 150 ms for the client dashboard, ≤ 200 ms for the coach overview.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { schema, type Database } from "../db";
import { runMigrations } from "../db/migrate";
import { seedDemo } from "../db/seed";
import { withDatabase } from "../tests/helpers/database-url";
import { seedPortalOrganisations } from "./lib/portal-workload";

const { values: args } = parseArgs({
  options: {
    port: { type: "string", default: "3125" },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "1,10,50,100" },
    clients: { type: "string", default: "5000" },
    out: { type: "string", default: "bench/LOAD.md" },
  },
});
const PORT = Number(args.port);
const DURATION = Number(args.duration);
const CONNECTIONS = args.connections.split(",").map(Number);
const SHAPE = { clients: Number(args.clients), applications: 10, coaches: 10 };
const ORG = "bench-1";
const BASE = `http://127.0.0.1:${PORT}`;

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is required: the load test creates (and drops) its own database on that server.");
  process.exit(1);
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Request = { method: "GET" | "POST"; path: string; body?: () => string; headers?: Record<string, string> };
type Scenario = { name: string; cookie: string | null; requests: Request[] };
type Measured = { scenario: string; connections: number; rps: number; p50: number; p95: number; p99: number; requests: number; errors: number; detail: string; load: number };

const trpcGet = (procedure: string, input: unknown) =>
  `/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
const trpcBody = (input: unknown) => JSON.stringify({ json: input });

async function waitReady(timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${BASE}/api/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(300);
  }
  throw new Error("the server was not ready in time");
}

/**
 * Waits until the server has worked off what the previous cell left behind (requests autocannon
 * gave up on keep running on the server): readiness, which queries the database through the app's
 * pool, answering within 200 ms twice in a row. Answers the seconds it took (at most 60).
 */
async function settle(): Promise<number> {
  const started = performance.now();
  let quick = 0;
  while (quick < 2 && performance.now() - started < 60_000) {
    const asked = performance.now();
    try {
      const ok = (await fetch(`${BASE}/api/health/ready`, { signal: AbortSignal.timeout(10_000) })).ok;
      quick = ok && performance.now() - asked < 200 ? quick + 1 : 0;
    } catch {
      quick = 0;
    }
    if (quick < 2) await sleep(250);
  }
  return (performance.now() - started) / 1000;
}

/** The build's stylesheet, as every page links it. */
function staticFile(): string {
  const folder = ".next/static/chunks";
  const css = readdirSync(folder).find((file) => file.endsWith(".css"));
  if (!css) throw new Error(`no stylesheet in ${folder}: run \`npm run build\` first`);
  return `/_next/static/chunks/${css}`;
}

/** Milliseconds as reported: one decimal (autocannon times each response to the microsecond). */
const ms = (n: number | undefined) => (n === undefined ? "n/a" : n.toFixed(1));
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;

/** One autocannon run; latencies are taken from every response, so p95 is exact. */
async function run(scenario: Scenario, connections: number, duration = DURATION): Promise<Measured> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const result = await autocannon({
    url: BASE,
    connections,
    duration,
    timeout: 10,
    headers: { ...(scenario.cookie ? { cookie: scenario.cookie } : {}), "content-type": "application/json" },
    requests: scenario.requests.map((request) => ({
      method: request.method,
      path: request.path,
      ...(request.body ? { setupRequest: (req: autocannon.Request) => ({ ...req, body: request.body!() }) } : {}),
    })),
    setupClient: (client) => {
      client.on("response", (statusCode: number, _bytes: number, responseTime: number) => {
        latencies.push(responseTime);
        statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
      });
    },
  });
  latencies.sort((a, b) => a - b);
  const non200 = [...statuses].filter(([code]) => code !== 200);
  const errors = result.errors + result.timeouts + non200.reduce((n, [, count]) => n + count, 0);
  return {
    scenario: scenario.name,
    connections,
    rps: result.requests.total / duration,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    requests: result.requests.total,
    errors,
    load: os.loadavg()[0]!,
    detail: [
      result.errors ? `${result.errors} connection errors` : "",
      result.timeouts ? `${result.timeouts} timeouts` : "",
      ...non200.map(([code, count]) => `${count}× ${code}`),
    ]
      .filter(Boolean)
      .join(", "),
  };
}

async function main() {
  const name = `ft_load_${randomBytes(4).toString("hex")}`;
  const admin = postgres(withDatabase(url!, "postgres"), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const sql = postgres(withDatabase(url!, name), { max: 4, onnotice: () => {} });
  let server: ChildProcess | null = null;
  const lines: string[] = [];
  const log = (line = "") => {
    console.log(line);
    lines.push(line);
  };
  try {
    const db = drizzle({ client: sql, schema }) as unknown as Database;
    const loadAtStart = os.loadavg();
    let started = performance.now();
    await runMigrations({ db, mode: "server", close: async () => {} });
    const demo = await seedDemo(db);
    await seedPortalOrganisations(sql, 1, 1, SHAPE);
    await sql.unsafe("analyze");
    const [{ version }] = (await sql`select version()`) as unknown as [{ version: string }];
    const seeded = `demo data (${demo.organizations} organisations, ${demo.applications} applications) + organisation ${ORG}: ${SHAPE.clients.toLocaleString("en")} clients × ${SHAPE.applications} applications × 2 interviews, ${SHAPE.coaches} coaches`;
    const seedSeconds = (performance.now() - started) / 1000;
    console.log(`seeded in ${seedSeconds.toFixed(1)} s: ${seeded}`);

    // Sessions as a magic link leaves them: one for a client, one for a coach (clients / coaches of them).
    const session = async (email: string) => {
      const token = randomBytes(32).toString("hex");
      await sql`insert into sessions (session_token, user_id, expires)
        select ${token}, id, now() + interval '1 day' from users where email = ${email}`;
      return `authjs.session-token=${token}`;
    };
    const clientEmail = "p1-1@bench.example";
    const coachEmail = `p1-${SHAPE.clients + 1}@bench.example`;
    const clientCookie = await session(clientEmail);
    const coachCookie = await session(coachEmail);
    const applications = (await sql`select a.id from applications a join memberships m on m.id = a.client_id join users u on u.id = m.user_id
      where u.email = ${clientEmail}`) as unknown as Array<{ id: string }>;
    const interviews = (await sql`select i.id from interviews i join memberships m on m.id = i.client_id join users u on u.id = m.user_id
      where u.email = ${clientEmail} and i.status = 'completed'`) as unknown as Array<{ id: string }>;
    let turn = 0;
    const pick = <T>(items: T[]) => items[turn++ % items.length]!;

    const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
    server = spawn(process.execPath, [nextBin, "start", "--port", String(PORT), "--hostname", "127.0.0.1"], {
      env: { ...process.env, DATABASE_URL: withDatabase(url!, name), AUTH_SECRET: randomBytes(24).toString("base64"), APP_URL: BASE, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    await waitReady();

    const dashboard: Request = { method: "GET", path: `/${ORG}` };
    const applicationList: Request = { method: "GET", path: `/${ORG}/applications` };
    const scenarios: Scenario[] = [
      // Every page reads the session, so none is prerendered: the baseline is what the server
      // answers fastest, a file of the build's static output (the stylesheet every page loads).
      { name: "static file (the app's stylesheet, /_next/static)", cookie: null, requests: [{ method: "GET", path: staticFile() }] },
      { name: "client dashboard", cookie: clientCookie, requests: [dashboard] },
      { name: "application list", cookie: clientCookie, requests: [applicationList] },
      { name: `coach overview (coach.overview, ${Math.ceil(SHAPE.clients / SHAPE.coaches)} clients, first page)`, cookie: coachCookie, requests: [{ method: "GET", path: trpcGet("coach.overview", { orgSlug: ORG }) }] },
      {
        name: "mix: dashboard, list, status change, debrief",
        cookie: clientCookie,
        requests: [
          dashboard,
          applicationList,
          {
            method: "POST",
            path: "/api/trpc/application.changeStatus",
            body: () => trpcBody({ orgSlug: ORG, applicationId: pick(applications).id, status: turn % 2 === 0 ? "applied" : "interviewing" }),
          },
          {
            method: "POST",
            path: "/api/trpc/interview.debrief",
            body: () => trpcBody({ orgSlug: ORG, interviewId: pick(interviews).id, askedForJob: true, nextSteps: "They will call next week." }),
          },
        ],
      },
    ];
    // Every route compiled and cached once before measuring.
    for (const scenario of scenarios) await run(scenario, 2, 2);

    started = performance.now();
    const results: Measured[] = [];
    for (const scenario of scenarios) {
      for (const connections of CONNECTIONS) {
        const settled = await settle();
        if (settled > 1) console.log(`(waited ${settled.toFixed(1)} s for the server to finish the previous cell's requests)`);
        const measured = await run(scenario, connections);
        results.push(measured);
        console.log(
          `${scenario.name} @${connections}: ${measured.rps.toFixed(0)} req/s, p50 ${ms(measured.p50)} ms, p95 ${ms(measured.p95)} ms, p99 ${ms(measured.p99)} ms, errors ${measured.errors}${measured.detail ? ` (${measured.detail})` : ""}`,
        );
      }
    }

    // Stopped as a deploy stops it: SIGTERM, a drain, and status 0 when that went cleanly.
    const stopping = performance.now();
    const running = server;
    server = null;
    const status = await new Promise<number | null>((resolve) => {
      running.once("exit", (code) => resolve(code));
      running.kill("SIGTERM");
    });
    const stopMs = Math.round(performance.now() - stopping);

    const at = (scenario: string, connections: number) => results.find((r) => r.scenario.startsWith(scenario) && r.connections === connections);
    const baseline = (connections: number) => at("static file", connections)!;
    const dashboard50 = at("client dashboard", 50);
    const overview50 = at("coach overview", 50);
    const totalErrors = results.reduce((n, r) => n + r.errors, 0);
    const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
    const measuredSeconds = (performance.now() - started) / 1000;
    const loadAverage = (loads: number[]) => loads.map((n) => n.toFixed(1)).join(" / ");

    log("# Load test of the production build");
    log();
    log(`\`npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:load\`, ${new Date().toISOString()}.`);
    log("What it does is described at the top of `scripts/bench-load.ts`.");
    log();
    log(`- Machine: ${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim()}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, ${os.type()} ${os.release()}`);
    log(`- Load average (1 / 5 / 15 min): ${loadAverage(loadAtStart)} at the start (before seeding), ${loadAverage(os.loadavg())} at the end.`);
    log(`  autocannon, \`next start\` and PostgreSQL share these ${os.cpus().length} CPUs; a load average above ${os.cpus().length} means other work was`);
    log("  competing for them (the \"load\" column: the 1-minute load average at the end of each cell).");
    log(`- Server: one \`next start\` (Next.js 16, production build) on 127.0.0.1, PostgreSQL directly: ${version.split(",")[0]}`);
    log(`- Data: ${seeded}; seeded (migrations, demo data, the generated organisation, ANALYZE) in ${seedSeconds.toFixed(0)} s`);
    log(`- Each cell: ${DURATION} s of autocannon at that many connections after a warm-up; latency percentiles over every response;`);
    log("  a request unanswered after 10 s counts as a timeout (an error). A cell starts once the server has worked off the previous");
    log("  cell's abandoned requests (readiness, a database round trip through the app's pool, under 200 ms twice in a row).");
    log();
    log("| scenario | connections | req/s | p50 ms | p95 ms | p99 ms | requests | errors | vs static req/s | load |");
    log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (const r of results) {
      const ratio = r.rps / baseline(r.connections).rps;
      log(`| ${r.scenario} | ${r.connections} | ${r.rps.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${r.requests} | ${r.errors}${r.detail ? ` (${r.detail})` : ""} | ${(100 * ratio).toFixed(0)} % | ${r.load.toFixed(1)} |`);
    }
    log();
    log("## Targets");
    log();
    log(`- 0 errors: ${verdict(totalErrors === 0)} (${totalErrors} in all)`);
    log(`- client dashboard p95 ≤ 150 ms at 50 connections: ${verdict((dashboard50?.p95 ?? Infinity) <= 150)} (${ms(dashboard50?.p95)} ms)`);
    log(`- coach overview p95 ≤ 200 ms at 50 connections: ${verdict((overview50?.p95 ?? Infinity) <= 200)} (${ms(overview50?.p95)} ms)`);
    log(`- \`next start\` stopped by SIGTERM after the run in ${stopMs} ms with status ${status} (0 is a clean drain)`);
    log();
    log(`Measured in ${measuredSeconds.toFixed(0)} s (after seeding and a warm-up of every scenario).`);
    if (args.out) writeFileSync(args.out, `${lines.join("\n")}\n`);
  } finally {
    if (server) {
      const exited = new Promise((resolve) => server!.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    }
    await sql.end({ timeout: 5 });
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

await main();
