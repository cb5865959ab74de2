import { and, eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as s from "../../../db/schema";
import { DEFAULT_POLICY } from "../../../db/schema";
import { rows } from "../../../db/sql";
import { coachCharts } from "../../../server/services/coach/charts";
import { directCharts } from "../../../server/services/coach/charts-direct";
import { directOverview } from "../../../server/services/coach/overview-direct";
import { unsafeRefreshAllClientMetrics } from "../../../server/services/coach/metrics";
import { coachOverview } from "../../../server/services/coach/overview";
import { ZOverviewInput } from "../../../server/services/coach/schemas";
import type { CoachScope } from "../../../server/services/coach/scope";
import { createApplication, createContact, createInterview, createMember, createPractice } from "../../factories";
import { useTestDatabase } from "../../helpers/db";

const test = useTestDatabase();

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Around a Monday midnight in several zones, and mid-week: week and day boundaries get exercised. */
const BASES = [Date.parse("2026-03-29T23:30:00Z"), Date.parse("2026-06-17T12:00:00Z"), Date.parse("2026-10-25T00:30:00Z")];
const ZONES = ["UTC", "Europe/London", "America/New_York", "Asia/Kolkata", "Pacific/Auckland"];

/** Offsets from the base instant, in minutes: from 220 days before to 40 days after. */
const offset = fc.integer({ min: -220 * 24 * 60, max: 40 * 24 * 60 });
const client = fc.integer({ min: 0, max: 1 });
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const interviewArb = fc.record({
  client,
  start: offset,
  minutes: fc.integer({ min: 15, max: 600 }),
  status: fc.constantFrom("scheduled", "completed", "cancelled"),
  debriefed: fc.boolean(),
  agreedDays: fc.option(fc.integer({ min: -3, max: 20 }), { nil: null }),
  notBeforeDays: fc.option(fc.integer({ min: 0, max: 15 }), { nil: null }),
  // Thank-you notes, in hours after the end (null: not sent).
  thanks: fc.array(fc.option(fc.integer({ min: 0, max: 72 }), { nil: null }), { maxLength: 2 }),
  // A check-in draft marked sent this many days after the target day (null: none).
  checkInSentDays: fc.option(fc.integer({ min: -1, max: 4 }), { nil: null }),
});
const historyArb = fc.record({
  base: fc.constantFrom(...BASES),
  zone: fc.constantFrom(...ZONES),
  windowHours: fc.constantFrom(1, 24, 48),
  checkInDays: fc.constantFrom(1, 7),
  quietDays: fc.constantFrom(3, 14),
  joinedDaysAgo: fc.integer({ min: 0, max: 60 }),
  /** Which of the two clients start in the cohort. */
  cohort: fc.subarray([0, 1]),
  applications: fc.array(
    fc.record({
      client,
      status: fc.constantFrom("saved", "applied", "interviewing", "offer", "accepted", "rejected", "withdrawn"),
      archived: fc.boolean(),
      changed: offset,
      history: fc.array(fc.record({ to: fc.constantFrom("applied", "interviewing", "offer", "accepted"), at: offset }), { maxLength: 2 }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  interviews: fc.array(interviewArb, { maxLength: 5 }),
  commitments: fc.array(
    fc.record({ client, due: offset, doneAfterMinutes: fc.option(fc.integer({ min: -3000, max: 3000 }), { nil: null }), released: fc.boolean() }),
    { maxLength: 4 },
  ),
  reminders: fc.array(
    fc.record({
      client,
      due: offset,
      kind: fc.constantFrom("prepare", "thank_you_due", "check_in", "commitment_due", "client_digest", "coach_nudge"),
      status: fc.constantFrom("pending", "pending", "sent", "cancelled"),
    }),
    { maxLength: 5 },
  ),
  activities: fc.array(fc.record({ client, at: offset }), { maxLength: 3 }),
  // Moments to read at: a random instant, or exactly at / just around an event of the history.
  moments: fc.array(
    fc.oneof(
      fc.record({ at: fc.integer({ min: -5 * 24 * 60, max: 100 * 24 * 60 }) }),
      fc.record({ event: fc.nat(), delta: fc.constantFrom(-1, 0, 1) }),
    ),
    { minLength: 2, maxLength: 4 },
  ),
  // Writes between readings.
  writes: fc.array(
    fc.oneof(
      fc.record({ op: fc.constant("completeCommitment" as const), index: fc.nat() }),
      fc.record({ op: fc.constant("sendReminder" as const), index: fc.nat() }),
      fc.record({ op: fc.constant("cancelInterview" as const), index: fc.nat() }),
      fc.record({ op: fc.constant("activity" as const), client }),
      fc.record({ op: fc.constant("changeStatus" as const), index: fc.nat(), status: fc.constantFrom("offer", "accepted", "rejected") }),
      fc.record({ op: fc.constant("policy" as const), zone: fc.constantFrom(...ZONES), windowHours: fc.constantFrom(2, 24) }),
      fc.record({ op: fc.constant("rename" as const), client }),
      // Clients move between coaches and cohorts, and leave: the charts' group sums follow.
      fc.record({ op: fc.constant("assign" as const), coach: fc.integer({ min: 0, max: 1 }), client }),
      fc.record({ op: fc.constant("unassign" as const), coach: fc.integer({ min: 0, max: 1 }), client }),
      fc.record({ op: fc.constant("joinCohort" as const), client }),
      fc.record({ op: fc.constant("leaveCohort" as const), client }),
      fc.record({ op: fc.constant("archive" as const), client, archived: fc.boolean() }),
    ),
    { maxLength: 3 },
  ),
});
type History = typeof historyArb extends fc.Arbitrary<infer T> ? T : never;

const keptFields = (row: Record<string, unknown>) => {
  const { coaches: _coaches, cohorts: _cohorts, ...rest } = row;
  return rest;
};

async function check(history: History) {
  const db = test.db;
  const p = await createPractice(db);
  const at = (minutes: number) => new Date(history.base + minutes * MINUTE);
  const policy = { ...DEFAULT_POLICY, thankYouWindowHours: history.windowHours, checkInDefaultDays: history.checkInDays, goneQuietDays: history.quietDays };
  await db.update(s.organizations).set({ timeZone: history.zone, policy }).where(eq(s.organizations.id, p.org.id));
  const clients = [p.client.membership.id, p.otherClient.membership.id];
  await db.update(s.memberships).set({ createdAt: new Date(history.base - history.joinedDaysAgo * DAY) }).where(eq(s.memberships.orgId, p.org.id));
  const ref = (c: number) => ({ orgId: p.org.id, clientId: clients[c]! });
  const coaches = [p.coach.membership.id, p.otherCoach.membership.id];
  // A coach with no clients: every chart of theirs is empty, whatever the others' clients do.
  const unassigned = await createMember(db, p.org.id, "coach");
  const [cohort] = await db.insert(s.cohorts).values({ orgId: p.org.id, name: `Cohort ${p.org.id}` }).returning();
  for (const c of history.cohort) await db.insert(s.cohortMembers).values({ orgId: p.org.id, cohortId: cohort!.id, clientMembershipId: clients[c]! });
  const events: number[] = [];

  const apps: Array<{ id: string; client: number }> = [];
  for (const a of history.applications) {
    const app = await createApplication(db, ref(a.client), { status: a.status, statusChangedAt: at(a.changed), archivedAt: a.archived ? at(a.changed) : null });
    apps.push({ id: app.id, client: a.client });
    for (const h of a.history) {
      await db.insert(s.applicationStatusHistory).values({ ...ref(a.client), applicationId: app.id, toStatus: h.to, changedAt: at(h.at) });
    }
    events.push(at(a.changed).getTime());
  }
  const appFor = async (c: number) => apps.find((a) => a.client === c)?.id ?? (await createApplication(db, ref(c))).id;
  const interviews: string[] = [];
  for (const i of history.interviews) {
    const applicationId = await appFor(i.client);
    const startsAt = at(i.start);
    const endsAt = new Date(startsAt.getTime() + i.minutes * MINUTE);
    const row = await createInterview(db, { ...ref(i.client), applicationId }, {
      startsAt, endsAt, status: i.status,
      debriefedAt: i.debriefed ? endsAt : null,
      agreedCheckInOn: i.agreedDays === null ? null : isoDay(endsAt.getTime() + i.agreedDays * DAY),
      notBeforeOn: i.notBeforeDays === null ? null : isoDay(endsAt.getTime() + i.notBeforeDays * DAY),
    });
    interviews.push(row.id);
    events.push(startsAt.getTime(), endsAt.getTime(), endsAt.getTime() + history.windowHours * 3600_000);
    for (const hours of i.thanks) {
      const contact = await createContact(db, ref(i.client));
      await db.insert(s.interviewParticipants).values({
        ...ref(i.client), interviewId: row.id, contactId: contact.id,
        thankYouSentAt: hours === null ? null : new Date(endsAt.getTime() + hours * 3600_000),
      });
    }
    if (i.checkInSentDays !== null) {
      const target = endsAt.getTime() + (i.agreedDays ?? history.checkInDays) * DAY;
      await db.insert(s.drafts).values({
        ...ref(i.client), applicationId, interviewId: row.id, kind: "check_in", subject: "Checking in", body: "Hello",
        status: "sent", sentAt: new Date(target + i.checkInSentDays * DAY),
      });
    }
  }
  const commitments: string[] = [];
  for (const c of history.commitments) {
    const [row] = await db.insert(s.commitments).values({
      ...ref(c.client), description: "Send references", dueAt: at(c.due),
      doneAt: c.doneAfterMinutes === null ? null : at(c.due + c.doneAfterMinutes),
      releasedAt: c.released ? at(c.due - 60) : null,
    }).returning();
    commitments.push(row!.id);
    events.push(at(c.due).getTime(), at(c.due).getTime() + 90 * DAY);
  }
  const reminders: string[] = [];
  for (const [n, r] of history.reminders.entries()) {
    const [row] = await db.insert(s.reminders).values({
      orgId: p.org.id, recipientMembershipId: clients[r.client]!, clientId: clients[r.client]!, kind: r.kind, reason: "Test",
      dueAt: at(r.due), dedupeKey: `prop/${p.org.id}/${n}`, status: r.status,
    }).returning();
    reminders.push(row!.id);
    events.push(at(r.due).getTime());
  }
  for (const a of history.activities) {
    await db.insert(s.activities).values({ ...ref(a.client), kind: "application.created", summary: "Added", occurredAt: at(a.at) });
  }

  const moments = history.moments
    .map((m) => ("at" in m ? at(m.at).getTime() : events.length ? events[m.event % events.length]! + m.delta : history.base))
    .sort((a, b) => a - b);
  const scope = async (membership: CoachScope["membership"] = { id: p.owner.membership.id, role: "owner" }): Promise<CoachScope> => {
    const [org] = await db.select().from(s.organizations).where(eq(s.organizations.id, p.org.id));
    return { orgId: p.org.id, timeZone: org!.timeZone, policy: org!.policy, membership };
  };

  for (const [n, moment] of moments.entries()) {
    const now = new Date(moment);
    const current = await scope();
    const kept = await coachOverview(db, current, ZOverviewInput.parse({ pageSize: 100 }), now);
    const direct = await directOverview(db, current, { pageSize: 100 }, now);
    const byId = (list: Array<{ clientId: string }>) => Object.fromEntries(list.map((r) => [r.clientId, keptFields(r)]));
    expect(byId(kept.rows), `at ${now.toISOString()} (${current.timeZone})`).toEqual(byId(direct.rows));
    await compareOutcomeFacts(p.org.id, now);
    const bySeries = (charts: Awaited<ReturnType<typeof coachCharts>>) => ({
      ...charts,
      followThrough: {
        overall: charts.followThrough.overall,
        perCoach: [...charts.followThrough.perCoach].sort((a, b) => a.id.localeCompare(b.id)),
        perClient: charts.followThrough.perClient,
      },
    });
    // The owner's charts overall and for the cohort, a coach's (their clients only, also within
    // the cohort) and an unassigned coach's: the pre-summed groups against the direct computation.
    const coachScope = await scope({ id: coaches[n % 2]!, role: "coach" });
    const views: Array<[string, CoachScope, { clientId?: string; cohortId?: string }]> = [
      ["owner", current, { clientId: clients[n % 2] }],
      ["owner, cohort", current, { cohortId: cohort!.id, clientId: clients[(n + 1) % 2] }],
      ["coach", coachScope, { clientId: clients[n % 2] }],
      ["coach, cohort", coachScope, { cohortId: cohort!.id }],
      ["unassigned coach", await scope({ id: unassigned.membership.id, role: "coach" }), { clientId: clients[0] }],
    ];
    for (const [label, viewer, chartInput] of views) {
      expect(bySeries(await coachCharts(db, viewer, chartInput, now)), `charts (${label}) at ${now.toISOString()}`).toEqual(
        bySeries(await directCharts(db, viewer, chartInput, now)),
      );
    }

    const write = history.writes[n];
    if (!write) continue;
    const pick = <T,>(list: T[], index: number) => (list.length ? list[index % list.length] : undefined);
    if (write.op === "completeCommitment") {
      const id = pick(commitments, write.index);
      if (id) await db.update(s.commitments).set({ doneAt: now }).where(eq(s.commitments.id, id));
    } else if (write.op === "sendReminder") {
      const id = pick(reminders, write.index);
      if (id) await db.update(s.reminders).set({ status: "sent", sentAt: now }).where(eq(s.reminders.id, id));
    } else if (write.op === "cancelInterview") {
      const id = pick(interviews, write.index);
      if (id) await db.update(s.interviews).set({ status: "cancelled" }).where(eq(s.interviews.id, id));
    } else if (write.op === "activity") {
      await db.insert(s.activities).values({ ...ref(write.client), kind: "note", summary: "Wrote", occurredAt: now });
    } else if (write.op === "changeStatus") {
      const app = pick(apps, write.index)!;
      await db.update(s.applications).set({ status: write.status, statusChangedAt: now }).where(eq(s.applications.id, app.id));
    } else if (write.op === "policy") {
      await db.update(s.organizations)
        .set({ timeZone: write.zone, policy: { ...current.policy, thankYouWindowHours: write.windowHours } })
        .where(eq(s.organizations.id, p.org.id));
    } else if (write.op === "assign") {
      await db.insert(s.coachAssignments).values({ orgId: p.org.id, coachMembershipId: coaches[write.coach]!, clientMembershipId: clients[write.client]! })
        .onConflictDoNothing();
    } else if (write.op === "unassign") {
      await db.delete(s.coachAssignments).where(and(eq(s.coachAssignments.coachMembershipId, coaches[write.coach]!),
        eq(s.coachAssignments.clientMembershipId, clients[write.client]!)));
    } else if (write.op === "joinCohort") {
      await db.insert(s.cohortMembers).values({ orgId: p.org.id, cohortId: cohort!.id, clientMembershipId: clients[write.client]! }).onConflictDoNothing();
    } else if (write.op === "leaveCohort") {
      await db.delete(s.cohortMembers).where(and(eq(s.cohortMembers.cohortId, cohort!.id), eq(s.cohortMembers.clientMembershipId, clients[write.client]!)));
    } else if (write.op === "archive") {
      await db.update(s.memberships).set({ status: write.archived ? "archived" : "active" }).where(eq(s.memberships.id, clients[write.client]!));
    } else {
      const [member] = await db.select({ userId: s.memberships.userId }).from(s.memberships).where(eq(s.memberships.id, clients[write.client]!));
      await db.update(s.users).set({ name: `Renamed ${moment}` }).where(eq(s.users.id, member!.userId));
    }
  }
}

/** The kept outcome facts against their definitions, read straight from the history. */
async function compareOutcomeFacts(orgId: string, now: Date) {
  const [mismatch] = await rows<{ client_id: string }>(
    test.db,
    sql`select cm.client_id from client_metrics cm
      cross join lateral (select
        (select min(starts_at) from interviews i where i.org_id = cm.org_id and i.client_id = cm.client_id and i.status <> 'cancelled') as first_interview_at,
        (select min(x) from (
          select h.changed_at as x from application_status_history h where h.org_id = cm.org_id and h.client_id = cm.client_id and h.to_status in ('offer', 'accepted')
          union all select a.status_changed_at from applications a where a.org_id = cm.org_id and a.client_id = cm.client_id and a.status in ('offer', 'accepted')) o) as first_offer_at,
        (select min(status_changed_at) from applications a where a.org_id = cm.org_id and a.client_id = cm.client_id and a.status = 'accepted') as placed_at,
        (select created_at from memberships m where m.org_id = cm.org_id and m.id = cm.client_id) as joined_at) d
      where cm.org_id = ${orgId} and (cm.first_interview_at is distinct from d.first_interview_at or cm.first_offer_at is distinct from d.first_offer_at
        or cm.placed_at is distinct from d.placed_at or cm.joined_at is distinct from d.joined_at)`,
  );
  expect(mismatch, `outcome facts at ${now.toISOString()}`).toBeUndefined();
}

describe("kept client metrics", () => {
  it("equal the direct computation for every metric, for random histories, writes and moments", async () => {
    await fc.assert(fc.asyncProperty(historyArb, check), { numRuns: Number(process.env.KEPT_METRICS_RUNS ?? 40), endOnFailure: true, seed: process.env.KEPT_METRICS_SEED ? Number(process.env.KEPT_METRICS_SEED) : undefined });
  }, 600_000);
});

describe("the schedule's upkeep", () => {
  it("recomputes marked rows and rows past their next change in every organisation, and nothing else", async () => {
    const a = await createPractice(test.db);
    const b = await createPractice(test.db);
    const now = new Date();
    await unsafeRefreshAllClientMetrics(test.db, now);
    const marks = async () => (await rows<{ n: number }>(test.db, sql`select count(*)::int as n from client_metric_marks
      where org_id in (${a.org.id}, ${b.org.id})`))[0]!.n;
    expect(await marks()).toBe(0);

    // A write marks its client; a commitment due in an hour gives the row a next change.
    const application = await createApplication(test.db, { orgId: b.org.id, clientId: b.client.membership.id });
    await test.db.insert(s.commitments).values({ orgId: b.org.id, clientId: b.client.membership.id, applicationId: application.id,
      description: "Send the portfolio", dueAt: new Date(now.getTime() + 3600_000) });
    expect(await marks()).toBe(1);
    expect(await unsafeRefreshAllClientMetrics(test.db, now)).toBe(1);
    expect(await marks()).toBe(0);
    const kept = async () => (await test.db.select().from(s.clientMetrics).where(eq(s.clientMetrics.clientId, b.client.membership.id)))[0]!;
    expect((await kept()).activeApplications).toBe(1);
    expect((await kept()).changesAt.getTime()).toBe(now.getTime() + 3600_000);
    expect(await unsafeRefreshAllClientMetrics(test.db, now)).toBe(0);

    // Two hours later the commitment is overdue: the schedule finds the row without any write.
    expect(await unsafeRefreshAllClientMetrics(test.db, new Date(now.getTime() + 7200_000))).toBeGreaterThanOrEqual(1);
    expect((await kept()).overdueCommitments).toBe(1);
  });
});
