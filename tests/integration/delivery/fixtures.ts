import { randomUUID } from "node:crypto";
import { addDays, addHours } from "date-fns";
import { eq, inArray } from "drizzle-orm";
import type { Database } from "../../../db";
import * as s from "../../../db/schema";
import { createApplication, createInterview, createMember, createOrg } from "../../factories";

export type Reminder = typeof s.reminders.$inferSelect;
type ReminderKind = (typeof s.reminderKind.enumValues)[number];

/** A fixed clock: delivery takes `now` from its caller, so tests move time explicitly. */
export const T0 = new Date("2026-03-02T10:00:00.000Z");

/** One client in one organisation with an application, a scheduled interview and `commitments` promises. */
export async function createClientWithPipeline(
  db: Database,
  options: { orgId?: string; commitments?: number; userOverrides?: Partial<typeof s.users.$inferInsert> } = {},
) {
  const orgId = options.orgId ?? (await createOrg(db, { brandColor: "#1d4ed8" })).id;
  const [org] = await db.select().from(s.organizations).where(eq(s.organizations.id, orgId));
  const member = await createMember(db, orgId, "client", await createUserFor(db, options.userOverrides));
  const ref = { orgId, clientId: member.membership.id };
  const application = await createApplication(db, ref);
  const interview = await createInterview(db, { ...ref, applicationId: application.id }, { startsAt: addDays(T0, 2) });
  const commitments = options.commitments
    ? await db
        .insert(s.commitments)
        .values(
          Array.from({ length: options.commitments }, (_, i) => ({
            ...ref,
            applicationId: application.id,
            description: `Send the work sample, part ${i + 1}`,
            dueAt: addDays(T0, 1),
          })),
        )
        .returning()
    : [];
  return { org: org!, user: member.user, membership: member.membership, ref, application, interview, commitments };
}

async function createUserFor(db: Database, overrides: Partial<typeof s.users.$inferInsert> = {}) {
  const tag = randomUUID().slice(0, 12);
  const [user] = await db
    .insert(s.users)
    .values({ name: `Jordan ${tag}`, email: `jordan-${tag}@test.example`, timeZone: "Europe/London", ...overrides })
    .returning();
  return user!;
}

export type Pipeline = Awaited<ReturnType<typeof createClientWithPipeline>>;

/** `count` clients like createClientWithPipeline's, spread over `orgIds`, in a handful of bulk inserts. */
export async function createClientsInBulk(
  db: Database,
  orgIds: string[],
  count: number,
  commitmentsPerClient: number,
): Promise<Pipeline[]> {
  const orgs = await db.select().from(s.organizations).where(inArray(s.organizations.id, orgIds));
  const orgById = new Map(orgs.map((org) => [org.id, org]));
  const tags = Array.from({ length: count }, () => randomUUID().slice(0, 12));
  const people = await db
    .insert(s.users)
    .values(tags.map((tag) => ({ name: `Jordan ${tag}`, email: `jordan-${tag}@test.example`, timeZone: "Europe/London" })))
    .returning();
  const members = await db
    .insert(s.memberships)
    .values(people.map((user, i) => ({ orgId: orgIds[i % orgIds.length]!, userId: user.id, role: "client" as const })))
    .returning();
  const refs = members.map((m) => ({ orgId: m.orgId, clientId: m.id }));
  const companies = await db
    .insert(s.companies)
    .values(refs.map((ref, i) => ({ ...ref, name: `Company ${tags[i]}`, challenges: ["slow onboarding"] })))
    .returning();
  const applications = await db
    .insert(s.applications)
    .values(refs.map((ref, i) => ({ ...ref, companyId: companies[i]!.id, roleTitle: "Product Designer", status: "applied" as const })))
    .returning();
  const interviews = await db
    .insert(s.interviews)
    .values(
      refs.map((ref, i) => ({
        ...ref,
        applicationId: applications[i]!.id,
        kind: "video" as const,
        startsAt: addDays(T0, 2),
        endsAt: addHours(addDays(T0, 2), 1),
        timeZone: "Europe/London",
      })),
    )
    .returning();
  const commitments = await db
    .insert(s.commitments)
    .values(
      refs.flatMap((ref, i) =>
        Array.from({ length: commitmentsPerClient }, (_, j) => ({
          ...ref,
          applicationId: applications[i]!.id,
          description: `Send the work sample, part ${j + 1}`,
          dueAt: addDays(T0, 1),
        })),
      ),
    )
    .returning();
  return members.map((membership, i) => ({
    org: orgById.get(membership.orgId)!,
    user: people[i]!,
    membership,
    ref: refs[i]!,
    application: applications[i]!,
    interview: interviews[i]!,
    commitments: commitments.filter((c) => c.clientId === membership.id),
  }));
}

/** The reminder the planner would write for a subject, due an hour before T0 unless told otherwise. */
export function reminderFor(
  p: Pipeline,
  kind: ReminderKind,
  overrides: Partial<typeof s.reminders.$inferInsert> = {},
): typeof s.reminders.$inferInsert {
  const subject =
    kind === "commitment_due" || kind === "commitment_overdue"
      ? { id: overrides.commitmentId ?? p.commitments[0]!.id, planVersion: 1 }
      : kind === "prepare" || kind === "debrief" || kind === "thank_you_due" || kind === "check_in"
        ? { id: p.interview.id, planVersion: p.interview.planVersion }
        : { id: p.application.id, planVersion: p.application.planVersion };
  const planVersion = overrides.planVersion ?? subject.planVersion;
  return {
    orgId: p.ref.orgId,
    recipientMembershipId: p.membership.id,
    clientId: p.membership.id,
    applicationId: p.application.id,
    interviewId: ["prepare", "debrief", "thank_you_due", "check_in"].includes(kind) ? p.interview.id : null,
    commitmentId: kind === "commitment_due" || kind === "commitment_overdue" ? subject.id : null,
    kind,
    reason: `Test reminder: ${kind}`,
    dueAt: addHours(T0, -1),
    planVersion,
    dedupeKey: `${kind}/${subject.id}/v${planVersion}`,
    ...overrides,
  };
}

export async function insertReminders(db: Database, rows: Array<typeof s.reminders.$inferInsert>): Promise<Reminder[]> {
  const inserted: Reminder[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    inserted.push(...(await db.insert(s.reminders).values(rows.slice(i, i + 500)).returning()));
  }
  return inserted;
}

export async function reminderById(db: Database, id: string): Promise<Reminder> {
  const [row] = await db.select().from(s.reminders).where(eq(s.reminders.id, id));
  if (!row) throw new Error(`No reminder ${id}`);
  return row;
}

export function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}
