import { eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { DEFAULT_POLICY, organizations, type FollowUpPolicy } from "@/db/schema";
import { ZFollowUpPolicy } from "../../followup";
import { badRequest, notFound } from "../../errors";
import { recordAudit } from "../audit";
import type { TUpdateBrandingInput, TUpdatePolicyInput } from "./schemas";
import type { OrgActor } from "../scope";


async function loadOrg(db: Executor, orgId: string) {
  const [org] = await db.select().from(organizations).where(eq(organizations.id, orgId));
  if (!org) throw notFound("Organisation not found.");
  return org;
}

/** The stored policy merged onto the defaults; an older stored policy may lack newer fields. */
function effectivePolicy(stored: Partial<FollowUpPolicy> | null): FollowUpPolicy {
  const defined = Object.fromEntries(Object.entries(stored ?? {}).filter(([, value]) => value !== undefined));
  return { ...DEFAULT_POLICY, ...defined } as FollowUpPolicy;
}

export async function getSettings(db: Executor, { orgId }: Pick<OrgActor, "orgId">) {
  const org = await loadOrg(db, orgId);
  return {
    name: org.name,
    slug: org.slug,
    timeZone: org.timeZone,
    brandColor: org.brandColor,
    logoUrl: org.logoUrl,
    policy: effectivePolicy(org.policy),
    defaults: DEFAULT_POLICY,
  };
}

/**
 * Applies a partial edit of the follow-up policy. Each field is checked by the input schema; the
 * merged policy is checked as a whole here (e.g. the prepare time must lie outside quiet hours),
 * and a failure names the field so the form shows it there.
 */
export async function updatePolicy(db: Executor, scope: OrgActor, patch: TUpdatePolicyInput) {
  const org = await loadOrg(db, scope.orgId);
  const before = effectivePolicy(org.policy);
  const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<FollowUpPolicy>;
  const checked = ZFollowUpPolicy.safeParse({ ...before, ...defined });
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw badRequest(issue.message, typeof issue.path[0] === "string" ? issue.path[0] : undefined);
  }
  const after = checked.data;
  const changed = (Object.keys(after) as Array<keyof FollowUpPolicy>).filter((key) => after[key] !== before[key]);
  if (changed.length === 0) return after;
  await db.update(organizations).set({ policy: after }).where(eq(organizations.id, scope.orgId));
  await recordAudit(db, {
    orgId: scope.orgId,
    actorUserId: scope.actorUserId,
    action: "policy.updated",
    targetType: "organization",
    targetId: scope.orgId,
    data: { changes: Object.fromEntries(changed.map((key) => [key, { from: before[key], to: after[key] }])) },
  });
  return after;
}

export async function updateBranding(db: Executor, scope: OrgActor, input: TUpdateBrandingInput) {
  const org = await loadOrg(db, scope.orgId);
  const next = { name: input.name, brandColor: input.brandColor, logoUrl: input.logoUrl === undefined ? org.logoUrl : input.logoUrl };
  const [updated] = await db
    .update(organizations)
    .set(next)
    .where(eq(organizations.id, scope.orgId))
    .returning({ name: organizations.name, brandColor: organizations.brandColor, logoUrl: organizations.logoUrl });
  await recordAudit(db, {
    orgId: scope.orgId,
    actorUserId: scope.actorUserId,
    action: "branding.updated",
    targetType: "organization",
    targetId: scope.orgId,
    data: { from: { name: org.name, brandColor: org.brandColor, logoUrl: org.logoUrl }, to: next },
  });
  return updated!;
}
