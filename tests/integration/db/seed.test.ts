import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "../../../db";
import * as s from "../../../db/schema";
import { seedDemo } from "../../../db/seed";
import { rows } from "../../../db/sql";
import { createTestDatabase, useTestDatabase } from "../../helpers/db";

// 11:00 in New York, where the featured client lives: outside quiet hours.
const NOW = new Date("2026-03-10T16:00:00Z");
const TABLES = ["users", "organizations", "memberships", "coach_assignments", "companies", "applications", "application_status_history", "interviews", "contacts", "contact_links", "interview_participants", "commitments", "activities"];

async function snapshot(db: Database) {
  const result: Record<string, string[]> = {};
  for (const table of TABLES) {
    const all = await rows<Record<string, unknown>>(db, sql.raw(`select * from "${table}"`));
    // created_at/updated_at record when the row was inserted, not demo content.
    result[table] = all.map(({ created_at: _c, updated_at: _u, ...rest }) => JSON.stringify(rest)).sort();
  }
  return result;
}

describe("demo seed", () => {
  const test = useTestDatabase();

  it("creates the documented demo: two practices, an owner, two coaches and eight clients", async () => {
    await seedDemo(test.db, { now: NOW });
    const counts = await rows<{ slug: string; role: string; n: number }>(
      test.db,
      sql`select o.slug, m.role, count(*)::int as n from memberships m join organizations o on o.id = m.org_id
          group by o.slug, m.role order by o.slug, m.role`,
    );
    expect(counts).toEqual(
      expect.arrayContaining([
        { slug: "northstar", role: "owner", n: 1 },
        { slug: "northstar", role: "coach", n: 2 },
        { slug: "northstar", role: "client", n: 8 },
        { slug: "harbor", role: "client", n: 2 },
      ]),
    );
    const statuses = await test.db.selectDistinct({ status: s.applications.status }).from(s.applications);
    expect(statuses.map((r) => r.status).sort()).toEqual([...s.applicationStatus.enumValues].sort());

    const [interviews] = await rows<{ past_debriefed: number; past_open: number; upcoming: number; zones: number }>(
      test.db,
      sql`select count(*) filter (where starts_at < ${NOW.toISOString()}::timestamptz and debriefed_at is not null)::int as past_debriefed,
                 count(*) filter (where starts_at < ${NOW.toISOString()}::timestamptz and debriefed_at is null)::int as past_open,
                 count(*) filter (where starts_at > ${NOW.toISOString()}::timestamptz)::int as upcoming,
                 count(distinct time_zone) filter (where starts_at > ${NOW.toISOString()}::timestamptz)::int as zones
          from interviews`,
    );
    expect(interviews!.past_debriefed).toBeGreaterThan(0);
    expect(interviews!.past_open).toBeGreaterThan(0);
    expect(interviews!.upcoming).toBeGreaterThan(0);
    expect(interviews!.zones).toBeGreaterThan(1);
    expect(await test.db.$count(s.contactLinks)).toBeGreaterThan(0);
    expect(await test.db.$count(s.commitments)).toBeGreaterThan(0);
  });

  it("plans every application through the planner, so reminders wait from the first minute and nothing stale is due", async () => {
    const stale = await rows<{ n: number }>(test.db, sql`select count(*)::int as n from reminders where status = 'pending' and due_at < ${NOW.toISOString()}::timestamptz`);
    expect(stale[0]!.n).toBe(0);
    const unplanned = await rows<{ id: string }>(
      test.db,
      sql`select a.id from applications a where a.status in ('interviewing', 'offer')
          and not exists (select 1 from reminders r where r.application_id = a.id)`,
    );
    expect(unplanned).toEqual([]);

    // Sam, the featured client: each fresh moment of the demo is there.
    const [sam] = await rows<{ id: string }>(test.db, sql`select m.id from memberships m join users u on u.id = m.user_id where u.email = 'sam@clients.example'`);
    const pending = await rows<{ kind: string; due_at: Date | string }>(
      test.db,
      sql`select kind, due_at from reminders where client_id = ${sam!.id} and status = 'pending' order by due_at`,
    );
    const minutesAhead = (r: { due_at: Date | string }) => (+new Date(r.due_at) - +NOW) / 60_000;
    const thankYou = pending.filter((r) => r.kind === "thank_you_due").map(minutesAhead);
    expect(Math.min(...thankYou)).toBeGreaterThan(0);
    expect(Math.min(...thankYou)).toBeLessThanOrEqual(3);
    const checkIn = pending.filter((r) => r.kind === "check_in").map(minutesAhead);
    expect(checkIn.some((m) => m > 5 * 24 * 60 && m < 9 * 24 * 60)).toBe(true);
    expect(pending.some((r) => r.kind === "commitment_due" && minutesAhead(r) > 0 && minutesAhead(r) < 36 * 60)).toBe(true);
    const drafts = await rows<{ kind: string }>(
      test.db,
      sql`select d.kind from drafts d join interviews i on i.id = d.interview_id
          where d.client_id = ${sam!.id} and d.status = 'draft' and i.ends_at between ${new Date(+NOW - 61 * 60_000).toISOString()}::timestamptz and ${NOW.toISOString()}::timestamptz`,
    );
    expect(drafts.map((d) => d.kind)).toContain("thank_you");
    const [upcoming] = await rows<{ n: number }>(
      test.db,
      sql`select count(*)::int as n from interviews where client_id = ${sam!.id} and status = 'scheduled'
          and starts_at between ${NOW.toISOString()}::timestamptz and ${new Date(+NOW + 2 * 86_400_000).toISOString()}::timestamptz`,
    );
    expect(upcoming!.n).toBeGreaterThan(0);
    const [future] = await rows<{ n: number }>(test.db, sql`select count(*)::int as n from applications where updated_at > ${NOW.toISOString()}::timestamptz or status_changed_at > ${NOW.toISOString()}::timestamptz`);
    expect(future!.n).toBe(0);
  });

  it("is idempotent: a second run adds and changes nothing", async () => {
    const before = await snapshot(test.db);
    await seedDemo(test.db, { now: NOW });
    expect(await snapshot(test.db)).toEqual(before);
  });

  it("is deterministic: a fresh database seeded for the same day holds the same rows", async () => {
    const other = await createTestDatabase();
    try {
      await seedDemo(other.db, { now: NOW });
      expect(await snapshot(other.db)).toEqual(await snapshot(test.db));
    } finally {
      await other.close();
    }
  });
});
