import { deliverReminderFn } from "./deliver-reminder";
import { planWeeklyDigestsFn } from "./plan-weekly-digests";
import { refreshClientMetricsFn } from "./refresh-client-metrics";
import { replanApplicationFn } from "./replan-application";
import { sweepDueRemindersFn } from "./sweep-due-reminders";

/** Every function the app serves at /api/inngest. Ids are stable: never rename one. */
export const functions = [deliverReminderFn, sweepDueRemindersFn, planWeeklyDigestsFn, replanApplicationFn, refreshClientMetricsFn];
