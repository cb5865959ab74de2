import { eq } from "drizzle-orm";
import { NonRetriableError, RetryAfterError } from "inngest";
import { getDb, type Database } from "@/db";
import { reminders } from "@/db/schema";
import { deliverReminder, type DeliveryOutcome } from "../../delivery/deliver";
import { inngest } from "../client";
import { reminderCancelled, reminderRequested } from "../events";

/** What the run needs to know before it sleeps: whether to bother, and until when. */
export type ReminderSnapshot = {
  status: "pending" | "sent" | "cancelled" | "failed";
  /** ISO instant: the later of due_at and next_attempt_at. */
  wakeAt: string;
};

export type DeliverReminderDeps = {
  load: (reminderId: string) => Promise<ReminderSnapshot | null>;
  deliver: (reminderId: string) => Promise<DeliveryOutcome>;
};

/**
 * Resend's default limit is 2 requests a second per team, shared with sign-in links and
 * invitations. One run start a second leaves room for those. Throttling paces run *starts*, so
 * `enqueueReminders` sends each event with `ts` = due time: the run starts when the reminder is
 * due and sends right away, instead of starting at once and waking from a sleep unthrottled.
 */
export const DELIVERY_THROTTLE = { limit: 1, period: "1s", burst: 1 } as const;

/** More than delivery's own MAX_ATTEMPTS, so the row's accounting decides when to give up. */
export const DELIVERY_RETRIES = 12;

/**
 * Turns a delivery outcome into what Inngest should do with the step: done, retry at a given
 * time, or stop for good. Thrown inside the step, so a retry runs the delivery again (a value
 * returned from the step would be memoised and replayed).
 */
export function settle(outcome: DeliveryOutcome) {
  switch (outcome.status) {
    case "sent":
      return { status: "sent", providerMessageId: outcome.providerMessageId } as const;
    case "cancelled":
      return { status: "cancelled", reason: outcome.reason } as const;
    case "superseded":
      return { status: "superseded" } as const;
    case "retry":
      throw new RetryAfterError(`${outcome.reason}: ${outcome.error}`, outcome.retryAt);
    case "failed":
      throw new NonRetriableError(`reminder ${outcome.reminderId} failed (${outcome.reason}): ${outcome.error}`);
    case "not_claimed":
      if (outcome.retryAt) {
        // Not due yet, backing off, or another worker holds it: look again when that ends.
        throw new RetryAfterError(`reminder ${outcome.reminderId} is ${outcome.why}`, outcome.retryAt);
      }
      return { status: "not_claimed", why: outcome.why } as const;
  }
}

export function createDeliverReminderFunction(deps: DeliverReminderDeps) {
  return inngest.createFunction(
    {
      id: "deliver-reminder",
      name: "Deliver a reminder when it is due",
      triggers: [reminderRequested],
      // A cancelled reminder's sleeping run ends at once; if the event comes too late, the
      // delivery step still re-reads the row and skips it.
      cancelOn: [{ event: reminderCancelled, match: "data.reminderId" }],
      throttle: DELIVERY_THROTTLE,
      retries: DELIVERY_RETRIES,
    },
    async ({ event, step }) => {
      const { reminderId } = event.data;
      const reminder = await step.run("load-reminder", () => deps.load(reminderId));
      if (!reminder) return { status: "not_found" } as const;
      if (reminder.status !== "pending") return { status: "not_pending", was: reminder.status } as const;
      await step.sleepUntil("wait-until-due", reminder.wakeAt);
      return step.run("deliver", async () => settle(await deps.deliver(reminderId)));
    },
  );
}

/** Unsafe: reads a reminder by id across tenants (a system job; the id comes from our own event). */
export async function unsafeLoadReminderSnapshot(db: Database, reminderId: string): Promise<ReminderSnapshot | null> {
  const [row] = await db
    .select({ status: reminders.status, dueAt: reminders.dueAt, nextAttemptAt: reminders.nextAttemptAt })
    .from(reminders)
    .where(eq(reminders.id, reminderId));
  if (!row) return null;
  const wakeAt = row.nextAttemptAt && +row.nextAttemptAt > +row.dueAt ? row.nextAttemptAt : row.dueAt;
  return { status: row.status, wakeAt: wakeAt.toISOString() };
}

export const deliverReminderFn = createDeliverReminderFunction({
  load: (reminderId) => unsafeLoadReminderSnapshot(getDb(), reminderId),
  deliver: (reminderId) => deliverReminder(getDb(), reminderId),
});
