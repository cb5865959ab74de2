import type { Executor } from "@/db";
import { auditLog } from "@/db/schema";

export type AuditEntry = {
  orgId: string;
  actorUserId: string | null;
  action:
    | "member.role_changed"
    | "member.removed"
    | "assignment.added"
    | "assignment.removed"
    | "invitation.created"
    | "invitation.revoked"
    | "invitation.accepted"
    | "organization.created"
    | "policy.updated"
    | "branding.updated"
    | "client.archived"
    | "client.unarchived"
    | "client.deleted"
    | "cohort.created"
    | "cohort.renamed"
    | "cohort.archived"
    | "cohort.unarchived"
    | "cohort.clients_added"
    | "cohort.clients_removed"
    | "assignment.bulk"
    | "onboarding.imported";
  targetType: "membership" | "invitation" | "organization" | "cohort" | "import";
  targetId: string;
  data?: Record<string, unknown>;
};

/**
 * Sensitive actions are recorded in the same transaction as the change itself. The row keeps the
 * target's id as text, with no foreign key to it, so it survives the deletion of what it describes.
 */
export async function recordAudit(db: Executor, entry: AuditEntry) {
  await db.insert(auditLog).values({ ...entry, data: entry.data ?? {} });
}
