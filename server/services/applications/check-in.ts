import { and, asc, eq } from "drizzle-orm";
import { applicationOfInterview, applicationTitleColumns, companyOfApplication, membershipNamedBy, userOfMembership } from "@/server/services/joins";
import type { Executor } from "@/db";
import { applications, companies, interviews, memberships, reminders, users } from "@/db/schema";
import { addDaysToIsoDate, isValidTimeZone, localDateOf } from "../../followup/time";
import type { ClientRef } from "../scope";

/**
 * Where the playbook's "sit tight, then check in" stands for an application: the date the
 * employer said they would answer by (or asked the client to wait until), and the day the check-in
 * reminder goes out with its draft. Read from the pending check-in reminder itself, so it says
 * exactly what the planner decided (a closed application has none).
 */
export type CheckInOutlook = {
  applicationId: string;
  interviewId: string;
  roleTitle: string;
  companyName: string;
  /** YYYY-MM-DD, the last day of waiting the employer named (their answer date, or the day before "not before"); null if none. */
  sittingTightUntil: string | null;
  /** YYYY-MM-DD in the client's zone: when the check-in is drafted and the reminder sent. */
  checkInOn: string;
  dueAt: Date;
};

export async function checkInOutlooks(db: Executor, scope: ClientRef, filter: { applicationId?: string } = {}): Promise<CheckInOutlook[]> {
  const rows = await db
    .select({
      applicationId: applications.id,
      interviewId: interviews.id,
      ...applicationTitleColumns,
      expectAnswerBy: interviews.expectAnswerBy,
      notBeforeOn: interviews.notBeforeOn,
      dueAt: reminders.dueAt,
      clientTimeZone: users.timeZone,
    })
    .from(reminders)
    // The client's own zone decides which day the check-in falls on.
    .innerJoin(memberships, membershipNamedBy(reminders.orgId, reminders.clientId))
    .innerJoin(users, userOfMembership)
    .innerJoin(interviews, and(eq(interviews.orgId, reminders.orgId), eq(interviews.clientId, reminders.clientId), eq(interviews.id, reminders.interviewId)))
    .innerJoin(applications, applicationOfInterview)
    .innerJoin(companies, companyOfApplication)
    .where(
      and(
        eq(reminders.orgId, scope.orgId),
        eq(reminders.clientId, scope.clientId),
        eq(reminders.kind, "check_in"),
        eq(reminders.status, "pending"),
        filter.applicationId ? eq(reminders.applicationId, filter.applicationId) : undefined,
      ),
    )
    .orderBy(asc(reminders.dueAt));
  return rows.map((row) => {
    const zone = isValidTimeZone(row.clientTimeZone) ? row.clientTimeZone : "UTC";
    const checkInOn = localDateOf(row.dueAt, zone);
    // "Wait until 10 Dec" means sitting tight through the day before; an answer date is the last day to wait.
    const candidates = [row.expectAnswerBy, row.notBeforeOn ? addDaysToIsoDate(row.notBeforeOn, -1) : null].filter(
      (day): day is string => day !== null && day < checkInOn,
    );
    return {
      applicationId: row.applicationId,
      interviewId: row.interviewId,
      roleTitle: row.roleTitle,
      companyName: row.companyName,
      sittingTightUntil: candidates.sort().at(-1) ?? null,
      checkInOn,
      dueAt: row.dueAt,
    };
  });
}
