import { addDays, subDays } from "date-fns";
import { eq } from "drizzle-orm";
import Papa from "papaparse";
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as s from "../../../db/schema";
import { assignCoach, createApplication, createInterview, createMember, createOrg, createPractice } from "../../factories";
import { callerFor } from "../../helpers/callers";
import { useTestDatabase } from "../../helpers/db";

const test = useTestDatabase();

// The route builds its context from the request's session; here the session is whoever `signedIn` names.
const session = vi.hoisted(() => ({ current: null as { id: string; email: string } | null, db: null as unknown }));
vi.mock("@/server/trpc/context", () => ({
  createContext: async () => ({
    db: session.db,
    session: session.current && { userId: session.current.id, email: session.current.email },
    ip: "203.0.113.9",
  }),
}));

let route: typeof import("../../../app/api/orgs/[orgSlug]/export/[report]/route");
beforeAll(async () => {
  route = await import("../../../app/api/orgs/[orgSlug]/export/[report]/route");
});

async function download(as: { id: string; email: string } | null, orgSlug: string, report: string, query = "") {
  session.db = test.db;
  session.current = as;
  const response = await route.GET(new Request(`http://localhost/api/orgs/${orgSlug}/export/${report}?${query}`), {
    params: Promise.resolve({ orgSlug, report }),
  });
  const text = await response.text();
  const parsed = response.ok ? Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true }) : null;
  return { status: response.status, type: response.headers.get("content-type"), rows: parsed?.data ?? [], text };
}

/** A practice of seven clients: four the coach's, three the other coach's; one placed, one in a cohort. */
async function bigPractice() {
  const p = await createPractice(test.db);
  const mine = [p.client];
  for (let i = 0; i < 3; i++) {
    const c = await createMember(test.db, p.org.id, "client");
    await assignCoach(test.db, p.org.id, p.coach.membership.id, c.membership.id);
    mine.push(c);
  }
  const theirs = [p.otherClient];
  for (let i = 0; i < 2; i++) {
    const c = await createMember(test.db, p.org.id, "client");
    await assignCoach(test.db, p.org.id, p.otherCoach.membership.id, c.membership.id);
    theirs.push(c);
  }
  const [cohort] = await test.db.insert(s.cohorts).values({ orgId: p.org.id, name: "Class of 2027" }).returning();
  await test.db.insert(s.cohortMembers).values([
    { orgId: p.org.id, cohortId: cohort!.id, clientMembershipId: mine[0]!.membership.id },
    { orgId: p.org.id, cohortId: cohort!.id, clientMembershipId: theirs[0]!.membership.id },
  ]);
  return { ...p, mine, theirs, cohort: cohort! };
}

describe("overview export (streamed CSV)", () => {
  it("gives an owner every row of the filtered overview, across batches, with no row twice", async () => {
    const p = await bigPractice();
    const all = await download(p.owner.user, p.org.slug, "overview", "limit=2&sort=name");
    expect(all.status).toBe(200);
    expect(all.type).toContain("text/csv");
    expect(all.rows).toHaveLength(7);
    expect(new Set(all.rows.map((r) => r.Email)).size).toBe(7);
    const names = all.rows.map((r) => (r.Name ?? "").toLowerCase());
    expect(names).toEqual([...names].sort());
    const cohort = await download(p.owner.user, p.org.slug, "overview", `limit=2&cohortId=${p.cohort.id}`);
    expect(cohort.rows.map((r) => r.Email).sort()).toEqual([p.mine[0]!.user.email, p.theirs[0]!.user.email].sort());
    expect(cohort.rows[0]!.Cohorts).toBe("Class of 2027");
  });

  it("gives a coach only their own clients, and refuses clients, strangers and bad filters", async () => {
    const p = await bigPractice();
    const coach = await download(p.coach.user, p.org.slug, "overview", "limit=3&sort=followThroughRate&direction=desc");
    expect(coach.rows.map((r) => r.Email).sort()).toEqual(p.mine.map((c) => c.user.email).sort());
    // Naming the other coach narrows the coach's own set: nothing of the other coach's leaks.
    const theirs = await download(p.coach.user, p.org.slug, "overview", `coachId=${p.otherCoach.membership.id}`);
    expect(theirs.rows).toEqual([]);
    expect((await download(p.client.user, p.org.slug, "overview")).status).toBe(403);
    expect((await download(null, p.org.slug, "overview")).status).toBe(401);
    const stranger = await createMember(test.db, (await createOrg(test.db)).id, "owner");
    expect((await download(stranger.user, p.org.slug, "overview")).status).toBe(404);
    expect((await download(p.owner.user, p.org.slug, "overview", "sort=salary")).status).toBe(400);
    expect((await download(p.owner.user, p.org.slug, "overview", "cursor=garbage")).status).toBe(400);
    expect((await download(p.owner.user, p.org.slug, "nothing")).status).toBe(404);
  });

  it("exports outcomes per cohort and per coach as a second file", async () => {
    const p = await bigPractice();
    const outcomes = await download(p.owner.user, p.org.slug, "outcomes");
    expect(outcomes.status).toBe(200);
    expect(outcomes.rows.map((r) => r.Group)).toEqual(["All clients", "Cohort", "Coach", "Coach"]);
    expect(outcomes.rows[0]!.Clients).toBe("7");
    expect((await download(p.client.user, p.org.slug, "outcomes")).status).toBe(403);
  });
});

describe("coach.outcomes", () => {
  it("counts placements, days to first interview and offer, per cohort and per coach", async () => {
    const p = await bigPractice();
    const now = new Date();
    const joined = subDays(now, 30);
    await test.db.update(s.memberships).set({ createdAt: joined }).where(eq(s.memberships.orgId, p.org.id));
    const ref = (c: { membership: { id: string } }) => ({ orgId: p.org.id, clientId: c.membership.id });
    // Client 0: interviewed on day 10, offer on day 20, accepted on day 25.
    const placed = await createApplication(test.db, ref(p.mine[0]!), { status: "accepted", statusChangedAt: addDays(joined, 25) });
    await test.db.insert(s.applicationStatusHistory).values({ ...ref(p.mine[0]!), applicationId: placed.id, toStatus: "offer", changedAt: addDays(joined, 20) });
    await createInterview(test.db, { ...ref(p.mine[0]!), applicationId: placed.id }, { startsAt: addDays(joined, 10), status: "completed" });
    // Client 1: interviewed on day 4; an interview ahead does not count yet.
    const other = await createApplication(test.db, ref(p.mine[1]!), { status: "interviewing" });
    await createInterview(test.db, { ...ref(p.mine[1]!), applicationId: other.id }, { startsAt: addDays(joined, 4), status: "completed" });
    const ahead = await createApplication(test.db, ref(p.theirs[0]!), { status: "interviewing" });
    await createInterview(test.db, { ...ref(p.theirs[0]!), applicationId: ahead.id }, { startsAt: addDays(now, 2) });

    const owner = await callerFor(test.db, p.owner.user).coach.outcomes({ orgSlug: p.org.slug });
    expect(owner.overall).toMatchObject({ clients: 7, placed: 1, interviewed: 2, offered: 1, medianDaysToOffer: 20 });
    expect(owner.overall.placementRate).toBeCloseTo(1 / 7);
    expect(owner.overall.medianDaysToFirstInterview).toBeCloseTo(7, 5);
    expect(owner.perCohort).toEqual([expect.objectContaining({ id: p.cohort.id, clients: 2, placed: 1 })]);
    expect(owner.perCoach.map((c) => [c.id, c.clients, c.placed])).toEqual(
      expect.arrayContaining([[p.coach.membership.id, 4, 1], [p.otherCoach.membership.id, 3, 0]]),
    );

    // The other coach sees only their three clients, in every group.
    const otherCoach = await callerFor(test.db, p.otherCoach.user).coach.outcomes({ orgSlug: p.org.slug });
    expect(otherCoach.overall).toMatchObject({ clients: 3, placed: 0, interviewed: 0 });
    expect(otherCoach.perCohort).toEqual([expect.objectContaining({ clients: 1, placed: 0 })]);
    expect(otherCoach.perCoach.map((c) => c.id)).toEqual([p.otherCoach.membership.id]);

    const filtered = await callerFor(test.db, p.owner.user).coach.outcomes({ orgSlug: p.org.slug, cohortId: p.cohort.id });
    expect(filtered.overall.clients).toBe(2);
  });

  it("answers an empty organisation with zeros and no groups", async () => {
    const org = await createOrg(test.db);
    const owner = await createMember(test.db, org.id, "owner");
    const outcomes = await callerFor(test.db, owner.user).coach.outcomes({ orgSlug: org.slug });
    expect(outcomes.overall).toMatchObject({ clients: 0, placed: 0, placementRate: null, medianDaysToOffer: null });
    expect(outcomes.perCohort).toEqual([]);
    expect(outcomes.perCoach).toEqual([]);
  });
});
