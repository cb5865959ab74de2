import { randomUUID } from "node:crypto";
import { addDays, addHours } from "date-fns";
import { sql } from "drizzle-orm";
import type { Executor } from "../../db";
import { refreshClientMetrics } from "../../server/services/coach/metrics";
import * as s from "../../db/schema";

/**
 * Factories make unique rows through the owner connection (no tenant scoping), so tests can set
 * up any situation, including ones the API would refuse. Nothing relies on seeded ids.
 */
let counter = 0;
const unique = (prefix: string) => `${prefix}-${++counter}-${randomUUID().slice(0, 8)}`;

export async function createUser(db: Executor, overrides: Partial<typeof s.users.$inferInsert> = {}) {
  const tag = unique("user");
  const [user] = await db
    .insert(s.users)
    .values({ name: `Person ${tag}`, email: `${tag}@test.example`, timeZone: "UTC", ...overrides })
    .returning();
  return user!;
}

export async function createOrg(db: Executor, overrides: Partial<typeof s.organizations.$inferInsert> = {}) {
  const tag = unique("org");
  const [org] = await db
    .insert(s.organizations)
    .values({ name: `Practice ${tag}`, slug: tag, ...overrides })
    .returning();
  return org!;
}

export type Role = (typeof s.memberRole.enumValues)[number];

export async function createMember(db: Executor, orgId: string, role: Role, user?: typeof s.users.$inferSelect) {
  const person = user ?? (await createUser(db));
  const [membership] = await db.insert(s.memberships).values({ orgId, userId: person.id, role }).returning();
  return { user: person, membership: membership! };
}

export async function assignCoach(db: Executor, orgId: string, coachMembershipId: string, clientMembershipId: string) {
  const [row] = await db.insert(s.coachAssignments).values({ orgId, coachMembershipId, clientMembershipId }).returning();
  return row!;
}

type ClientRef = { orgId: string; clientId: string };

export async function createCompany(db: Executor, ref: ClientRef, overrides: Partial<typeof s.companies.$inferInsert> = {}) {
  const [row] = await db
    .insert(s.companies)
    .values({ ...ref, name: `Company ${unique("co")}`, challenges: ["slow onboarding"], ...overrides })
    .returning();
  return row!;
}

export async function createApplication(
  db: Executor,
  ref: ClientRef,
  overrides: Partial<typeof s.applications.$inferInsert> = {},
) {
  const companyId = overrides.companyId ?? (await createCompany(db, ref)).id;
  const [row] = await db
    .insert(s.applications)
    .values({ ...ref, companyId, roleTitle: "Product Designer", status: "applied", ...overrides })
    .returning();
  return row!;
}

export async function createInterview(
  db: Executor,
  ref: ClientRef & { applicationId: string },
  overrides: Partial<typeof s.interviews.$inferInsert> = {},
) {
  const startsAt = overrides.startsAt ?? addDays(new Date(), 3);
  const [row] = await db
    .insert(s.interviews)
    .values({ ...ref, kind: "video", startsAt, endsAt: addHours(startsAt, 1), timeZone: "Europe/London", ...overrides })
    .returning();
  return row!;
}

export async function createContact(db: Executor, ref: ClientRef, overrides: Partial<typeof s.contacts.$inferInsert> = {}) {
  const [row] = await db
    .insert(s.contacts)
    .values({ ...ref, name: `Contact ${unique("c")}`, role: "interviewer", ...overrides })
    .returning();
  return row!;
}

export async function createCommitment(
  db: Executor,
  ref: ClientRef,
  overrides: Partial<typeof s.commitments.$inferInsert> = {},
) {
  const [row] = await db
    .insert(s.commitments)
    .values({ ...ref, description: "Send references", dueAt: addDays(new Date(), 1), ...overrides })
    .returning();
  return row!;
}

/** An organisation with an owner, two coaches and two clients, the first client assigned to the first coach. */
export async function createPractice(db: Executor) {
  const org = await createOrg(db);
  const owner = await createMember(db, org.id, "owner");
  const coach = await createMember(db, org.id, "coach");
  const otherCoach = await createMember(db, org.id, "coach");
  const client = await createMember(db, org.id, "client");
  const otherClient = await createMember(db, org.id, "client");
  await assignCoach(db, org.id, coach.membership.id, client.membership.id);
  await assignCoach(db, org.id, otherCoach.membership.id, otherClient.membership.id);
  return { org, owner, coach, otherCoach, client, otherClient };
}

/** One row in every tenant-owned table, for a new organisation: the subject of isolation tests. */
export async function createOrgWithEveryTable(db: Executor) {
  const p = await createPractice(db);
  const ref = { orgId: p.org.id, clientId: p.client.membership.id };
  const application = await createApplication(db, ref);
  const interview = await createInterview(db, { ...ref, applicationId: application.id });
  const contact = await createContact(db, ref, { companyId: application.companyId });
  const other = await createContact(db, ref);
  const commitment = await createCommitment(db, ref, { applicationId: application.id });
  await db.insert(s.applicationStatusHistory).values({ ...ref, applicationId: application.id, toStatus: "applied" });
  await db.insert(s.contactLinks).values({ ...ref, contactId: other.id, knowsContactId: contact.id });
  await db.insert(s.interviewParticipants).values({ ...ref, interviewId: interview.id, contactId: contact.id, discussed: "roadmap" });
  const [draft] = await db
    .insert(s.drafts)
    .values({ ...ref, applicationId: application.id, contactId: contact.id, kind: "thank_you", subject: "Thank you", body: "Thanks" })
    .returning();
  await db.insert(s.draftComments).values({ ...ref, draftId: draft!.id, authorMembershipId: p.coach.membership.id, body: "Nice" });
  await db.insert(s.reminders).values({
    orgId: p.org.id,
    recipientMembershipId: p.client.membership.id,
    clientId: p.client.membership.id,
    applicationId: application.id,
    commitmentId: commitment.id,
    kind: "commitment_due",
    reason: "Due tomorrow",
    dueAt: addDays(new Date(), 1),
    dedupeKey: `commitment_due/${commitment.id}/v1`,
  });
  // The coach portal's kept numbers as a read computes them; the activity after it marks the client again.
  await refreshClientMetrics(db, { orgId: p.org.id, visible: sql`true` });
  await db.insert(s.activities).values({ ...ref, kind: "application.created", summary: "Added an application" });
  await db.insert(s.coachNotes).values({ ...ref, authorMembershipId: p.coach.membership.id, body: "Strong start" });
  await db.insert(s.nudges).values({ ...ref, coachMembershipId: p.coach.membership.id, message: "How did it go?" });
  await db.insert(s.invitations).values({ orgId: p.org.id, email: `${unique("inv")}@test.example`, role: "coach", tokenHash: unique("hash"), expiresAt: addDays(new Date(), 7) });
  await db.insert(s.auditLog).values({ orgId: p.org.id, action: "member.role_changed", targetType: "membership", targetId: p.coach.membership.id });
  const [cohort] = await db.insert(s.cohorts).values({ orgId: p.org.id, name: unique("Class of 2027") }).returning();
  await db.insert(s.cohortMembers).values({ orgId: p.org.id, cohortId: cohort!.id, clientMembershipId: p.client.membership.id });
  return { ...p, application, interview, contact, draft: draft!, commitment };
}
