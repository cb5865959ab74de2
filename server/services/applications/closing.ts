import { and, eq, gt, isNull, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db";
import { applications, commitments, interviews } from "@/db/schema";
import { CLOSED_STATUSES, type ApplicationStatus } from "./status";
import type { ClientRef } from "../scope";

/**
 * What a closed application means, decided once for every screen, email and count:
 *
 * - An application is closed when it is accepted, rejected or withdrawn, or archived.
 * - When it closes, its interviews that have not started are cancelled (nobody attends round two
 *   after a rejection), so "upcoming", the calendar feed and the coach's weekly counts drop them.
 * - Its open promises are released as no longer needed: neither owed nor overdue anywhere. The
 *   client can keep one (reopening it, or making it after the close): a kept promise is reminded
 *   like any other and never released again.
 * - The caller then re-plans, which cancels the pending reminders that no longer apply (a
 *   rejection keeps only its own follow-through).
 */
export function isApplicationClosed(application: { status: ApplicationStatus; archivedAt: Date | null }): boolean {
  return application.archivedAt !== null || CLOSED_STATUSES.has(application.status);
}

/** A promise made on an application that is already closed is kept on purpose. */
export async function isApplicationClosedNow(db: Executor, scope: ClientRef, applicationId: string) {
  const [row] = await db
    .select({ status: applications.status, archivedAt: applications.archivedAt })
    .from(applications)
    .where(and(eq(applications.orgId, scope.orgId), eq(applications.clientId, scope.clientId), eq(applications.id, applicationId)));
  return row ? isApplicationClosed(row) : false;
}

/** `<alias>.archived_at` and `<alias>.status` of `applications <alias>` say it is still open. */
export const openApplicationSql = (alias: string): SQL =>
  sql.raw(`(${alias}.archived_at is null and ${alias}.status not in (${[...CLOSED_STATUSES].map((s) => `'${s}'`).join(", ")}))`);

/** The interview's application is still open (thank-yous owed to a closed one are no longer asked for). */
export const interviewApplicationIsOpen: SQL = sql`exists (select 1 from ${applications} oa
  where oa.org_id = ${interviews.orgId} and oa.id = ${interviews.applicationId} and ${openApplicationSql("oa")})`;

/** A promise still owed: not done, and not released by its application closing. */
export const owedCommitment: SQL = and(isNull(commitments.doneAt), isNull(commitments.releasedAt))!;

/** The same condition for hand-written SQL over `commitments <alias>`. */
export const owedCommitmentSql = (alias: string): SQL => sql.raw(`(${alias}.done_at is null and ${alias}.released_at is null)`);

/**
 * Applies the closing rule above to one application's rows (the caller records the change and
 * re-plans in the same transaction). Answers what it touched, for the activity log.
 */
export async function closeApplicationFollowUps(db: Executor, scope: ClientRef, applicationId: string, now: Date) {
  const cancelled = await db
    .update(interviews)
    .set({ status: "cancelled" })
    .where(
      and(
        eq(interviews.orgId, scope.orgId),
        eq(interviews.clientId, scope.clientId),
        eq(interviews.applicationId, applicationId),
        eq(interviews.status, "scheduled"),
        gt(interviews.startsAt, now),
      ),
    )
    .returning({ id: interviews.id });
  const released = await db
    .update(commitments)
    .set({ releasedAt: now })
    .where(
      and(
        eq(commitments.orgId, scope.orgId),
        eq(commitments.clientId, scope.clientId),
        eq(commitments.applicationId, applicationId),
        eq(commitments.keptAfterClose, false),
        owedCommitment,
      ),
    )
    .returning({ id: commitments.id });
  return { cancelledInterviews: cancelled.length, releasedCommitments: released.length };
}

/** Says in a few words what closing did, or nothing when it touched nothing. */
export function describeClosing(closing: { cancelledInterviews: number; releasedCommitments: number }): string {
  const parts = [
    closing.cancelledInterviews > 0 && `cancelled ${closing.cancelledInterviews} upcoming interview${closing.cancelledInterviews === 1 ? "" : "s"}`,
    closing.releasedCommitments > 0 &&
      `released ${closing.releasedCommitments} open promise${closing.releasedCommitments === 1 ? "" : "s"} as no longer needed`,
  ].filter(Boolean);
  return parts.length ? ` (${parts.join(" and ")})` : "";
}
