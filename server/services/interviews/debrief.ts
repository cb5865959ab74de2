import { and, eq, inArray, sql } from "drizzle-orm";
import { commitments, companies, contacts, interviewParticipants, interviews } from "@/db/schema";
import { badRequest, notFound } from "../../errors";
import { localDateOf } from "../../followup/time";
import { recordActivity } from "../activity";
import { draftAfterDebrief } from "../drafts/persist";
import { interviewDebriefed } from "../../inngest/events";
import { noteWorkflowEvent } from "../reminders/handoff";
import { replanApplication } from "../reminders/replan";
import { loadApplication } from "../applications/scope";
import { loadInterview } from "./load";
import type { TDebriefInterviewInput } from "./schemas";
import type { ClientActor, Db } from "../scope";

const normalise = (text: string) => text.trim().replace(/\s+/g, " ").toLowerCase();

/** The company's challenges plus new ones, in order, without repeating one in other words' case or spacing. */
export function mergeChallenges(current: readonly string[], added: readonly string[]): string[] {
  const seen = new Set<string>();
  const merged: string[] = [];
  for (const challenge of [...current, ...added]) {
    const clean = challenge.trim().replace(/\s+/g, " ");
    const key = normalise(clean);
    if (!clean || seen.has(key)) continue;
    seen.add(key);
    merged.push(clean);
  }
  return merged;
}

/**
 * Records (or updates) the debrief of an interview that has ended: the employer's dates and
 * channel, the promises made (each a commitment), what each interviewer discussed and the
 * company's stated challenges. Then drafts the follow-up messages and re-plans the reminders.
 * Saving again updates the same rows: promises are matched by id or wording, and drafts by their
 * generation key, so nothing is duplicated.
 */
export async function debriefInterview(db: Db, scope: ClientActor, input: TDebriefInterviewInput, now = new Date()) {
  const interview = await loadInterview(db, scope, input.interviewId);
  if (interview.status === "cancelled") throw badRequest("This interview was cancelled, so there is nothing to debrief.", "interviewId");
  if (+interview.endsAt > +now) throw badRequest("You can record the debrief once the interview has ended.", "interviewId");

  const interviewDay = localDateOf(interview.startsAt, interview.timeZone);
  for (const field of ["agreedCheckInOn", "notBeforeOn", "expectAnswerBy"] as const) {
    const value = input[field];
    if (value && value < interviewDay) throw badRequest("Choose a date on or after the day of the interview.", field);
  }
  const { application, company } = await loadApplication(db, scope, interview.applicationId);

  // Every contact named (interviewers and the people promises were made to) must be the client's.
  const interviewerIds = [...new Set(input.interviewers.map((i) => i.contactId))];
  if (interviewerIds.length !== input.interviewers.length) throw badRequest("Each interviewer can only appear once.", "interviewers");
  const namedIds = [...new Set([...interviewerIds, ...input.promises.flatMap((p) => (p.contactId ? [p.contactId] : []))])];
  if (namedIds.length > 0) {
    const found = await db
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.orgId, scope.orgId), eq(contacts.clientId, scope.clientId), inArray(contacts.id, namedIds)));
    if (found.length !== namedIds.length) throw notFound("Contact not found.");
  }

  const challenges = mergeChallenges(company.challenges, [
    ...input.companyChallenges,
    ...input.interviewers.flatMap((i) => i.challengesDiscussed),
  ]);
  if (challenges.length !== company.challenges.length) {
    await db
      .update(companies)
      .set({ challenges })
      .where(and(eq(companies.orgId, scope.orgId), eq(companies.clientId, scope.clientId), eq(companies.id, company.id)));
  }

  for (const person of input.interviewers) {
    const challengesDiscussed = mergeChallenges([], person.challengesDiscussed);
    await db
      .insert(interviewParticipants)
      .values({
        orgId: scope.orgId,
        clientId: scope.clientId,
        interviewId: interview.id,
        contactId: person.contactId,
        discussed: person.discussed,
        challengesDiscussed,
      })
      .onConflictDoUpdate({
        target: [interviewParticipants.orgId, interviewParticipants.interviewId, interviewParticipants.contactId],
        set: { discussed: person.discussed, challengesDiscussed },
      });
  }
  if (interviewerIds.length > 0) {
    // They were in touch at the interview; keep a later date if the client recorded one.
    // postgres.js does not serialise a Date inside raw SQL: pass the instant as text and cast it.
    const endedAt = sql`${interview.endsAt.toISOString()}::timestamptz`;
    await db
      .update(contacts)
      .set({ lastContactedAt: sql`greatest(coalesce(${contacts.lastContactedAt}, ${endedAt}), ${endedAt})` })
      .where(and(eq(contacts.orgId, scope.orgId), eq(contacts.clientId, scope.clientId), inArray(contacts.id, interviewerIds)));
  }

  const firstTime = interview.debriefedAt === null;
  const [updated] = await db
    .update(interviews)
    .set({
      status: "completed",
      debriefedAt: interview.debriefedAt ?? now,
      askedForJob: input.askedForJob,
      nextSteps: input.nextSteps,
      expectAnswerBy: input.expectAnswerBy,
      preferredChannel: input.preferredChannel,
      agreedCheckInOn: input.agreedCheckInOn,
      notBeforeOn: input.notBeforeOn,
      debriefNotes: input.notes,
    })
    .where(and(eq(interviews.orgId, scope.orgId), eq(interviews.clientId, scope.clientId), eq(interviews.id, interview.id)))
    .returning();

  const promises = await savePromises(db, scope, { applicationId: application.id, interviewId: interview.id }, input.promises);
  const created = await draftAfterDebrief(db, scope, interview.id);

  await recordActivity(db, {
    orgId: scope.orgId,
    clientId: scope.clientId,
    actorUserId: scope.actorUserId,
    kind: "interview.debriefed",
    summary: firstTime ? `Recorded the debrief of the ${company.name} interview` : `Updated the debrief of the ${company.name} interview`,
    applicationId: application.id,
    interviewId: interview.id,
    data: { promises: promises.length, draftsCreated: created.length, askedForJob: input.askedForJob },
  });
  await replanApplication(db, { orgId: scope.orgId, applicationId: application.id }, now);
  noteWorkflowEvent(db, interviewDebriefed.create({ orgId: scope.orgId, interviewId: interview.id }));
  return { interview: updated!, promises, createdDrafts: created };
}

/**
 * The debrief's promises become commitments (source "promise"). A promise keeps its row across
 * saves (matched by id, else by wording); one the client removed is deleted unless already kept.
 */
async function savePromises(
  db: Db,
  scope: ClientActor,
  link: { applicationId: string; interviewId: string },
  promises: TDebriefInterviewInput["promises"],
) {
  const mine = and(
    eq(commitments.orgId, scope.orgId),
    eq(commitments.clientId, scope.clientId),
    eq(commitments.interviewId, link.interviewId),
    eq(commitments.source, "promise"),
  );
  const existing = await db.select().from(commitments).where(mine);
  const matched = new Set<string>();
  const saved: Array<typeof commitments.$inferSelect> = [];

  for (const promise of promises) {
    const match = promise.id
      ? existing.find((row) => row.id === promise.id)
      : existing.find((row) => !matched.has(row.id) && normalise(row.description) === normalise(promise.description));
    if (promise.id && !match) throw notFound("Promise not found.");
    if (match && !matched.has(match.id)) {
      matched.add(match.id);
      const moved = +match.dueAt !== +promise.dueAt;
      const [row] = await db
        .update(commitments)
        .set({
          description: promise.description,
          dueAt: promise.dueAt,
          contactId: promise.contactId ?? null,
          // A new due date needs new reminder keys; the old ones are cancelled by the re-plan.
          ...(moved ? { planVersion: sql`${commitments.planVersion} + 1` } : {}),
        })
        .where(and(mine, eq(commitments.id, match.id)))
        .returning();
      saved.push(row!);
      continue;
    }
    const [row] = await db
      .insert(commitments)
      .values({
        orgId: scope.orgId,
        clientId: scope.clientId,
        applicationId: link.applicationId,
        interviewId: link.interviewId,
        contactId: promise.contactId ?? null,
        description: promise.description,
        source: "promise",
        dueAt: promise.dueAt,
      })
      .returning();
    saved.push(row!);
  }

  const removed = existing.filter((row) => !matched.has(row.id) && row.doneAt === null).map((row) => row.id);
  if (removed.length > 0) {
    await db.delete(commitments).where(and(mine, inArray(commitments.id, removed)));
  }
  return saved;
}
