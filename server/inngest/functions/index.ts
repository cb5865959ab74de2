import { deliverReminderFn } from "./deliver-reminder";
import { planWeeklyDigestsFn } from "./plan-weekly-digests";
import { replanApplicationFn } from "./replan-application";
import { sweepDueRemindersFn } from "./sweep-due-reminders";

/** Every function the app serves at /api/inngest. Ids are stable: never rename one. */
export const functions = [deliverReminderFn, sweepDueRemindersFn, planWeeklyDigestsFn, replanApplicationFn];
