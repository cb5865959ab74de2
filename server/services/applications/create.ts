import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { applications, applicationStatusHistory, companies } from "@/db/schema";
import { recordActivity } from "../activity";
import { replanApplication } from "../reminders/replan";
import type { TCreateApplicationInput } from "./schemas";
import type { ClientActor, ClientRef } from "../scope";

/**
 * The client's company with this name, compared case-insensitively ("acme" is "Acme"), or a new
 * one. Reusing it keeps research notes and contacts in one place across several roles.
 */
export async function findOrCreateCompany(db: Executor, scope: ClientRef, name: string) {
  const [existing] = await db
    .select({ id: companies.id, name: companies.name })
    .from(companies)
    .where(and(eq(companies.orgId, scope.orgId), eq(companies.clientId, scope.clientId), sql`lower(${companies.name}) = lower(${name})`))
    .orderBy(asc(companies.createdAt), asc(companies.id))
    .limit(1);
  if (existing) return { ...existing, created: false };
  const [created] = await db
    .insert(companies)
    .values({ orgId: scope.orgId, clientId: scope.clientId, name })
    .returning({ id: companies.id, name: companies.name });
  return { ...created!, created: true };
}

/** The optional detail fields as columns: left out means none. */
function detailsOf(input: TCreateApplicationInput) {
  return {
    location: input.location ?? null,
    workplaceType: input.workplaceType ?? null,
    jobType: input.jobType ?? null,
    salaryMin: input.salaryMin ?? null,
    salaryMax: input.salaryMax ?? null,
    salaryCurrency: input.salaryCurrency ?? null,
    deadlineOn: input.deadlineOn ?? null,
    excitement: input.excitement ?? null,
    tags: input.tags ?? [],
    savedOn: input.savedOn ?? null,
    appliedOn: input.appliedOn ?? null,
    postingSnapshot: input.postingSnapshot ?? null,
  };
}

export async function createApplication(db: Executor, scope: ClientActor, input: TCreateApplicationInput) {
  const company = await findOrCreateCompany(db, scope, input.companyName);
  const now = new Date();
  const [application] = await db
    .insert(applications)
    .values({
      orgId: scope.orgId,
      clientId: scope.clientId,
      companyId: company.id,
      roleTitle: input.roleTitle,
      jobUrl: input.jobUrl ?? null,
      source: input.source ?? null,
      status: input.status,
      statusChangedAt: now,
      notes: input.notes,
      ...detailsOf(input),
      postingCapturedAt: input.postingSnapshot ? now : null,
    })
    .returning({ id: applications.id });
  await db.insert(applicationStatusHistory).values({
    orgId: scope.orgId,
    clientId: scope.clientId,
    applicationId: application!.id,
    fromStatus: null,
    toStatus: input.status,
    changedAt: now,
    changedByUserId: scope.actorUserId,
  });
  await recordActivity(db, {
    orgId: scope.orgId,
    clientId: scope.clientId,
    actorUserId: scope.actorUserId,
    kind: "application.created",
    summary: `Added ${input.roleTitle} at ${company.name}`,
    applicationId: application!.id,
    data: { status: input.status, companyId: company.id },
  });
  await replanApplication(db, { orgId: scope.orgId, applicationId: application!.id }, now);
  return { id: application!.id, companyId: company.id, companyReused: !company.created };
}
