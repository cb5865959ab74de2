import type { Executor } from "@/db";
import { auditLog } from "@/db/schema";

/** Actions of the coach portal and organisation settings (the org/member ones live in ../audit.ts). */
export type PortalAuditAction =
  | "policy.updated"
  | "branding.updated"
  | "client.archived"
  | "client.unarchived"
  | "client.deleted";

/**
 * Written in the same transaction as the change. The row keeps the target's id as text and no
 * foreign key to it, so it survives the deletion of what it describes.
 */
export async function recordPortalAudit(
  db: Executor,
  entry: { orgId: string; actorUserId: string; action: PortalAuditAction; targetType: "organization" | "membership"; targetId: string; data?: Record<string, unknown> },
) {
  await db.insert(auditLog).values({ ...entry, data: entry.data ?? {} });
}
