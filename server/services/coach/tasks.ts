import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { applications, commitments } from "@/db/schema";
import { badRequest, notFound } from "../../errors";
import { recordActivity } from "../activity";
import { commitmentCreated } from "../../inngest/events";
import { noteWorkflowEvent } from "../reminders/handoff";
import { replanApplication } from "../reminders/replan";
import type { TAssignTaskInput } from "./schemas";
import type { StaffActor } from "../scope";

/**
 * A coach gives the client a task: a commitment the client owes, marked as the coach's. Tied to an
 * application it joins that application's plan, so the client is reminded before it is due.
 * The re-plan records its reminders against the transaction; they are handed over once it commits.
 */
export async function assignTask(db: Executor, scope: StaffActor, input: TAssignTaskInput, now: Date = new Date()) {
  if (+input.dueAt <= +now) throw badRequest("Choose a due date in the future.", "dueAt");
  if (input.applicationId) {
    const [application] = await db
      .select({ id: applications.id })
      .from(applications)
      .where(and(eq(applications.orgId, scope.orgId), eq(applications.clientId, scope.clientId), eq(applications.id, input.applicationId)));
    if (!application) throw notFound("Application not found.");
  }
  const [task] = await db
    .insert(commitments)
    .values({
      orgId: scope.orgId,
      clientId: scope.clientId,
      applicationId: input.applicationId ?? null,
      description: input.description,
      source: "coach_task",
      assignedByMembershipId: scope.membership.id,
      dueAt: input.dueAt,
    })
    .returning();
  await recordActivity(db, {
    orgId: scope.orgId,
    clientId: scope.clientId,
    actorUserId: scope.actorUserId,
    kind: "commitment.created",
    summary: `Your coach asked you to: ${input.description}`,
    applicationId: input.applicationId ?? null,
    data: { commitmentId: task!.id, source: "coach_task" },
  });
  if (input.applicationId) await replanApplication(db, { orgId: scope.orgId, applicationId: input.applicationId }, now);
  noteWorkflowEvent(db, commitmentCreated.create({ orgId: scope.orgId, commitmentId: task!.id }));
  return task!;
}
