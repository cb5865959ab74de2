import { getDb } from "@/db";
import { replanForEvent, type PlanSubjectRef } from "../../services/reminders/replan-event";
import { inngest } from "../client";
import { announceCancelledReminders, enqueueReminders } from "../enqueue";
import { applicationStatusChanged, commitmentCreated, interviewDebriefed, interviewRescheduled, interviewScheduled } from "../events";

export type ReplanApplicationDeps = {
  /** Re-plans in a tenant transaction; answers the reminder ids written and cancelled. */
  replan: (ref: PlanSubjectRef) => Promise<{ applicationId: string | null; requested: string[]; cancelled: string[] }>;
  handOver: (requested: string[], cancelled: string[]) => Promise<void>;
};

/**
 * Plans an application's reminders when an interview is scheduled, rescheduled or debriefed, a
 * status changes or a promise is made. The request has already written the plan
 * in its own transaction (the outbox rule), so this run is a check that costs one idempotent
 * re-plan: it changes nothing unless the plan drifted, and whatever it writes it hands to the
 * delivery function. Events carry ids only; the run re-reads the rows.
 */
export function createReplanApplicationFunction(deps: ReplanApplicationDeps) {
  return inngest.createFunction(
    {
      id: "replan-application",
      name: "Plan an application's reminders after a change",
      triggers: [interviewScheduled, interviewRescheduled, interviewDebriefed, applicationStatusChanged, commitmentCreated],
    },
    async ({ event, step }) => {
      const planned = await step.run("replan", () => deps.replan(event.data as PlanSubjectRef));
      if (planned.requested.length > 0 || planned.cancelled.length > 0) {
        await step.run("hand-over", () => deps.handOver(planned.requested, planned.cancelled));
      }
      return { applicationId: planned.applicationId, requested: planned.requested.length, cancelled: planned.cancelled.length };
    },
  );
}

export const replanApplicationFn = createReplanApplicationFunction({
  replan: async (ref) => {
    const { applicationId, handoff } = await replanForEvent(getDb(), ref);
    return { applicationId, requested: handoff.requested, cancelled: handoff.cancelled };
  },
  handOver: async (requested, cancelled) => {
    await enqueueReminders(getDb(), requested);
    await announceCancelledReminders(cancelled);
  },
});
