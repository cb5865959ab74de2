import { and, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { applications, companies, contactLinks, contacts, interviews, memberships, users } from "@/db/schema";

/**
 * Query pieces written once. The joins match on the organisation and the id: the composite
 * foreign keys (`org_id`, `client_id`, id) already make a row's parent belong to the same
 * organisation and client, so a client condition in a join would add nothing.
 */

/** applications → their company. */
export const companyOfApplication: SQL = and(eq(companies.orgId, applications.orgId), eq(companies.id, applications.companyId))!;

/** interviews → their application. */
export const applicationOfInterview: SQL = and(eq(applications.orgId, interviews.orgId), eq(applications.id, interviews.applicationId))!;

/** The membership a row (or a scope) names: its client, author or coach, in its organisation. */
export const membershipNamedBy = (orgId: PgColumn | string, membershipId: PgColumn | string): SQL => and(eq(memberships.orgId, orgId), eq(memberships.id, membershipId))!;

/** memberships → the person (users are not tenant rows: the id is the whole key). */
export const userOfMembership: SQL = eq(users.id, memberships.userId);

/** What every list of interviews shows about one: when, where, what kind, which round, its state. */
export const interviewSummaryColumns = {
  id: interviews.id,
  applicationId: interviews.applicationId,
  round: interviews.round,
  kind: interviews.kind,
  startsAt: interviews.startsAt,
  endsAt: interviews.endsAt,
  timeZone: interviews.timeZone,
  location: interviews.location,
  status: interviews.status,
};

/** What names an application in a list: its role and its company (needs `companyOfApplication`). */
export const applicationTitleColumns = { roleTitle: applications.roleTitle, companyName: companies.name };

/** The contact a row names in its `contact_id` (a participant, a promise, a draft, a link), in its organisation. */
export const contactNamedBy = (row: { orgId: PgColumn; contactId: PgColumn }): SQL => and(eq(contacts.orgId, row.orgId), eq(contacts.id, row.contactId))!;

/**
 * One client's contact links to a company or to any of its interviewers: the people who could put
 * in a good word for an application (the application page lists them; the networking suggestion
 * names them).
 */
export function linksIntoApplication(scope: { orgId: string; clientId: string }, target: { companyId: string; interviewerIds: string[] }): SQL {
  return and(
    eq(contactLinks.orgId, scope.orgId),
    eq(contactLinks.clientId, scope.clientId),
    or(eq(contactLinks.knowsCompanyId, target.companyId), target.interviewerIds.length ? inArray(contactLinks.knowsContactId, target.interviewerIds) : sql`false`),
  )!;
}
