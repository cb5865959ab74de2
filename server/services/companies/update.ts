import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { applications, companies } from "@/db/schema";
import { conflict, notFound } from "../../errors";
import { recordActivity } from "../activity";
import { replanApplication } from "../reminders/replan";
import type { TUpdateCompanyInput } from "./schemas";
import type { ClientActor } from "../scope";

export async function updateCompany(db: Executor, scope: ClientActor, input: TUpdateCompanyInput) {
  const own = and(eq(companies.orgId, scope.orgId), eq(companies.clientId, scope.clientId));
  const [company] = await db.select().from(companies).where(and(own, eq(companies.id, input.companyId)));
  if (!company) throw notFound("Company not found.");

  if (input.name !== undefined && input.name.toLowerCase() !== company.name.toLowerCase()) {
    // New applications find their company by name, so two with the same name would split its notes.
    const [clash] = await db
      .select({ id: companies.id })
      .from(companies)
      .where(and(own, ne(companies.id, company.id), sql`lower(${companies.name}) = lower(${input.name})`))
      .limit(1);
    if (clash) throw conflict("You already track a company with this name.", "name");
  }

  const now = new Date();
  const researchChanged = input.researchNotes !== undefined && input.researchNotes !== company.researchNotes;
  const challengesChanged = input.challenges !== undefined && input.challenges.join("\n") !== company.challenges.join("\n");
  const changes = {
    ...(input.name !== undefined && { name: input.name }),
    ...(input.website !== undefined && { website: input.website }),
    ...(researchChanged && { researchNotes: input.researchNotes, researchUpdatedAt: now }),
    ...(challengesChanged && { challenges: input.challenges }),
  };
  if (Object.keys(changes).length === 0) return { id: company.id };
  await db.update(companies).set(changes).where(and(own, eq(companies.id, company.id)));

  if (researchChanged || challengesChanged) {
    await recordActivity(db, {
      orgId: scope.orgId,
      clientId: scope.clientId,
      actorUserId: scope.actorUserId,
      kind: "company.research_updated",
      summary: `Updated research on ${input.name ?? company.name}`,
      data: { companyId: company.id, researchNotes: researchChanged, challenges: challengesChanged },
    });
  }
  if (challengesChanged) {
    // Stated challenges feed the proposal suggestion (rule 7) of every active application here.
    const active = await db
      .select({ id: applications.id })
      .from(applications)
      .where(and(eq(applications.orgId, scope.orgId), eq(applications.clientId, scope.clientId), eq(applications.companyId, company.id), isNull(applications.archivedAt)));
    for (const application of active) await replanApplication(db, { orgId: scope.orgId, applicationId: application.id }, now);
  }
  return { id: company.id };
}
