/**
 * Roster onboarding benchmark (not a timed test): `npm run bench:onboarding`, output in
 * bench/ONBOARDING.md.
 *
 * 1. Through the real tRPC caller (owner, tenant transaction, row-level security): the preview and
 *    the commit of a ROWS-row roster (default 5,000), RUNS times, each in a fresh organisation.
 * 2. The invitation emails of one such commit delivered by the delivery sweep against the local
 *    Resend fake enforcing Resend's default 2 requests a second (429 above it), with the sweep's
 *    default pacing: how long until all are sent, requests a second, emails per request, 429s,
 *    and that no address got two.
 *
 *   DATABASE_URL=postgres://… npm run bench:onboarding     # a fresh database on that server, dropped after
 *   npm run bench:onboarding -- --rows=1000 --runs=1       # embedded PGlite when DATABASE_URL is unset
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import { parseArgs } from "node:util";
import { and, eq, isNotNull } from "drizzle-orm";
import * as s from "../db/schema";
import { createMember, createOrg } from "../tests/factories";
import { ResendFake } from "../tests/helpers/resend-fake";
import { openBenchDatabase } from "./lib/bench-database";

// Rendering as production runs it (React's development build is several times slower).
(process.env as Record<string, string | undefined>).NODE_ENV ??= "production";
process.env.AUTH_SECRET ??= randomBytes(24).toString("base64");
process.env.APP_URL ??= "https://bench.followthrough.example";

const { values: args } = parseArgs({ options: { rows: { type: "string", default: "5000" }, runs: { type: "string", default: "3" } } });
const ROWS = Number(args.rows);
const RUNS = Number(args.runs);
const RESEND_LIMIT = 2;

function roster(tag: string, coachEmail: string) {
  const lines = ["Name,Email,Cohort,Coach email"];
  for (let i = 0; i < ROWS; i++) lines.push(`Student ${i},student-${tag}-${i}@uni.example,Class of ${2027 + (i % 4)},${i % 3 === 0 ? coachEmail : ""}`);
  return lines.join("\n");
}

const f0 = (n: number) => n.toFixed(0);
const f1 = (n: number) => n.toFixed(1);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const fake = await ResendFake.start();
  process.env.RESEND_API_KEY = fake.apiKey;
  process.env.RESEND_BASE_URL = fake.url;
  const { createCaller } = await import("../server/trpc/root");
  const { deliverDueReminders } = await import("../server/delivery/sweep");
  const bench = await openBenchDatabase();
  console.log(`Machine: ${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim()}), ${f1(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  console.log(`Database: ${bench.label}`);
  try {
    const previews: number[] = [];
    const commits: number[] = [];
    let lastOrg = "";
    for (let run = 0; run < RUNS; run++) {
      const org = await createOrg(bench.db);
      const owner = await createMember(bench.db, org.id, "owner");
      const coach = await createMember(bench.db, org.id, "coach");
      const api = createCaller({ db: bench.db, session: { userId: owner.user.id, email: owner.user.email }, ip: null });
      const csv = roster(`${run}${randomBytes(3).toString("hex")}`, coach.user.email);
      let started = performance.now();
      const preview = await api.onboarding.preview({ orgSlug: org.slug, csv });
      previews.push(performance.now() - started);
      if (!preview.ok) throw new Error(`preview refused the roster: ${preview.fileProblem ?? preview.problemRows[0]?.problems[0]?.message}`);
      started = performance.now();
      const committed = await api.onboarding.commit({ orgSlug: org.slug, csv });
      commits.push(performance.now() - started);
      if (committed.invited !== ROWS) throw new Error(`committed ${committed.invited} of ${ROWS}`);
      lastOrg = org.id;
      if (run < RUNS - 1) {
        // Only the last run's emails are delivered below.
        await bench.db.update(s.reminders).set({ status: "cancelled" }).where(and(eq(s.reminders.orgId, org.id), isNotNull(s.reminders.invitationId)));
      }
    }
    console.log(`Roster of ${ROWS.toLocaleString("en")} clients (4 cohorts, a third with a coach), through the tRPC caller, ${RUNS} runs in fresh organisations:`);
    console.log(`  preview: ${previews.map(f0).join(", ")} ms (median ${f0(median(previews))} ms); writes nothing`);
    console.log(`  commit:  ${commits.map(f0).join(", ")} ms (median ${f0(median(commits))} ms); ${ROWS.toLocaleString("en")} invitations + ${ROWS.toLocaleString("en")} outbox rows, no email sent in the request`);

    fake.rateLimitPerSecond = RESEND_LIMIT;
    const started = performance.now();
    let sweeps = 0;
    for (;;) {
      await deliverDueReminders(bench.db, { now: new Date(), limit: 2000, requestsPerSecond: RESEND_LIMIT });
      sweeps++;
      const pending = await bench.db.$count(s.reminders, and(eq(s.reminders.orgId, lastOrg), eq(s.reminders.status, "pending")));
      if (pending === 0) break;
      if (performance.now() - started > 15 * 60_000) throw new Error(`${pending} still pending after 15 minutes`);
    }
    const seconds = (performance.now() - started) / 1000;
    const sent = await bench.db.$count(s.reminders, and(eq(s.reminders.orgId, lastOrg), eq(s.reminders.status, "sent")));
    const accepted = fake.requests.filter((r) => r.outcome === "accepted");
    const limited = fake.requests.filter((r) => r.status === 429).length;
    const perAddress = new Map<string, number>();
    for (const email of fake.accepted) perAddress.set(email.to, (perAddress.get(email.to) ?? 0) + 1);
    const twice = [...perAddress.values()].filter((n) => n > 1).length;
    const times = accepted.map((r) => +r.at).sort((a, b) => a - b);
    const span = times.length > 1 ? (times[times.length - 1]! - times[0]!) / 1000 : 0;
    console.log(`Sending the last run's ${ROWS.toLocaleString("en")} invitations, fake enforcing ${RESEND_LIMIT} requests/s, sweep pacing ${RESEND_LIMIT}/s (${sweeps} sweeps):`);
    console.log(
      `  all ${sent.toLocaleString("en")} sent in ${f1(seconds)} s: ${f0(sent / seconds)} emails/s; ${accepted.length} accepted requests over ${f1(span)} s ` +
        `(${f1(span > 0 ? (accepted.length - 1) / span : 0)} requests/s against a limit of ${RESEND_LIMIT}/s), ` +
        `${f1(sent / Math.max(accepted.length, 1))} emails per request (max 100), ${limited} answered 429`,
    );
    console.log(`  addresses that got more than one email: ${twice}`);
    if (twice > 0 || sent !== ROWS) process.exitCode = 1;
  } finally {
    await bench.dispose();
    await fake.close();
  }
}

await main();
