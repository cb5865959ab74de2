import { and, asc, desc, eq, isNotNull, isNull, or, sql } from "drizzle-orm";
import { applicationTitleColumns, companyOfApplication, contactNamedBy } from "@/server/services/joins";
import { applications, commitments, companies, contacts } from "@/db/schema";
import { isApplicationClosedNow, owedCommitment } from "../applications/closing";
import { badRequest, notFound } from "../../errors";
import { recordActivity } from "../activity";
import { loadContact } from "../contacts/contacts";
import { loadApplication } from "../applications/scope";
import { loadInterview } from "../interviews/load";
import { commitmentCreated } from "../../inngest/events";
import { noteWorkflowEvent } from "../reminders/handoff";
import { replanApplication } from "../reminders/replan";
import type { TCreateCommitmentInput, TListCommitmentsInput } from "./schemas";
import type { ClientActor, ClientRef, Db } from "../scope";

const mine = (scope: ClientRef) => and(eq(commitments.orgId, scope.orgId), eq(commitments.clientId, scope.clientId));

/** The client's commitments, open ones soonest first, each flagged when overdue. */
export async function listCommitments(db: Db, scope: ClientRef, filter: TListCommitmentsInput, now = new Date()) {
  const rows = await db
    .select({
      id: commitments.id,
      description: commitments.description,
      source: commitments.source,
      dueAt: commitments.dueAt,
      doneAt: commitments.doneAt,
      releasedAt: commitments.releasedAt,
      applicationId: commitments.applicationId,
      interviewId: commitments.interviewId,
      contactId: commitments.contactId,
      contactName: contacts.name,
      ...applicationTitleColumns,
    })
    .from(commitments)
    .leftJoin(contacts, contactNamedBy(commitments))
    .leftJoin(applications, and(eq(applications.orgId, commitments.orgId), eq(applications.id, commitments.applicationId)))
    .leftJoin(companies, companyOfApplication)
    .where(
      and(
        mine(scope),
        filter.status === "open" ? owedCommitment : filter.status === "done" ? or(isNotNull(commitments.doneAt), isNotNull(commitments.releasedAt)) : undefined,
        filter.applicationId ? eq(commitments.applicationId, filter.applicationId) : undefined,
      ),
    )
    .orderBy(filter.status === "done" ? desc(sql`coalesce(${commitments.doneAt}, ${commitments.releasedAt})`) : asc(commitments.dueAt))
    .limit(500);
  return rows.map((row) => ({ ...row, overdue: row.doneAt === null && row.releasedAt === null && +row.dueAt < +now }));
}

/** Something the client means to do; tied to an application, its reminders are planned at once. */
export async function createCommitment(db: Db, scope: ClientActor, input: TCreateCommitmentInput, now = new Date()) {
  // A promise due in the past could never be reminded before it is due: say so instead of accepting it.
  if (+input.dueAt <= +now) throw badRequest("That time has already passed: give the date you will do it by.", "dueAt");
  let applicationId = input.applicationId;
  if (input.interviewId) {
    const interview = await loadInterview(db, scope, input.interviewId);
    if (applicationId && applicationId !== interview.applicationId) {
      throw badRequest("That interview belongs to another application.", "interviewId");
    }
    applicationId = interview.applicationId;
  }
  if (applicationId) await loadApplication(db, scope, applicationId);
  const keptAfterClose = applicationId ? await isApplicationClosedNow(db, scope, applicationId) : false;
  if (input.contactId) await loadContact(db, scope, input.contactId);

  const [row] = await db
    .insert(commitments)
    .values({
      orgId: scope.orgId,
      clientId: scope.clientId,
      applicationId,
      interviewId: input.interviewId,
      contactId: input.contactId,
      description: input.description,
      dueAt: input.dueAt,
      source: "self",
      keptAfterClose,
    })
    .returning();
  await recordActivity(db, {
    orgId: scope.orgId,
    clientId: scope.clientId,
    actorUserId: scope.actorUserId,
    kind: "commitment.created",
    summary: `Committed to: ${input.description.slice(0, 120)}`,
    applicationId,
    interviewId: input.interviewId,
    data: { commitmentId: row!.id },
  });
  if (applicationId) await replanApplication(db, { orgId: scope.orgId, applicationId });
  noteWorkflowEvent(db, commitmentCreated.create({ orgId: scope.orgId, commitmentId: row!.id }));
  return row!;
}

async function loadCommitment(db: Db, scope: ClientRef, commitmentId: string) {
  const [row] = await db.select().from(commitments).where(and(mine(scope), eq(commitments.id, commitmentId)));
  if (!row) throw notFound("Commitment not found.");
  return row;
}

/** Marks a commitment kept; doing it twice changes nothing. Its reminders are cancelled. */
export async function completeCommitment(db: Db, scope: ClientActor, commitmentId: string) {
  const current = await loadCommitment(db, scope, commitmentId);
  const [done] = await db
    .update(commitments)
    .set({ doneAt: new Date() })
    .where(and(mine(scope), eq(commitments.id, current.id), isNull(commitments.doneAt)))
    .returning();
  if (!done) return current;
  await recordActivity(db, {
    orgId: scope.orgId,
    clientId: scope.clientId,
    actorUserId: scope.actorUserId,
    kind: "commitment.completed",
    summary: `Kept a promise: ${done.description.slice(0, 120)}`,
    applicationId: done.applicationId,
    interviewId: done.interviewId,
    data: { commitmentId: done.id, onTime: +done.doneAt! <= +done.dueAt },
  });
  if (done.applicationId) await replanApplication(db, { orgId: scope.orgId, applicationId: done.applicationId });
  return done;
}

/**
 * Undoes "done" (a mistaken tick), or keeps a promise its application's closing released; its
 * reminders still ahead come back.
 */
export async function reopenCommitment(db: Db, scope: ClientActor, commitmentId: string) {
  const current = await loadCommitment(db, scope, commitmentId);
  const [open] = await db
    .update(commitments)
    // Keeping a released promise marks it kept, so the same closing never releases it again.
    .set({ doneAt: null, releasedAt: null, ...(current.releasedAt && { keptAfterClose: true }) })
    .where(and(mine(scope), eq(commitments.id, current.id), or(isNotNull(commitments.doneAt), isNotNull(commitments.releasedAt))))
    .returning();
  if (!open) return current;
  if (open.applicationId) await replanApplication(db, { orgId: scope.orgId, applicationId: open.applicationId });
  return open;
}
