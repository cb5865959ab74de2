import { getDb } from "@/db";
import { deliverDueReminders, type SweepResult } from "../../delivery/sweep";
import { inngest } from "../client";

/**
 * The backstop: anything a per-reminder run missed (an event that never arrived, a run that
 * exhausted its retries during an outage, a burst larger than the per-reminder throttle drains,
 * such as Monday's digests) is delivered here. It leaves freshly due rows to their own throttled
 * runs for a while; what it takes goes through Resend's batch endpoint (100 emails a request,
 * paced under the team's limit), two batches in flight so one renders while the other waits.
 */
export const SWEEP_OPTIONS = { limit: 2000, concurrency: 2, graceMs: 15 * 60_000 } as const;

export function createSweepDueRemindersFunction(sweep: () => Promise<SweepResult>) {
  return inngest.createFunction(
    {
      id: "sweep-due-reminders",
      name: "Deliver overdue reminders",
      triggers: [{ cron: "*/5 * * * *" }],
      // Two sweeps at once would only compete for the same rows.
      concurrency: { limit: 1 },
    },
    async ({ step }) => step.run("deliver-due-reminders", sweep),
  );
}

export const sweepDueRemindersFn = createSweepDueRemindersFunction(() => deliverDueReminders(getDb(), SWEEP_OPTIONS));
