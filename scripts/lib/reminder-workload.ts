/**
 * Reminder workloads for the scripts that measure or break delivery (bench:reminders,
 * test:instances): debriefed interviews seeded in bulk, planned with the app's own re-plan code,
 * and made due.
 */
import { randomUUID } from "node:crypto";
import { forEachConcurrently } from "../../server/concurrency";
import { and, inArray, sql } from "drizzle-orm";
import { withOrg, type Database } from "../../db";
import * as s from "../../db/schema";
import { rows } from "../../db/sql";

export const ORGS = 10;
export const APPLICATIONS_PER_CLIENT = 5;
const TIME_ZONES = ["Europe/London", "America/New_York", "Europe/Berlin", "Asia/Tokyo", "America/Los_Angeles"];

export type Seeded = { orgId: string; applicationId: string };

/** Debriefed interviews, one per application, with what the planner turns into reminders. */
export async function seed(db: Database, interviews: number, now: Date): Promise<Seeded[]> {
  const orgs = await db
    .insert(s.organizations)
    .values(Array.from({ length: ORGS }, (_, i) => ({ name: `Bench Practice ${i + 1}`, slug: `bench-${randomUUID().slice(0, 8)}` })))
    .returning({ id: s.organizations.id });
  const clients = Math.ceil(interviews / APPLICATIONS_PER_CLIENT);
  const seeded: Seeded[] = [];
  const hour = 3_600_000;
  for (let start = 0; start < clients; start += 200) {
    const n = Math.min(200, clients - start);
    const tags = Array.from({ length: n }, () => randomUUID().slice(0, 12));
    const zoneOf = (i: number) => TIME_ZONES[(start + i) % TIME_ZONES.length]!;
    const people = await db
      .insert(s.users)
      .values(tags.map((tag, i) => ({ name: `Jordan ${tag}`, email: `bench-${tag}@bench.example`, timeZone: zoneOf(i) })))
      .returning({ id: s.users.id });
    const members = await db
      .insert(s.memberships)
      .values(people.map((p, i) => ({ orgId: orgs[(start + i) % ORGS]!.id, userId: p.id, role: "client" as const })))
      .returning({ id: s.memberships.id, orgId: s.memberships.orgId });
    // APPLICATIONS_PER_CLIENT of everything per client (the last client may have fewer).
    const slots = members.flatMap((m, i) =>
      Array.from({ length: APPLICATIONS_PER_CLIENT }, (_, j) => ({ ref: { orgId: m.orgId, clientId: m.id }, zone: zoneOf(i), j })),
    ).slice(0, interviews - start * APPLICATIONS_PER_CLIENT);
    const companies = await db
      .insert(s.companies)
      .values(
        slots.map(({ ref }, k) => ({
          ...ref,
          name: `Company ${tags[Math.floor(k / APPLICATIONS_PER_CLIENT)]}-${k % APPLICATIONS_PER_CLIENT}`,
          researchNotes: "Series B, growing the platform team; values written communication.",
          challenges: ["onboarding takes too long", "flaky release process"],
        })),
      )
      .returning({ id: s.companies.id });
    const applications = await db
      .insert(s.applications)
      .values(
        slots.map(({ ref }, k) => ({
          ...ref,
          companyId: companies[k]!.id,
          roleTitle: "Platform Engineer",
          status: "interviewing" as const,
          // Unchanged since before the interview: a check-in is planned.
          statusChangedAt: new Date(+now - 7 * 24 * hour),
        })),
      )
      .returning({ id: s.applications.id });
    // Interviews that ended between 2 and 20 hours ago and were debriefed an hour later: the
    // thank-you window (24 h) is still open, so nothing is due yet at planning time.
    const interviewRows = await db
      .insert(s.interviews)
      .values(
        slots.map(({ ref, zone }, k) => {
          const endsAt = new Date(+now - (2 + (k % 18)) * hour);
          return {
            ...ref,
            applicationId: applications[k]!.id,
            kind: "video" as const,
            startsAt: new Date(+endsAt - hour),
            endsAt,
            timeZone: zone,
            status: "completed" as const,
            debriefedAt: new Date(+endsAt + hour),
            nextSteps: "They will decide by the end of next week.",
            preferredChannel: "email" as const,
          };
        }),
      )
      .returning({ id: s.interviews.id });
    const contacts = await db
      .insert(s.contacts)
      .values(
        slots.flatMap(({ ref }, k) =>
          ["Alex Morgan", "Sam Rivera"].map((name) => ({ ...ref, name, companyId: companies[k]!.id, role: "interviewer" as const })),
        ),
      )
      .returning({ id: s.contacts.id });
    await db.insert(s.interviewParticipants).values(
      slots.flatMap(({ ref }, k) =>
        [0, 1].map((p) => ({ ...ref, interviewId: interviewRows[k]!.id, contactId: contacts[2 * k + p]!.id, discussed: "The release process." })),
      ),
    );
    await db.insert(s.commitments).values(
      slots.map(({ ref }, k) => ({
        ...ref,
        applicationId: applications[k]!.id,
        interviewId: interviewRows[k]!.id,
        contactId: contacts[2 * k]!.id,
        description: "Send the write-up of the migration project",
        dueAt: new Date(+now + (40 + (k % 30)) * hour),
      })),
    );
    slots.forEach(({ ref }, k) => seeded.push({ orgId: ref.orgId, applicationId: applications[k]!.id }));
  }
  return seeded;
}

/** Each application re-planned in its own tenant transaction, as after a debrief. */
export async function plan(db: Database, seeded: Seeded[], now: Date, concurrency: number): Promise<void> {
  const { replanApplication } = await import("../../server/services/reminders/replan");
  await forEachConcurrently(seeded, concurrency, async ({ orgId, applicationId }) => {
    await withOrg(db, orgId, (tx) => replanApplication(tx, { orgId, applicationId }, now));
  });
}

/**
 * Makes `count` planned reminders due: those already due first (a proposal whose morning has
 * come), then the others with their due time moved to now, taking the kinds in turn so that
 * every template is rendered. Answers their ids.
 */
export async function makeDue(db: Database, count: number, now: Date): Promise<string[]> {
  const at = now.toISOString();
  const chosen = await rows<{ id: string }>(
    db,
    sql`select id from (
          select id, due_at <= ${at}::timestamptz as due, row_number() over (partition by kind order by due_at, id) as turn
          from reminders where status = 'pending'
        ) ranked order by due desc, turn, id limit ${count}`,
  );
  const ids = chosen.map((row) => row.id);
  for (let i = 0; i < ids.length; i += 1000) {
    await db
      .update(s.reminders)
      .set({ dueAt: new Date(+now - 60_000) })
      .where(and(inArray(s.reminders.id, ids.slice(i, i + 1000)), sql`${s.reminders.dueAt} > ${at}::timestamptz`));
  }
  return ids;
}

