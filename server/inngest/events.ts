import { eventType } from "inngest";
import { z } from "zod";

/**
 * Every workflow event. Payloads carry ids only: handlers re-read the rows, so an event never
 * delivers stale data and never carries personal data into Inngest's logs.
 */

const id = z.uuid();

export const interviewScheduled = eventType("followthrough/interview.scheduled", {
  schema: z.object({ orgId: id, interviewId: id }),
});

export const interviewDebriefed = eventType("followthrough/interview.debriefed", {
  schema: z.object({ orgId: id, interviewId: id }),
});

export const interviewRescheduled = eventType("followthrough/interview.rescheduled", {
  schema: z.object({ orgId: id, interviewId: id }),
});

export const applicationStatusChanged = eventType("followthrough/application.status-changed", {
  schema: z.object({ orgId: id, applicationId: id }),
});

export const commitmentCreated = eventType("followthrough/commitment.created", {
  schema: z.object({ orgId: id, commitmentId: id }),
});

/** A reminder row exists and should be delivered when due. Sent with event id = dedupe key. */
export const reminderRequested = eventType("followthrough/reminder.requested", {
  schema: z.object({ reminderId: id, dedupeKey: z.string().min(1) }),
});

/** A pending reminder was cancelled: stops its sleeping delivery run (cancelOn). */
export const reminderCancelled = eventType("followthrough/reminder.cancelled", {
  schema: z.object({ reminderId: id }),
});
