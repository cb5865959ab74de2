import { and, eq } from "drizzle-orm";
import { withOrg, type Database, type Executor } from "@/db";
import { commitments, interviews } from "@/db/schema";
import { replanApplication, type ReplanResult } from "./replan";
import { takeReminderHandoff, type ReminderHandoff } from "./handoff";

/** The subject a workflow event names (ids only; see server/inngest/events.ts). */
export type PlanSubjectRef =
  | { orgId: string; interviewId: string }
  | { orgId: string; applicationId: string }
  | { orgId: string; commitmentId: string };

async function applicationOf(tx: Executor, ref: PlanSubjectRef): Promise<string | null> {
  if ("applicationId" in ref) return ref.applicationId;
  if ("interviewId" in ref) {
    const [row] = await tx
      .select({ id: interviews.applicationId })
      .from(interviews)
      .where(and(eq(interviews.orgId, ref.orgId), eq(interviews.id, ref.interviewId)));
    return row?.id ?? null;
  }
  const [row] = await tx
    .select({ id: commitments.applicationId })
    .from(commitments)
    .where(and(eq(commitments.orgId, ref.orgId), eq(commitments.id, ref.commitmentId)));
  return row?.id ?? null;
}

/**
 * Re-plans the application an event is about, in a tenant transaction of the event's own
 * organisation (row-level security applies, as in a request). The request that caused the event
 * already planned in its own transaction, so this normally finds nothing to change: planning is
 * deterministic and keyed, so running it again never duplicates a reminder. It repairs a plan that
 * a change outside the request path left stale. Answers the diff and what to hand to delivery.
 */
export async function replanForEvent(db: Database, ref: PlanSubjectRef): Promise<{ applicationId: string | null; result: ReplanResult; handoff: ReminderHandoff }> {
  let transaction: Executor | undefined;
  const outcome = await withOrg(db, ref.orgId, async (tx) => {
    transaction = tx;
    const applicationId = await applicationOf(tx, ref);
    const result = applicationId ? await replanApplication(tx, { orgId: ref.orgId, applicationId }) : { inserted: [], cancelled: [], revived: [] };
    return { applicationId, result };
  });
  return { ...outcome, handoff: takeReminderHandoff(transaction!) };
}
