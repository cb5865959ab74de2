import { getDb } from "@/db";
import { deliverDueReminders, type SweepResult } from "../../delivery/sweep";
import { inngest } from "../client";

/**
 * The backstop: anything a per-reminder run missed (an event that never arrived, a run that
 * exhausted its retries during an outage) is delivered here. It leaves freshly due rows to their
 * own throttled runs for a while, and delivers one at a time so it stays near the provider's pace.
 */
export const SWEEP_OPTIONS = { limit: 200, concurrency: 1, graceMs: 15 * 60_000 } as const;

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
