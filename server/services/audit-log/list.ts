import { and, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { auditLog, users } from "@/db/schema";
import { ZListAuditInput, type TListAuditInput } from "./schemas";
import type { OrgActor } from "../scope";

/** The organisation's audit log, newest first, a page at a time (owners). */
export async function listAudit(db: Executor, { orgId }: Pick<OrgActor, "orgId">, rawInput: TListAuditInput) {
  const input = ZListAuditInput.parse(rawInput);
  const entries = await db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      data: auditLog.data,
      createdAt: auditLog.createdAt,
      actorName: users.name,
      actorEmail: users.email,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(auditLog)
    // The actor may have left the organisation: their name is still worth showing, but only
    // through the org-scoped users policy, so a left join that may find nothing.
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(eq(auditLog.orgId, orgId)))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);
  return {
    page: input.page,
    pageSize: input.pageSize,
    total: entries[0]?.total ?? 0,
    entries: entries.map(({ total: _total, ...entry }) => entry),
  };
}
