import { and, eq } from "drizzle-orm";
import { companyOfApplication } from "@/server/services/joins";
import type { Executor } from "@/db";
import { applications, companies } from "@/db/schema";
import { notFound } from "../../errors";
import type { ClientRef } from "../scope";

/**
 * One of the client's applications with its company, loaded with the tenant and client in the
 * WHERE clause: another client's id, or another organisation's, is simply not found.
 */
export async function loadApplication(db: Executor, scope: ClientRef, applicationId: string) {
  const [row] = await db
    .select({ application: applications, company: companies })
    .from(applications)
    .innerJoin(companies, companyOfApplication)
    .where(and(eq(applications.orgId, scope.orgId), eq(applications.clientId, scope.clientId), eq(applications.id, applicationId)));
  if (!row) throw notFound("Application not found.");
  return row;
}
