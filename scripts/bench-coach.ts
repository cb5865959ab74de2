/**
 * Benchmark of the coach portal: `npm run bench:coach -- --sizes=500,5000,20000` (DATABASE_URL required).
 *
 * For each size: creates a throwaway database on that server, migrates it, seeds one measured
 * organisation of that many clients × 40 applications × 2 interviews (with contacts,
 * participants, commitments, reminders, drafts and activities) plus noise organisations of the
 * same size, puts every fourth client of the measured organisation in a cohort, then measures
 * through the real tRPC caller (PostgreSQL, tenant transaction, RLS): the overview with the
 * default sort, sorted by each metric, filtered (gone quiet, overdue, cohort, one coach) and
 * searched; the client detail; the charts; the outcomes; SQL statements per call; and what the
 * kept metrics cost the write path (interview.debrief, application.changeStatus,
 * commitment.complete with the marking triggers on and off, interleaved in one run). Writes
 * bench/RESULTS.md (after each size, so a long run keeps what it measured) and drops each database.
 *
 * Options (flags or environment): --sizes / BENCH_SIZES (default 500), --noise / BENCH_NOISE_ORGS
 * (default 2), --runs / BENCH_RUNS (default 60 per call). BENCH_DB reuses an already seeded
 * database of one size (and keeps it); BENCH_KEEP keeps the databases.
 */
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { schema, type Database } from "../db";
import { runMigrations } from "../db/migrate";
import { OVERVIEW_SORT_KEYS } from "../server/services/coach/schemas";
import { createCaller } from "../server/trpc/root";
import { seedPortalOrganisations } from "./lib/portal-workload";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is required: the benchmark creates (and drops) its own database on that server.");
  process.exit(1);
}
const flag = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const SIZES = (flag("sizes") ?? process.env.BENCH_SIZES ?? process.env.BENCH_CLIENTS ?? "500").split(",").map(Number);
const NOISE_ORGS = Number(flag("noise") ?? process.env.BENCH_NOISE_ORGS ?? 2);
const RUNS = Number(flag("runs") ?? process.env.BENCH_RUNS ?? 60);
const WARMUP = 5;
const APPS = 40;
const COACHES = 10;

const withDatabase = (base: string, name: string) => {
  const parsed = new URL(base);
  parsed.pathname = `/${name}`;
  return parsed.toString();
};

const lines: string[] = [];
const log = (line = "") => {
  console.log(line);
  lines.push(line);
};
const load = () => os.loadavg().map((n) => n.toFixed(2)).join(" / ");

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  log(`- ${label}: ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return result;
}

const stats = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  return { p50: at(50), p95: at(95), mean: samples.reduce((a, b) => a + b, 0) / samples.length };
};
const ms = (n: number) => `${n.toFixed(1)} ms`;

type Row = { label: string; p50: number; p95: number; statements: number; target?: number };

async function sizeRun(clients: number, results: Map<number, Row[]>) {
  const reuse = process.env.BENCH_DB;
  const name = reuse ?? `ft_bench_${randomBytes(4).toString("hex")}`;
  const admin = postgres(withDatabase(url!, "postgres"), { max: 1, onnotice: () => {} });
  if (!reuse) await admin.unsafe(`create database "${name}"`);
  const client = postgres(withDatabase(url!, name), { max: 4, onnotice: () => {} });
  const rowsOut: Row[] = [];
  results.set(clients, rowsOut);
  try {
    log(`## ${clients.toLocaleString("en")} clients`);
    log();
    log(`Started ${new Date().toISOString()}, load average (1/5/15 min) ${load()}.`);
    log();
    const plain = drizzle({ client, schema }) as unknown as Database;
    const shape = { clients, applications: APPS, coaches: COACHES };
    // A reused database gets the migrations that landed since it was seeded.
    await timed("migrate", () => runMigrations({ db: plain, mode: "server", close: async () => {} }));
    if (!reuse) {
      await timed("seed measured organisation", () => seedPortalOrganisations(client, 1, 1, shape));
      if (NOISE_ORGS > 0) await timed(`seed ${NOISE_ORGS} noise organisations`, () => seedPortalOrganisations(client, 2, NOISE_ORGS + 1, shape));
      await client.unsafe(`insert into cohorts (id, org_id, name) values (bench_id('cohort1'), bench_id('org1'), 'Class of 2027')`);
      await client.unsafe(`insert into cohort_members (org_id, cohort_id, client_membership_id)
        select bench_id('org1'), bench_id('cohort1'), bench_id('m1-'||k) from generate_series(1, ${clients}, 4) k`);
      await timed("ANALYZE", () => client.unsafe("analyze"));
    }
    const [{ applications }] = (await client`select count(*)::int as applications from applications`) as unknown as [{ applications: number }];
    const [{ interviews }] = (await client`select count(*)::int as interviews from interviews`) as unknown as [{ interviews: number }];
    log(`- rows: ${applications.toLocaleString("en")} applications, ${interviews.toLocaleString("en")} interviews in ${NOISE_ORGS + 1} organisations`);

    let statements = 0;
    const counted = drizzle({ client, schema, logger: { logQuery: () => void statements++ } }) as unknown as Database;
    const person = async (key: string) =>
      ((await client`select u.id, u.email from users u where u.id = bench_id(${key})`) as unknown as [{ id: string; email: string }])[0];
    const owner = await person("u1-0");
    const api = createCaller({ db: counted, session: { userId: owner.id, email: owner.email }, ip: "127.0.0.1" });
    const orgSlug = "bench-1";
    const id = async (key: string) => ((await client`select bench_id(${key})::text as id`) as unknown as [{ id: string }])[0].id;
    const clientId = await id("m1-1");
    const coachId = await id(`m1-${clients + 1}`);
    const cohortId = await id("cohort1");

    // The first read computes every kept row of the organisation (all marked by the seeding).
    await timed(`first overview read: computes all ${clients.toLocaleString("en")} kept rows`, () => api.coach.overview({ orgSlug, pageSize: 50 }));
    // The marks table was analysed full (every seeded client marked); emptied by this read, its
    // stale statistics would make the planner hash every membership for one marked client.
    await client.unsafe("analyze client_metrics, client_metric_marks");
    log();

    const measure = async (label: string, work: () => Promise<unknown>, target?: number) => {
      statements = 0;
      await work();
      const perCall = statements;
      for (let i = 0; i < WARMUP; i++) await work();
      const samples: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const start = performance.now();
        await work();
        samples.push(performance.now() - start);
      }
      const s = stats(samples);
      rowsOut.push({ label, p50: s.p50, p95: s.p95, statements: perCall, target });
      console.log(`${label}: p50 ${ms(s.p50)} p95 ${ms(s.p95)} (${perCall} statements)`);
    };
    const overviewTarget = clients <= 5_000 ? 30 : 60;
    const page = { orgSlug, pageSize: 50 };
    await measure("overview, default sort (name)", () => api.coach.overview(page), overviewTarget);
    for (const sort of OVERVIEW_SORT_KEYS.filter((k) => k !== "name")) {
      await measure(`overview sorted by ${sort} (desc)`, () => api.coach.overview({ ...page, sort, direction: "desc" }), overviewTarget);
    }
    await measure("overview sorted by followThroughRate (asc)", () => api.coach.overview({ ...page, sort: "followThroughRate" }), overviewTarget);
    const second = await api.coach.overview({ ...page, sort: "followThroughRate", direction: "desc" });
    await measure("overview sorted by followThroughRate, second page (cursor)", () =>
      api.coach.overview({ ...page, sort: "followThroughRate", direction: "desc", cursor: second.nextCursor! }), overviewTarget);
    await measure("overview filtered: gone quiet", () => api.coach.overview({ ...page, goneQuiet: true }), overviewTarget);
    await measure("overview filtered: something overdue", () => api.coach.overview({ ...page, hasOverdue: true }), overviewTarget);
    await measure(`overview filtered: cohort (${Math.ceil(clients / 4).toLocaleString("en")} clients)`, () => api.coach.overview({ ...page, cohortId }), overviewTarget);
    await measure(`overview filtered: one coach (${(clients / COACHES).toLocaleString("en")} clients)`, () =>
      api.coach.overview({ ...page, coachId, sort: "overdue", direction: "desc" }), overviewTarget);
    const coachUser = await person(`u1-${clients + 1}`);
    const asCoach = createCaller({ db: counted, session: { userId: coachUser.id, email: coachUser.email }, ip: "127.0.0.1" });
    await measure(`overview as that coach, sorted by follow-through`, () =>
      asCoach.coach.overview({ ...page, sort: "followThroughRate", direction: "desc" }), overviewTarget);
    await measure("overview search (\"Person 1-12\")", () => api.coach.overview({ ...page, search: "Person 1-12" }), overviewTarget);
    await measure("client detail", () => api.coach.clientDetail({ orgSlug, clientId }), 20);
    await measure("charts", () => api.coach.charts({ orgSlug }), clients >= 20_000 ? 100 : undefined);
    await measure("outcomes", () => api.coach.outcomes({ orgSlug }), clients >= 20_000 ? 100 : undefined);
    await measure("outcomes, one cohort", () => api.coach.outcomes({ orgSlug, cohortId }), clients >= 20_000 ? 100 : undefined);

    log("| call | p50 | p95 | target p95 | statements |");
    log("| --- | --- | --- | --- | --- |");
    for (const r of rowsOut) {
      const verdict = r.target === undefined ? "—" : `≤ ${r.target} ms ${r.p95 <= r.target ? "met" : "**not met**"}`;
      log(`| ${r.label} | ${ms(r.p50)} | ${ms(r.p95)} | ${verdict} | ${r.statements} |`);
    }
    log();

    // The write path: the same three mutations with the marking triggers on and off, in
    // alternating blocks so the machine's load falls on both alike.
    const clientUser = await person("u1-1");
    const asClient = createCaller({ db: plain, session: { userId: clientUser.id, email: clientUser.email }, ip: "127.0.0.1" });
    const [interview] = (await client`select id::text from interviews where client_id = bench_id('m1-1') and ends_at < now() and status <> 'cancelled'
      order by starts_at desc limit 1`) as unknown as [{ id: string }];
    const [application] = (await client`select id::text from applications where client_id = bench_id('m1-1') and status in ('applied', 'interviewing')
      and archived_at is null limit 1`) as unknown as [{ id: string }];
    const [commitment] = (await client`select id::text from commitments where client_id = bench_id('m1-1') limit 1`) as unknown as [{ id: string }];
    const tables = ["applications", "application_status_history", "interviews", "interview_participants", "reminders", "commitments", "drafts", "activities", "memberships"];
    const triggers = async (on: boolean) => {
      for (const t of tables) await client.unsafe(`alter table ${t} ${on ? "enable" : "disable"} trigger user`);
    };
    let flip = false;
    const writes: Record<string, () => Promise<unknown>> = {
      "interview.debrief": () => asClient.interview.debrief({ orgSlug, interviewId: interview!.id, askedForJob: true, nextSteps: "Waiting" }),
      "application.changeStatus": () => {
        flip = !flip;
        return asClient.application.changeStatus({ orgSlug, applicationId: application!.id, status: flip ? "interviewing" : "applied" });
      },
      "commitment.complete": async () => {
        const start = performance.now();
        await asClient.commitment.complete({ orgSlug, commitmentId: commitment!.id });
        const took = performance.now() - start;
        await asClient.commitment.reopen({ orgSlug, commitmentId: commitment!.id });
        return took;
      },
    };
    const samples: Record<string, { on: number[]; off: number[] }> = {};
    for (const key of Object.keys(writes)) samples[key] = { on: [], off: [] };
    const BLOCKS = 6;
    const PER_BLOCK = Math.max(5, Math.round(RUNS / BLOCKS));
    for (let block = 0; block < BLOCKS * 2; block++) {
      const on = block % 2 === 0;
      await triggers(on);
      for (const [key, work] of Object.entries(writes)) {
        await work();
        for (let i = 0; i < PER_BLOCK; i++) {
          const start = performance.now();
          const inner = await work();
          (on ? samples[key]!.on : samples[key]!.off).push(typeof inner === "number" ? inner : performance.now() - start);
        }
      }
    }
    await triggers(true);
    log("Write path, p95 with the kept-metrics upkeep (marking triggers) and without, interleaved:");
    log();
    log("| mutation | p95 with upkeep | p95 without | ratio (target ≤ 1.3×) |");
    log("| --- | --- | --- | --- |");
    for (const [key, { on, off }] of Object.entries(samples)) {
      const ratio = stats(on).p95 / stats(off).p95;
      log(`| ${key} | ${ms(stats(on).p95)} | ${ms(stats(off).p95)} | ${ratio.toFixed(2)}× ${ratio <= 1.3 ? "met" : "**not met**"} |`);
    }
    log();
    // What the next reader pays for those writes: one client's row recomputed.
    await measure("overview right after a write (recomputes the written client's row)", async () => {
      await client`insert into activities (org_id, client_id, kind, summary) values (bench_id('org1'), bench_id('m1-1'), 'bench', 'write')`;
      return api.coach.overview(page);
    });
    const last = rowsOut.at(-1)!;
    log(`- overview right after a write to one client (the write included): p50 ${ms(last.p50)}, p95 ${ms(last.p95)}`);
    log(`- finished ${new Date().toISOString()}, load average ${load()}`);
    log();
  } finally {
    await client.end({ timeout: 5 });
    if (process.env.BENCH_KEEP) console.log(`Kept database ${name} (BENCH_DB=${name} reuses it).`);
    else if (!reuse) await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

async function main() {
  const probe = postgres(url!, { max: 1, onnotice: () => {} });
  const [{ version }] = (await probe`select version()`) as unknown as [{ version: string }];
  await probe.end();
  log("# Coach portal benchmark");
  log();
  log(`Run on ${new Date().toISOString()} by \`npm run bench:coach -- --sizes=${SIZES.join(",")}\`.`);
  log();
  log(`- Machine: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "unknown"}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, Node ${process.version};`);
  log(`  shared with other engineers' builds and tests (load average at start ${load()}), so absolute times vary between runs.`);
  log(`- Postgres: ${version}`);
  log(`- Data per size: 1 measured organisation + ${NOISE_ORGS} noise organisations of the same size, each client with ${APPS} applications × 2 interviews,`);
  log(`  10 companies, ${APPS} contacts and ${APPS} reminders, 8 commitments, 20 activities, 3 notes; ${COACHES} coaches per organisation (clients`);
  log(`  shared round-robin); every fourth client of the measured organisation in one cohort.`);
  log(`- Each call: ${WARMUP} warm-up calls, then ${RUNS} timed, through the tRPC caller as the owner (unless named), page of 50.`);
  log(`  Statements per call from drizzle's logger (membership lookup, tenant setup, kept-metrics upkeep, the reads; BEGIN/COMMIT not counted).`);
  log();
  const results = new Map<number, Row[]>();
  for (const size of SIZES) {
    await sizeRun(size, results);
    await write();
  }
}

async function write() {
  await mkdir(path.join(process.cwd(), "bench"), { recursive: true });
  await writeFile(path.join(process.cwd(), "bench", "RESULTS.md"), `${lines.join("\n")}\n`);
  console.log("\nWrote bench/RESULTS.md");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
