import { getDb } from "@/db";
import { runningDeliveryScheduler } from "@/server/delivery/scheduler";
import { checkReadiness } from "@/server/health";
import { shuttingDown } from "@/server/shutdown";

/**
 * Readiness: 200 when the database answers and the instance is not shutting down, else 503 (a
 * load balancer stops routing here). Reports the in-process delivery schedule's last successful
 * tick.
 */
export const dynamic = "force-dynamic";

export async function GET() {
  const readiness = await checkReadiness({
    db: getDb,
    scheduler: runningDeliveryScheduler()?.status() ?? null,
    shuttingDown: shuttingDown(),
  });
  return Response.json(readiness, { status: readiness.status === "ready" ? 200 : 503, headers: { "cache-control": "no-store" } });
}
