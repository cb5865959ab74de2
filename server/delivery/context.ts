import { and, eq, sql } from "drizzle-orm";
import { companyOfApplication, userOfMembership } from "@/server/services/joins";
import type { Executor } from "@/db";
import {
  applications,
  commitments,
  companies,
  DEFAULT_POLICY,
  interviews,
  memberships,
  organizations,
  reminders,
  users,
  type FollowUpPolicy,
  type ReminderPreferences,
} from "@/db/schema";

export type ReminderRow = typeof reminders.$inferSelect;

/** Everything delivery needs about a reminder, re-read at delivery time (never trusted from the plan). */
export type DeliveryContext = {
  org: {
    id: string;
    name: string;
    slug: string;
    brandColor: string;
    logoUrl: string | null;
    policy: FollowUpPolicy;
  };
  recipient: {
    membershipId: string;
    membershipStatus: "active" | "archived";
    userId: string;
    name: string | null;
    email: string;
    timeZone: string;
    preferences: ReminderPreferences;
  };
  application: typeof applications.$inferSelect | null;
  company: typeof companies.$inferSelect | null;
  interview: typeof interviews.$inferSelect | null;
  commitment: typeof commitments.$inferSelect | null;
};

/**
 * Loads the organisation, the recipient (membership → user) and the rows the reminder points at,
 * in one round trip: delivery runs this for every reminder, so it is the hot path.
 * Unsafe: runs on the owner connection across tenants (the delivery worker is a system job), so
 * every join carries the reminder's own `org_id` instead of relying on RLS.
 * Answers null when the organisation or the recipient is gone.
 */
export async function unsafeLoadDeliveryContext(db: Executor, reminder: ReminderRow): Promise<DeliveryContext | null> {
  const orgId = reminder.orgId;
  // An invitation's recipient is not a member yet: delivery/invitation.ts loads what it needs.
  if (!reminder.recipientMembershipId) return null;
  const none = sql`false`;
  const [row] = await db
    .select({
      org: {
        id: organizations.id,
        name: organizations.name,
        slug: organizations.slug,
        brandColor: organizations.brandColor,
        logoUrl: organizations.logoUrl,
        policy: organizations.policy,
      },
      recipient: {
        membershipId: memberships.id,
        membershipStatus: memberships.status,
        userId: users.id,
        name: users.name,
        email: users.email,
        timeZone: users.timeZone,
        preferences: users.reminderPreferences,
      },
      interview: interviews,
      commitment: commitments,
      application: applications,
      company: companies,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .innerJoin(users, userOfMembership)
    .leftJoin(
      interviews,
      reminder.interviewId ? and(eq(interviews.orgId, orgId), eq(interviews.id, reminder.interviewId)) : none,
    )
    .leftJoin(
      commitments,
      reminder.commitmentId ? and(eq(commitments.orgId, orgId), eq(commitments.id, reminder.commitmentId)) : none,
    )
    // The application can be named directly, or only through the interview or the commitment.
    .leftJoin(
      applications,
      and(
        eq(applications.orgId, orgId),
        eq(
          applications.id,
          sql`coalesce(${reminder.applicationId}::uuid, ${interviews.applicationId}, ${commitments.applicationId})`,
        ),
      ),
    )
    .leftJoin(companies, companyOfApplication)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.id, reminder.recipientMembershipId)));
  if (!row) return null;
  return {
    ...row,
    // A policy saved before a field existed lacks it: the defaults fill the gaps.
    org: { ...row.org, policy: { ...DEFAULT_POLICY, ...row.org.policy } },
  };
}
