import { and, eq } from "drizzle-orm";
import { applications, companies, interviews } from "@/db/schema";
import { notFound } from "../../errors";
import type { ClientRef, Db } from "../scope";

/** One of the client's interviews, loaded with the tenant and client conditions in the WHERE. */
export async function loadInterview(db: Db, scope: ClientRef, interviewId: string) {
  const [row] = await db
    .select()
    .from(interviews)
    .where(and(eq(interviews.orgId, scope.orgId), eq(interviews.clientId, scope.clientId), eq(interviews.id, interviewId)));
  if (!row) throw notFound("Interview not found.");
  return row;
}

/** One of the client's applications with its company. */
export async function loadApplication(db: Db, scope: ClientRef, applicationId: string) {
  const [row] = await db
    .select({ application: applications, company: companies })
    .from(applications)
    .innerJoin(
      companies,
      and(eq(companies.orgId, applications.orgId), eq(companies.clientId, applications.clientId), eq(companies.id, applications.companyId)),
    )
    .where(and(eq(applications.orgId, scope.orgId), eq(applications.clientId, scope.clientId), eq(applications.id, applicationId)));
  if (!row) throw notFound("Application not found.");
  return row;
}
