/**
 * Liveness: the process runs and serves requests. Touches nothing else (a database outage must not
 * make an orchestrator restart every instance); readiness is /api/health/ready.
 */
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
