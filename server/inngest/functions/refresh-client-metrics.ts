import { getDb } from "@/db";
import { unsafeRefreshAllClientMetrics } from "../../services/coach/metrics";
import { inngest } from "../client";

/**
 * Keeps the coach portal's per-client numbers fresh where the in-process schedule does not run
 * (Inngest in use, e.g. on serverless functions): rows marked by writes or past their next change
 * are recomputed in the background, so a coach opening the overview rarely waits for them.
 * Readers recompute whatever is still due before they read, so this is about speed, never about
 * correctness.
 */
export function createRefreshClientMetricsFunction(refresh: () => Promise<number>) {
  return inngest.createFunction(
    {
      id: "refresh-client-metrics",
      name: "Refresh the coach portal's kept numbers",
      triggers: [{ cron: "* * * * *" }],
      concurrency: { limit: 1 },
    },
    async ({ step }) => step.run("refresh-client-metrics", refresh),
  );
}

export const refreshClientMetricsFn = createRefreshClientMetricsFunction(() => unsafeRefreshAllClientMetrics(getDb()));
