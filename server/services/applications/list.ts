import { and, asc, desc, eq, gte, ilike, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { companyOfApplication } from "@/server/services/joins";
import { owedCommitment } from "./closing";
import type { Executor } from "@/db";
import { applications, commitments, companies, drafts, interviews } from "@/db/schema";
import { applicationDetailColumns } from "./columns";
import type { TListApplicationsInput } from "./schemas";
import { APPLICATION_STATUSES, type ApplicationStatus } from "./status";
import type { ClientRef } from "../scope";

/** A client has tens of applications, rarely hundreds; this bounds a runaway list. */
const LIST_LIMIT = 500;

/** `%` and `_` typed in a search box are literal characters, not wildcards. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The client's applications with what a row shows: company, next interview, open promises and drafts. */
export async function listApplications(db: Executor, scope: ClientRef, input: TListApplicationsInput) {
  const conditions: Array<SQL | undefined> = [eq(applications.orgId, scope.orgId), eq(applications.clientId, scope.clientId)];
  if (!input.includeArchived) conditions.push(isNull(applications.archivedAt));
  if (input.status?.length) conditions.push(inArray(applications.status, input.status));
  if (input.workplaceType?.length) conditions.push(inArray(applications.workplaceType, input.workplaceType));
  if (input.jobType?.length) conditions.push(inArray(applications.jobType, input.jobType));
  if (input.minExcitement) conditions.push(gte(applications.excitement, input.minExcitement));
  // Tags compare case-insensitively, as they are entered.
  if (input.tag) conditions.push(sql`exists (select 1 from unnest(${applications.tags}) as t(tag) where lower(t.tag) = lower(${input.tag}))`);
  if (input.search) {
    const pattern = likePattern(input.search);
    conditions.push(or(ilike(applications.roleTitle, pattern), ilike(companies.name, pattern)));
  }

  const sortColumn = {
    updated: applications.updatedAt,
    created: applications.createdAt,
    company: sql`lower(${companies.name})`,
    // Postgres orders an enum by declaration: the pipeline order.
    status: applications.status,
    role: sql`lower(${applications.roleTitle})`,
  }[input.sort];
  const direction = input.direction === "asc" ? asc : desc;

  // Correlated subqueries stay tenant-scoped: each repeats the organisation and client.
  const nextInterviewAt = sql<Date | null>`(select min(${interviews.startsAt}) from ${interviews}
    where ${interviews.orgId} = ${applications.orgId} and ${interviews.clientId} = ${applications.clientId}
      and ${interviews.applicationId} = ${applications.id} and ${interviews.status} = 'scheduled'
      and ${interviews.startsAt} >= now())`.mapWith(applications.statusChangedAt);
  const openCommitments = sql<number>`(select count(*) from ${commitments}
    where ${commitments.orgId} = ${applications.orgId} and ${commitments.clientId} = ${applications.clientId}
      and ${commitments.applicationId} = ${applications.id} and ${owedCommitment})`.mapWith(Number);
  const openDrafts = sql<number>`(select count(*) from ${drafts}
    where ${drafts.orgId} = ${applications.orgId} and ${drafts.clientId} = ${applications.clientId}
      and ${drafts.applicationId} = ${applications.id} and ${drafts.status} = 'draft')`.mapWith(Number);

  return db
    .select({
      id: applications.id,
      roleTitle: applications.roleTitle,
      jobUrl: applications.jobUrl,
      source: applications.source,
      status: applications.status,
      statusChangedAt: applications.statusChangedAt,
      archivedAt: applications.archivedAt,
      ...applicationDetailColumns,
      createdAt: applications.createdAt,
      updatedAt: applications.updatedAt,
      companyId: companies.id,
      companyName: companies.name,
      nextInterviewAt,
      openCommitments,
      openDrafts,
    })
    .from(applications)
    .innerJoin(companies, companyOfApplication)
    .where(and(...conditions))
    .orderBy(direction(sortColumn), direction(applications.id))
    .limit(LIST_LIMIT);
}

export type ApplicationRow = Awaited<ReturnType<typeof listApplications>>[number];

/** Active (not archived) applications in one column per status, most recently touched first. */
export async function applicationBoard(db: Executor, scope: ClientRef) {
  const rows = await listApplications(db, scope, { includeArchived: false, sort: "updated", direction: "desc" });
  const byStatus = new Map<ApplicationStatus, ApplicationRow[]>(APPLICATION_STATUSES.map((status) => [status, []]));
  for (const row of rows) byStatus.get(row.status)!.push(row);
  return { columns: APPLICATION_STATUSES.map((status) => ({ status, applications: byStatus.get(status)! })) };
}
