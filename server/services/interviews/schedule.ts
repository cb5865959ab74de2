import { and, eq, inArray, sql } from "drizzle-orm";
import { interviewKindPhrase } from "@/lib/vocabulary";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import { applications, applicationStatusHistory, contacts, interviewParticipants, interviews } from "@/db/schema";
import { badRequest, notFound } from "../../errors";
import { recordActivity, type ActivityKind } from "../activity";
import { interviewRescheduled, interviewScheduled } from "../../inngest/events";
import { noteWorkflowEvent } from "../reminders/handoff";
import { replanApplication } from "../reminders/replan";
import { loadApplication } from "../applications/scope";
import { loadInterview } from "./load";
import type { TRescheduleInterviewInput, TScheduleInterviewInput } from "./schemas";
import { interviewInstants } from "./times";
import type { ClientActor, Db } from "../scope";

/**
 * Schedules an interview for one of the client's applications, with its interviewers (existing
 * contacts and new ones created at the application's company). A saved or applied application
 * moves to interviewing, with a history row. Reminders are re-planned in the same transaction.
 */
export async function scheduleInterview(db: Db, scope: ClientActor, input: TScheduleInterviewInput) {
  const { application, company } = await loadApplication(db, scope, input.applicationId);
  if (application.archivedAt || application.status === "rejected" || application.status === "withdrawn") {
    throw badRequest("This application is closed; reopen it before scheduling an interview.", "applicationId");
  }
  const { startsAt, endsAt } = interviewInstants(input);

  const existingIds = [...new Set(input.interviewerIds)];
  if (existingIds.length > 0) {
    const found = await db
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.orgId, scope.orgId), eq(contacts.clientId, scope.clientId), inArray(contacts.id, existingIds)));
    // Someone else's contact id is indistinguishable from a missing one.
    if (found.length !== existingIds.length) throw notFound("Contact not found.");
  }
  const created = input.newInterviewers.length
    ? await db
        .insert(contacts)
        .values(
          input.newInterviewers.map((person) => ({
            orgId: scope.orgId,
            clientId: scope.clientId,
            name: person.name,
            title: person.title,
            email: person.email,
            companyId: company.id,
            role: "interviewer" as const,
            howWeKnow: `Interviewed me at ${company.name}`.slice(0, 500),
          })),
        )
        .returning({ id: contacts.id })
    : [];

  const [interview] = await db
    .insert(interviews)
    .values({
      orgId: scope.orgId,
      clientId: scope.clientId,
      applicationId: application.id,
      round: input.round,
      kind: input.kind,
      startsAt,
      endsAt,
      timeZone: input.timeZone,
      location: input.location,
    })
    .returning();
  const participantIds = [...existingIds, ...created.map((c) => c.id)];
  if (participantIds.length > 0) {
    await db
      .insert(interviewParticipants)
      .values(participantIds.map((contactId) => ({ orgId: scope.orgId, clientId: scope.clientId, interviewId: interview!.id, contactId })));
  }

  if (application.status === "saved" || application.status === "applied") {
    await moveToInterviewing(db, scope, application.id, application.status);
  }
  await recordActivity(db, {
    orgId: scope.orgId,
    clientId: scope.clientId,
    actorUserId: scope.actorUserId,
    kind: "interview.scheduled",
    summary: `Scheduled a ${interviewKindPhrase(input.kind)} (round ${input.round}) with ${company.name}`,
    applicationId: application.id,
    interviewId: interview!.id,
    data: { interviewers: participantIds.length },
  });
  await replanApplication(db, { orgId: scope.orgId, applicationId: application.id });
  noteWorkflowEvent(db, interviewScheduled.create({ orgId: scope.orgId, interviewId: interview!.id }));
  return { ...interview!, createdContactIds: created.map((c) => c.id) };
}

async function moveToInterviewing(db: Db, scope: ClientActor, applicationId: string, from: "saved" | "applied") {
  // Conditional on the status we read, so a concurrent change is not overwritten; the plan
  // version bump gives every application-level reminder a new key.
  const [moved] = await db
    .update(applications)
    .set({ status: "interviewing", statusChangedAt: new Date(), planVersion: sql`${applications.planVersion} + 1` })
    .where(
      and(
        eq(applications.orgId, scope.orgId),
        eq(applications.clientId, scope.clientId),
        eq(applications.id, applicationId),
        eq(applications.status, from),
      ),
    )
    .returning({ id: applications.id });
  if (!moved) return;
  await db.insert(applicationStatusHistory).values({
    orgId: scope.orgId,
    clientId: scope.clientId,
    applicationId,
    fromStatus: from,
    toStatus: "interviewing",
    changedByUserId: scope.actorUserId,
  });
  await recordActivity(db, {
    orgId: scope.orgId,
    clientId: scope.clientId,
    actorUserId: scope.actorUserId,
    kind: "application.status_changed",
    summary: "Moved the application to interviewing",
    applicationId,
    data: { from, to: "interviewing" },
  });
}

/** New times (and zone) for a scheduled interview; its reminders get new keys. */
export async function rescheduleInterview(db: Db, scope: ClientActor, input: TRescheduleInterviewInput) {
  const current = await loadInterview(db, scope, input.interviewId);
  if (current.status !== "scheduled") {
    throw badRequest("Only a scheduled interview can be rescheduled.", "interviewId");
  }
  const { startsAt, endsAt } = interviewInstants(input);
  // Bumping the plan version first is what retires the old reminders' keys.
  const updated = await updateWhileScheduled(
    db,
    scope,
    current.id,
    {
      startsAt,
      endsAt,
      timeZone: input.timeZone,
      ...(input.location !== undefined ? { location: input.location } : {}),
      planVersion: sql`${interviews.planVersion} + 1`,
    },
    "Only a scheduled interview can be rescheduled.",
  );
  await recordAndReplan(db, scope, updated, {
    kind: "interview.rescheduled",
    summary: "Rescheduled an interview",
    data: { from: current.startsAt.toISOString(), to: startsAt.toISOString() },
  });
  noteWorkflowEvent(db, interviewRescheduled.create({ orgId: scope.orgId, interviewId: updated.id }));
  return updated;
}

/** Cancels a scheduled interview; its pending reminders are cancelled by the re-plan. */
export async function cancelInterview(db: Db, scope: ClientActor, interviewId: string) {
  const current = await loadInterview(db, scope, interviewId);
  const updated = await updateWhileScheduled(db, scope, current.id, { status: "cancelled" }, "Only a scheduled interview can be cancelled.");
  await recordAndReplan(db, scope, updated, { kind: "interview.cancelled", summary: "Cancelled an interview" });
  return updated;
}

/**
 * Changes one of the client's interviews only while it is still scheduled: the condition sits in
 * the UPDATE, so of a reschedule and a cancellation racing, one wins and the other is refused.
 */
async function updateWhileScheduled(
  db: Db,
  scope: ClientActor,
  interviewId: string,
  values: PgUpdateSetSource<typeof interviews>,
  refusal: string,
) {
  const [updated] = await db
    .update(interviews)
    .set(values)
    .where(
      and(
        eq(interviews.orgId, scope.orgId),
        eq(interviews.clientId, scope.clientId),
        eq(interviews.id, interviewId),
        eq(interviews.status, "scheduled"),
      ),
    )
    .returning();
  if (!updated) throw badRequest(refusal, "interviewId");
  return updated;
}

/** What every change to an interview's schedule ends with: the timeline entry, then the re-plan. */
async function recordAndReplan(
  db: Db,
  scope: ClientActor,
  interview: { id: string; applicationId: string },
  activity: { kind: ActivityKind; summary: string; data?: Record<string, unknown> },
) {
  await recordActivity(db, {
    orgId: scope.orgId,
    clientId: scope.clientId,
    actorUserId: scope.actorUserId,
    ...activity,
    applicationId: interview.applicationId,
    interviewId: interview.id,
  });
  await replanApplication(db, { orgId: scope.orgId, applicationId: interview.applicationId });
}
