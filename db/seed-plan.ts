import { and, eq, inArray, lt, sql } from "drizzle-orm";
import { draftAfterDebrief } from "../server/services/drafts/persist";
import { replanApplication } from "../server/services/reminders/replan";
import type { Executor } from "./index";
import * as s from "./schema";

type SeededPlan = {
  now: Date;
  /** Before every seeded moment. */
  historyStart: Date;
  applications: Array<{ id?: string; orgId: string }>;
  featuredInterviews: Array<{ orgId: string; clientId: string; interviewId: string }>;
};

/**
 * Plans the freshly seeded demo through the real planner, as the app would have planned it while
 * the history happened: first as of before the history began, so every reminder gets its
 * on-schedule due time; whatever of that fell due before now is recorded as sent on time (the
 * demo's past went as planned, and nothing stale fires in a burst on the first start); then as of
 * now, which cancels what no longer applies and adds what is still ahead. The featured client's
 * just-debriefed interviews get their drafts from the real generator first.
 */
export async function planSeededDemo(tx: Executor, plan: SeededPlan) {
  for (const featured of plan.featuredInterviews) {
    await draftAfterDebrief(tx, { orgId: featured.orgId, clientId: featured.clientId }, featured.interviewId);
  }
  const orgIds = [...new Set(plan.applications.map((a) => a.orgId))];
  for (const application of plan.applications) {
    await replanApplication(tx, { orgId: application.orgId, applicationId: application.id! }, plan.historyStart);
  }
  await tx
    .update(s.reminders)
    .set({ status: "sent", sentAt: sql`${s.reminders.dueAt}` })
    .where(and(inArray(s.reminders.orgId, orgIds), eq(s.reminders.status, "pending"), lt(s.reminders.dueAt, plan.now)));
  for (const application of plan.applications) {
    await replanApplication(tx, { orgId: application.orgId, applicationId: application.id! }, plan.now);
  }
}
