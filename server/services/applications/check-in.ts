import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db";
import { rows } from "@/db/sql";
import { jsonList, parseJson } from "../json";
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

/**
 * The pending check-in reminders behind the outlooks, as a SELECT with camelCase aliases: run on
 * its own by `checkInOutlooks`, or as one section of a page's single statement (the coach's
 * client detail) through `jsonList`, then shaped by `toCheckInOutlooks`.
 */
export function checkInOutlookRowsSql(scope: ClientRef, filter: { applicationId?: string } = {}): SQL {
  return sql`select a.id as "applicationId", i.id as "interviewId", a.role_title as "roleTitle", co.name as "companyName",
      i.expect_answer_by as "expectAnswerBy", i.not_before_on as "notBeforeOn", r.due_at as "dueAt", u.time_zone as "clientTimeZone"
    from reminders r
    join memberships m on m.org_id = r.org_id and m.id = r.client_id
    join users u on u.id = m.user_id
    join interviews i on i.org_id = r.org_id and i.client_id = r.client_id and i.id = r.interview_id
    join applications a on a.org_id = i.org_id and a.id = i.application_id
    join companies co on co.org_id = a.org_id and co.id = a.company_id
    where r.org_id = ${scope.orgId} and r.client_id = ${scope.clientId} and r.kind = 'check_in' and r.status = 'pending'
      ${filter.applicationId ? sql`and r.application_id = ${filter.applicationId}` : sql``}
    order by r.due_at`;
}

type CheckInOutlookRow = Omit<CheckInOutlook, "sittingTightUntil" | "checkInOn"> & {
  expectAnswerBy: string | null;
  notBeforeOn: string | null;
  clientTimeZone: string;
};

/** The rows of `checkInOutlookRowsSql` as a json list (see `jsonList`), shaped into outlooks. */
export function toCheckInOutlooks(json: unknown): CheckInOutlook[] {
  return parseJson<CheckInOutlookRow[]>(json).map((row) => {
    // The client's own zone decides which day the check-in falls on.
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

export async function checkInOutlooks(db: Executor, scope: ClientRef, filter: { applicationId?: string } = {}): Promise<CheckInOutlook[]> {
  const [row] = await rows<{ outlooks: unknown }>(db, sql`select ${jsonList(checkInOutlookRowsSql(scope, filter))} as outlooks`);
  return toCheckInOutlooks(row!.outlooks);
}
