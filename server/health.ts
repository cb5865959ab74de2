import { sql } from "drizzle-orm";
import type { Database } from "@/db";
import type { SchedulerStatus } from "./delivery/scheduler";

/** A database that does not answer `select 1` within this is not ready. */
export const DATABASE_PING_TIMEOUT_MS = 2_000;

export type Readiness = {
  status: "ready" | "not_ready";
  /** Why not, in words a dashboard can show (never a driver's message: it may name hosts). */
  reasons: string[];
  database: { ok: boolean; latencyMs: number | null };
  delivery:
    | { mode: "inngest" }
    | {
        mode: "in_process";
        intervalMs: number;
        lastTickAt: string | null;
        lastSuccessfulTickAt: string | null;
        /** No successful tick for three intervals (counted from the start): the schedule is stuck or failing. */
        stale: boolean;
        sweeping: boolean;
      };
  shuttingDown: boolean;
};

export type ReadinessInput = {
  db: () => Database;
  /** null when Inngest carries delivery (no in-process schedule in this instance). */
  scheduler: SchedulerStatus | null;
  shuttingDown: boolean;
  now?: Date;
  log?: Pick<Console, "error">;
};

/**
 * Readiness: this instance can serve (the database answers) and is not shutting down. The
 * delivery schedule's state is reported, not judged here: a stuck schedule does not stop this
 * instance from serving pages, and other instances (or Inngest) deliver too; `stale` is for an
 * alert.
 */
export async function checkReadiness(input: ReadinessInput): Promise<Readiness> {
  const now = input.now ?? new Date();
  const reasons: string[] = [];
  const database = await pingDatabase(input.db, input.log ?? console);
  if (!database.ok) reasons.push("the database does not answer");
  if (input.shuttingDown) reasons.push("shutting down");
  const scheduler = input.scheduler;
  const delivery: Readiness["delivery"] = scheduler
    ? {
        mode: "in_process",
        intervalMs: scheduler.intervalMs,
        lastTickAt: scheduler.lastTickAt?.toISOString() ?? null,
        lastSuccessfulTickAt: scheduler.lastSuccessfulTickAt?.toISOString() ?? null,
        stale: +now - +(scheduler.lastSuccessfulTickAt ?? scheduler.startedAt ?? now) > 3 * scheduler.intervalMs,
        sweeping: scheduler.sweeping,
      }
    : { mode: "inngest" };
  return { status: reasons.length === 0 ? "ready" : "not_ready", reasons, database, delivery, shuttingDown: input.shuttingDown };
}

async function pingDatabase(db: () => Database, log: Pick<Console, "error">): Promise<Readiness["database"]> {
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${DATABASE_PING_TIMEOUT_MS} ms`)), DATABASE_PING_TIMEOUT_MS);
    });
    await Promise.race([db().execute(sql`select 1`), timeout]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    log.error("[health] database ping failed", error);
    return { ok: false, latencyMs: null };
  } finally {
    clearTimeout(timer);
  }
}
