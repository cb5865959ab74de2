import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { applications } from "@/db/schema";
import { badRequest } from "../../errors";
import { recordActivity } from "../activity";
import { replanApplication } from "../reminders/replan";
import type { TUpdateApplicationInput } from "./schemas";
import { closeApplicationFollowUps, describeClosing } from "./closing";
import { loadApplication } from "./scope";
import type { ClientActor } from "../scope";

const where = (scope: ClientActor, applicationId: string) =>
  and(eq(applications.orgId, scope.orgId), eq(applications.clientId, scope.clientId), eq(applications.id, applicationId));

export async function updateApplication(db: Executor, scope: ClientActor, input: TUpdateApplicationInput) {
  const { application, company } = await loadApplication(db, scope, input.applicationId);
  const { applicationId: _id, orgSlug: _org, clientId: _client, ...fields } = input as TUpdateApplicationInput & { orgSlug?: string; clientId?: string };
  // Only the fields sent change; undefined means "leave as it is".
  const changes = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<typeof applications.$inferInsert>;
  if (fields.postingSnapshot !== undefined) changes.postingCapturedAt = fields.postingSnapshot ? new Date() : null;
  const salaryMin = changes.salaryMin !== undefined ? changes.salaryMin : application.salaryMin;
  const salaryMax = changes.salaryMax !== undefined ? changes.salaryMax : application.salaryMax;
  if (salaryMin != null && salaryMax != null && salaryMin > salaryMax) throw badRequest("The upper end is below the lower end.", "salaryMax");
  if (Object.keys(changes).length === 0) return { id: application.id };
  await db.update(applications).set(changes).where(where(scope, application.id));
  await recordActivity(db, {
    orgId: scope.orgId,
    clientId: scope.clientId,
    actorUserId: scope.actorUserId,
    kind: "application.updated",
    summary: `Updated ${changes.roleTitle ?? application.roleTitle} at ${company.name}`,
    applicationId: application.id,
    data: { fields: Object.keys(changes) },
  });
  return { id: application.id };
}

/**
 * Archiving takes an application out of the active views and closes it (see `closing.ts`), so
 * its pending reminders are cancelled (and revived on unarchive if still relevant).
 */
export async function setApplicationArchived(db: Executor, scope: ClientActor, applicationId: string, archived: boolean) {
  const { application, company } = await loadApplication(db, scope, applicationId);
  if (Boolean(application.archivedAt) === archived) return { id: application.id, archivedAt: application.archivedAt };
  const now = new Date();
  const archivedAt = archived ? now : null;
  await db.update(applications).set({ archivedAt }).where(where(scope, application.id));
  const closing = archived ? await closeApplicationFollowUps(db, scope, application.id, now) : null;
  await recordActivity(db, {
    orgId: scope.orgId,
    clientId: scope.clientId,
    actorUserId: scope.actorUserId,
    kind: archived ? "application.archived" : "application.updated",
    summary: archived
      ? `Archived ${application.roleTitle} at ${company.name}${closing ? describeClosing(closing) : ""}`
      : `Brought ${application.roleTitle} at ${company.name} back from the archive`,
    applicationId: application.id,
    data: { archived, ...closing },
  });
  await replanApplication(db, { orgId: scope.orgId, applicationId: application.id }, now);
  return { id: application.id, archivedAt };
}
