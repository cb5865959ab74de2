import type { Executor } from "@/db";
import { auditLog } from "@/db/schema";

export type AuditEntry = {
  orgId: string;
  actorUserId: string | null;
  action: "member.role_changed" | "member.removed" | "assignment.added" | "assignment.removed" | "invitation.created" | "invitation.revoked" | "invitation.accepted" | "organization.created";
  targetType: "membership" | "invitation" | "organization";
  targetId: string;
  data?: Record<string, unknown>;
};

/** Sensitive actions are recorded in the same transaction as the change itself. */
export async function recordAudit(db: Executor, entry: AuditEntry) {
  await db.insert(auditLog).values({ ...entry, data: entry.data ?? {} });
}
