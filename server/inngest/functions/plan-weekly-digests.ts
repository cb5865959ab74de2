import { getDb } from "@/db";
import { unsafePlanWeeklyDigests } from "../../digests/schedule";
import { inngest } from "../client";
import { enqueueReminders } from "../enqueue";

export type PlanWeeklyDigestsDeps = {
  plan: () => Promise<{ planned: string[] }>;
  enqueue: (reminderIds: string[]) => Promise<{ enqueued: number }>;
};

/**
 * The client and coach weekly digests. Each recipient's digest is due on *their* Monday at 08:00;
 * this run makes sure everyone has a row for their next one (idempotent by the
 * `…/{membershipId}/{isoWeek}` dedupe key) and hands new or re-timed rows to the delivery function,
 * which sleeps until each is due. Hourly rather than weekly, so a new member, a new assignment or
 * a changed time zone is picked up within the hour. The row, not this run, is the record: a lost
 * event is delivered by the sweep.
 */
export function createPlanWeeklyDigestsFunction(deps: PlanWeeklyDigestsDeps) {
  return inngest.createFunction(
    {
      id: "plan-weekly-digests",
      name: "Plan the weekly digests",
      triggers: [{ cron: "17 * * * *" }],
      concurrency: { limit: 1 },
    },
    async ({ step }) => {
      const { planned } = await step.run("plan-digests", deps.plan);
      if (planned.length === 0) return { planned: 0, enqueued: 0 };
      const { enqueued } = await step.run("enqueue-digests", () => deps.enqueue(planned));
      return { planned: planned.length, enqueued };
    },
  );
}

export const planWeeklyDigestsFn = createPlanWeeklyDigestsFunction({
  plan: () => unsafePlanWeeklyDigests(getDb()),
  enqueue: (ids) => enqueueReminders(getDb(), ids),
});
