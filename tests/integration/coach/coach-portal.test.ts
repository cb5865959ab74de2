import { TRPCError } from "@trpc/server";
import { addDays, addHours } from "date-fns";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { z, ZodError } from "zod";
import * as s from "../../../db/schema";
import { rows } from "../../../db/sql";
import { DomainError } from "../../../server/errors";
import { deliverReminder } from "../../../server/delivery/deliver";
import { coachOverview } from "../../../server/services/coach/overview";
import { ZOverviewInput } from "../../../server/services/coach/schemas";
import { assignCoach, createApplication, createInterview, createMember, createPractice } from "../../factories";
import { callerFor } from "../../helpers/callers";
import { useTestDatabase } from "../../helpers/db";
import { followThroughFixture } from "./fixtures";
import { countingDb } from "./statement-counter";

const test = useTestDatabase();

/** The messages a form would show next to each field (zod issues, or a domain error's field). */
async function fieldErrorsOf(promise: Promise<unknown>): Promise<Record<string, string>> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof TRPCError) || error.code !== "BAD_REQUEST") throw error;
    if (error.cause instanceof ZodError) {
      const fields = z.flattenError(error.cause).fieldErrors as Record<string, string[] | undefined>;
      return Object.fromEntries(Object.entries(fields).map(([key, messages]) => [key, messages![0]!]));
    }
    if (error.cause instanceof DomainError && error.cause.field) return { [error.cause.field]: error.message };
    throw error;
  }
  throw new Error("expected the call to be refused");
}

async function codeOf(promise: Promise<unknown>) {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

describe("coach.overview", () => {
  it("computes follow-through rates that match a hand-computed fixture", async () => {
    const p = await createPractice(test.db);
    await followThroughFixture(test.db, { orgId: p.org.id, clientId: p.client.membership.id });
    const overview = await callerFor(test.db, p.coach.user).coach.overview({ orgSlug: p.org.slug });
    expect(overview.total).toBe(1);
    const row = overview.rows[0]!;
    expect(row.clientId).toBe(p.client.membership.id);
    expect(row.thankYou).toEqual({ due: 4, onTime: 2, rate: 0.5 });
    expect(row.checkIn).toEqual({ due: 2, onTime: 1, rate: 0.5 });
    expect(row.commitments).toEqual({ due: 3, onTime: 1, rate: 1 / 3 });
    expect(row.followThroughRate).toBeCloseTo(4 / 9, 10);
    expect(row.followUpsDue).toBe(1);
    expect(row.overdueReminders).toBe(1);
    expect(row.overdueCommitments).toBe(1);
    expect(row.overdue).toBe(2);
    expect(row.activeApplications).toBe(1);
    expect(row.goneQuiet).toBe(false);
    expect(row.lastActivityAt).toBeInstanceOf(Date);
    expect(row.coaches.map((c) => c.membershipId)).toEqual([p.coach.membership.id]);
  });

  it("counts interviews this week and next week in the organisation's time zone", async () => {
    const p = await createPractice(test.db);
    await test.db.update(s.organizations).set({ timeZone: "America/New_York" }).where(eq(s.organizations.id, p.org.id));
    const ref = { orgId: p.org.id, clientId: p.client.membership.id };
    const app = await createApplication(test.db, ref);
    // Wednesday 2030-01-09 12:00 New York. Sunday 23:30 New York is still this week (Monday 04:30 UTC).
    const now = new Date("2030-01-09T17:00:00Z");
    const at = (iso: string) => createInterview(test.db, { ...ref, applicationId: app.id }, { startsAt: new Date(iso) });
    await at("2030-01-14T04:30:00Z"); // Sunday 13th, 23:30 local: this week
    await at("2030-01-14T15:00:00Z"); // Monday 14th local: next week
    await at("2030-01-07T04:00:00Z"); // Sunday 6th, 23:00 local: last week
    const scope = { orgId: p.org.id, timeZone: "America/New_York", policy: s.DEFAULT_POLICY, membership: { id: p.owner.membership.id, role: "owner" as const } };
    const overview = await coachOverview(test.db, scope, ZOverviewInput.parse({}), now);
    const row = overview.rows.find((r) => r.clientId === p.client.membership.id)!;
    expect([row.interviewsThisWeek, row.interviewsNextWeek]).toEqual([1, 1]);
  });

  it("sorts, filters, searches and paginates on the server", async () => {
    const p = await createPractice(test.db);
    const api = callerFor(test.db, p.owner.user);
    await followThroughFixture(test.db, { orgId: p.org.id, clientId: p.client.membership.id });
    const extra = await Promise.all([1, 2, 3].map(() => createMember(test.db, p.org.id, "client")));
    // One client has gone quiet: joined long ago, no activity since.
    await test.db.update(s.memberships).set({ createdAt: addDays(new Date(), -60) }).where(eq(s.memberships.id, extra[0]!.membership.id));

    const byOverdue = await api.coach.overview({ orgSlug: p.org.slug, sort: "overdue", direction: "desc" });
    expect(byOverdue.total).toBe(5);
    expect(byOverdue.rows[0]!.clientId).toBe(p.client.membership.id);

    const quiet = await api.coach.overview({ orgSlug: p.org.slug, goneQuiet: true });
    expect(quiet.rows.map((r) => r.clientId)).toEqual([extra[0]!.membership.id]);
    const overdue = await api.coach.overview({ orgSlug: p.org.slug, hasOverdue: true });
    expect(overdue.rows.map((r) => r.clientId)).toEqual([p.client.membership.id]);
    const mine = await api.coach.overview({ orgSlug: p.org.slug, coachId: p.otherCoach.membership.id });
    expect(mine.rows.map((r) => r.clientId)).toEqual([p.otherClient.membership.id]);
    const found = await api.coach.overview({ orgSlug: p.org.slug, search: extra[1]!.user.email.slice(0, 14) });
    expect(found.rows.map((r) => r.clientId)).toEqual([extra[1]!.membership.id]);
    // A search matching everyone pages like the whole list, counts every match on every page,
    // keeps to the other filters, and to the clients a coach is assigned.
    const everyone = await api.coach.overview({ orgSlug: p.org.slug, search: "@TEST.example" });
    const searchPages = [await api.coach.overview({ orgSlug: p.org.slug, search: "@test.example", pageSize: 2, sort: "overdue", direction: "desc" })];
    while (searchPages.at(-1)!.nextCursor) {
      searchPages.push(await api.coach.overview({ orgSlug: p.org.slug, search: "@test.example", pageSize: 2, sort: "overdue", direction: "desc", cursor: searchPages.at(-1)!.nextCursor! }));
    }
    expect(searchPages.map((page) => [page.total, page.rows.length])).toEqual([[5, 2], [5, 2], [5, 1]]);
    expect(searchPages.flatMap((page) => page.rows.map((r) => r.clientId))).toEqual(byOverdue.rows.map((r) => r.clientId));
    expect(everyone.total).toBe(5);
    const quietMatches = await api.coach.overview({ orgSlug: p.org.slug, search: "@test.example", goneQuiet: true });
    expect([quietMatches.total, quietMatches.rows.map((r) => r.clientId)]).toEqual([1, [extra[0]!.membership.id]]);
    const coachMatches = await callerFor(test.db, p.coach.user).coach.overview({ orgSlug: p.org.slug, search: "@test.example" });
    expect([coachMatches.total, coachMatches.rows.map((r) => r.clientId)]).toEqual([1, [p.client.membership.id]]);

    const page1 = await api.coach.overview({ orgSlug: p.org.slug, pageSize: 2 });
    const page2 = await api.coach.overview({ orgSlug: p.org.slug, pageSize: 2, cursor: page1.nextCursor! });
    const page3 = await api.coach.overview({ orgSlug: p.org.slug, pageSize: 2, cursor: page2.nextCursor! });
    expect(page1.rows).toHaveLength(2);
    expect(page1.previousCursor).toBeNull();
    expect(page3.rows).toHaveLength(1);
    expect(page3.nextCursor).toBeNull();
    expect(page1.total).toBe(5);
    const seen = [...page1.rows, ...page2.rows, ...page3.rows].map((r) => r.clientId);
    expect(new Set(seen).size).toBe(5);
    const back = await api.coach.overview({ orgSlug: p.org.slug, pageSize: 2, cursor: page3.previousCursor! });
    expect(back.rows.map((r) => r.clientId)).toEqual(page2.rows.map((r) => r.clientId));
    expect(await codeOf(api.coach.overview({ orgSlug: p.org.slug, cursor: "not-a-cursor" }))).toBe("BAD_REQUEST");
    expect(await codeOf(api.coach.overview({ orgSlug: p.org.slug, pageSize: 101 }))).toBe("BAD_REQUEST");
  });

  it("uses the same number of SQL statements for 2 clients and for 20", async () => {
    const counter = countingDb(test.connection);
    const measure = async (clients: number) => {
      const p = await createPractice(test.db);
      for (let i = 2; i < clients; i++) {
        const c = await createMember(test.db, p.org.id, "client");
        await assignCoach(test.db, p.org.id, p.coach.membership.id, c.membership.id);
        await createApplication(test.db, { orgId: p.org.id, clientId: c.membership.id });
      }
      const overview = await callerFor(counter.db, p.owner.user).coach.overview({ orgSlug: p.org.slug });
      expect(overview.total).toBe(clients);
      counter.reset();
      await callerFor(counter.db, p.owner.user).coach.overview({ orgSlug: p.org.slug, sort: "followThroughRate" });
      return counter.count();
    };
    const small = await measure(2);
    const large = await measure(20);
    expect(small).toBe(large);
    expect(large).toBeLessThanOrEqual(4);
  });
});

describe("what a coach may see", () => {
  it("an unassigned coach sees none of a client's data, in rows, detail or charts", async () => {
    const p = await createPractice(test.db);
    const ref = { orgId: p.org.id, clientId: p.client.membership.id };
    await followThroughFixture(test.db, ref);
    await createApplication(test.db, ref, { status: "offer" });
    const other = callerFor(test.db, p.otherCoach.user);

    const overview = await other.coach.overview({ orgSlug: p.org.slug });
    expect(overview.rows.map((r) => r.clientId)).toEqual([p.otherClient.membership.id]);
    expect(overview.rows[0]!.activeApplications).toBe(0);
    // Filtering by the other coach cannot widen what this coach sees.
    const widened = await other.coach.overview({ orgSlug: p.org.slug, coachId: p.coach.membership.id });
    expect(widened.total).toBe(0);

    const charts = await other.coach.charts({ orgSlug: p.org.slug, clientId: p.client.membership.id });
    expect(charts.funnel.every((stage) => stage.count === 0)).toBe(true);
    expect(charts.followThrough.perClient).toEqual([]);
    expect(charts.followThrough.overall.every((w) => w.due === 0)).toBe(true);
    expect(charts.interviewsPerWeek.every((w) => w.count === 0)).toBe(true);

    const ownerCharts = await callerFor(test.db, p.owner.user).coach.charts({ orgSlug: p.org.slug, clientId: p.client.membership.id });
    expect(ownerCharts.funnel.find((f) => f.status === "offer")!.count).toBe(1);
    expect(ownerCharts.followThrough.perClient.map((c) => c.id)).toEqual([p.client.membership.id]);
    expect(ownerCharts.followThrough.perCoach.map((c) => c.id)).toEqual([p.coach.membership.id]);

    expect(await codeOf(other.coach.clientDetail({ orgSlug: p.org.slug, clientId: p.client.membership.id }))).toBe("NOT_FOUND");
    expect(await codeOf(other.note.list({ orgSlug: p.org.slug, clientId: p.client.membership.id }))).toBe("NOT_FOUND");
  });

  it("reassigning a client ends the first coach's access", async () => {
    const p = await createPractice(test.db);
    const owner = callerFor(test.db, p.owner.user);
    const coach = callerFor(test.db, p.coach.user);
    const about = { orgSlug: p.org.slug, clientId: p.client.membership.id };
    expect(await codeOf(coach.coach.clientDetail(about))).toBe("ok");
    await owner.member.assign({ orgSlug: p.org.slug, coachMembershipId: p.otherCoach.membership.id, clientMembershipIds: [p.client.membership.id] });
    await owner.member.unassign({ orgSlug: p.org.slug, coachMembershipId: p.coach.membership.id, clientMembershipId: p.client.membership.id });
    expect(await codeOf(coach.coach.clientDetail(about))).toBe("NOT_FOUND");
    expect(await codeOf(coach.nudge.send({ ...about, message: "Hello" }))).toBe("NOT_FOUND");
    expect((await coach.coach.overview({ orgSlug: p.org.slug })).total).toBe(0);
    expect(await codeOf(callerFor(test.db, p.otherCoach.user).coach.clientDetail(about))).toBe("ok");
  });

  it("a client never reaches the coach procedures", async () => {
    const p = await createPractice(test.db);
    const client = callerFor(test.db, p.client.user);
    const about = { orgSlug: p.org.slug, clientId: p.client.membership.id };
    expect(await codeOf(client.coach.overview({ orgSlug: p.org.slug }))).toBe("FORBIDDEN");
    expect(await codeOf(client.coach.charts({ orgSlug: p.org.slug }))).toBe("FORBIDDEN");
    expect(await codeOf(client.coach.clientDetail(about))).toBe("FORBIDDEN");
    expect(await codeOf(client.coach.clientDetail({ orgSlug: p.org.slug }))).toBe("FORBIDDEN");
    expect(await codeOf(client.note.create({ ...about, body: "Self note", visibility: "shared" }))).toBe("FORBIDDEN");
    expect(await codeOf(client.nudge.send({ ...about, message: "Me" }))).toBe("FORBIDDEN");
    expect(await codeOf(client.coach.assignTask({ ...about, description: "Do it", dueAt: addDays(new Date(), 1) }))).toBe("FORBIDDEN");
    expect(await codeOf(client.settings.get({ orgSlug: p.org.slug }))).toBe("FORBIDDEN");
  });
});

describe("client detail", () => {
  it("returns every section in a constant number of statements", async () => {
    const p = await createPractice(test.db);
    const ref = { orgId: p.org.id, clientId: p.client.membership.id };
    await followThroughFixture(test.db, ref);
    const counter = countingDb(test.connection);
    const coach = callerFor(counter.db, p.coach.user);
    await coach.note.create({ orgSlug: p.org.slug, clientId: ref.clientId, body: "Private thought", visibility: "private" });
    counter.reset();
    const detail = await coach.coach.clientDetail({ orgSlug: p.org.slug, clientId: ref.clientId });
    expect(counter.count()).toBeLessThanOrEqual(5);
    expect(detail.profile.clientId).toBe(ref.clientId);
    expect(detail.pipeline.find((c) => c.status === "interviewing")!.applications).toHaveLength(1);
    expect(detail.commitments).toHaveLength(4);
    expect(detail.notes.map((n) => n.body)).toEqual(["Private thought"]);
    expect(detail.drafts[0]!.kind).toBe("check_in");
    expect(detail.timeline[0]!.occurredAt).toBeInstanceOf(Date);
    expect(detail.scheduledReminders.length).toBeGreaterThan(0);
    expect(detail.sentReminders.map((r) => r.kind)).toEqual(["thank_you_due"]);
  });

  it("answers NOT_FOUND for another organisation's client", async () => {
    const p = await createPractice(test.db);
    const foreign = await createPractice(test.db);
    const owner = callerFor(test.db, p.owner.user);
    expect(await codeOf(owner.coach.clientDetail({ orgSlug: p.org.slug, clientId: foreign.client.membership.id }))).toBe("NOT_FOUND");
    expect(await codeOf(owner.client.archive({ orgSlug: p.org.slug, clientId: foreign.client.membership.id }))).toBe("NOT_FOUND");
  });
});

describe("notes, nudges, draft comments and tasks", () => {
  it("never shows a private note to the client, and only the author edits a note", async () => {
    const p = await createPractice(test.db);
    const about = { orgSlug: p.org.slug, clientId: p.client.membership.id };
    const coach = callerFor(test.db, p.coach.user);
    const priv = await coach.note.create({ ...about, body: "Seems anxious about salary talk", visibility: "private" });
    await coach.note.create({ ...about, body: "Great debrief notes this week", visibility: "shared" });

    const client = callerFor(test.db, p.client.user);
    const seen = await client.note.list(about);
    expect(seen.map((n) => n.body)).toEqual(["Great debrief notes this week"]);
    expect((await client.note.list({ orgSlug: p.org.slug })).map((n) => n.visibility)).toEqual(["shared"]);
    const timeline = await rows<{ summary: string; data: unknown }>(
      test.db,
      sql`select summary, data::text as data from activities where client_id = ${p.client.membership.id}`,
    );
    expect(JSON.stringify(timeline)).not.toContain("anxious");
    expect(JSON.stringify(timeline)).not.toContain(priv.id);

    expect((await coach.note.list(about)).map((n) => n.body).sort()).toEqual(["Great debrief notes this week", "Seems anxious about salary talk"]);
    const owner = callerFor(test.db, p.owner.user);
    expect(await codeOf(owner.note.update({ ...about, noteId: priv.id, body: "Rewritten" }))).toBe("FORBIDDEN");
    expect(await codeOf(owner.note.delete({ ...about, noteId: priv.id }))).toBe("FORBIDDEN");
    const updated = await coach.note.update({ ...about, noteId: priv.id, visibility: "shared" });
    expect(updated.visibility).toBe("shared");
    await coach.note.delete({ ...about, noteId: priv.id });
    expect(await codeOf(coach.note.delete({ ...about, noteId: priv.id }))).toBe("NOT_FOUND");

    // Another organisation's note, by id, is NOT_FOUND.
    const foreign = await createPractice(test.db);
    const [foreignNote] = await test.db
      .insert(s.coachNotes)
      .values({ orgId: foreign.org.id, clientId: foreign.client.membership.id, authorMembershipId: foreign.coach.membership.id, body: "x" })
      .returning();
    expect(await codeOf(coach.note.update({ ...about, noteId: foreignNote!.id, body: "y" }))).toBe("NOT_FOUND");
  });

  it("a nudge creates exactly one coach_nudge reminder, delivered once", async () => {
    const p = await createPractice(test.db);
    const about = { orgSlug: p.org.slug, clientId: p.client.membership.id };
    const nudge = await callerFor(test.db, p.coach.user).nudge.send({ ...about, message: "Any news from Northwind?" });
    const found = await test.db.select().from(s.reminders).where(and(eq(s.reminders.orgId, p.org.id), eq(s.reminders.kind, "coach_nudge")));
    expect(found).toHaveLength(1);
    expect(found[0]!.dedupeKey).toBe(`coach_nudge/${nudge.id}`);
    expect(found[0]!.recipientMembershipId).toBe(p.client.membership.id);

    // Half a day on: past the client's quiet hours, whenever this test runs.
    const first = await deliverReminder(test.db, found[0]!.id, { now: addHours(new Date(), 12) });
    const second = await deliverReminder(test.db, found[0]!.id, { now: addHours(new Date(), 12) });
    expect(first.status).toBe("sent");
    expect(second.status).not.toBe("sent");
    const [{ emails }] = await rows<{ emails: number }>(test.db, sql`select count(*)::int as emails from outbox_emails where "to" = ${p.client.user.email}`) as [{ emails: number }];
    expect(emails).toBe(1);

    const client = callerFor(test.db, p.client.user);
    expect((await client.nudge.list({ orgSlug: p.org.slug })).map((n) => n.message)).toEqual(["Any news from Northwind?"]);
    const read = await client.nudge.markRead({ orgSlug: p.org.slug, nudgeId: nudge.id });
    expect(read.readAt).toBeInstanceOf(Date);
    expect(await codeOf(callerFor(test.db, p.coach.user).nudge.send({ ...about, message: "x".repeat(1001) }))).toBe("BAD_REQUEST");
  });

  it("comments on a draft and assigns a task tied to an application", async () => {
    const p = await createPractice(test.db);
    const ref = { orgId: p.org.id, clientId: p.client.membership.id };
    const about = { orgSlug: p.org.slug, clientId: ref.clientId };
    const app = await createApplication(test.db, ref, { status: "interviewing" });
    const [draft] = await test.db.insert(s.drafts).values({ ...ref, applicationId: app.id, kind: "thank_you", subject: "Thanks", body: "Thank you" }).returning();
    const coach = callerFor(test.db, p.coach.user);
    await coach.note.commentOnDraft({ ...about, draftId: draft!.id, body: "Mention the roadmap" });
    const comments = await callerFor(test.db, p.client.user).note.draftComments({ orgSlug: p.org.slug, draftId: draft!.id });
    expect(comments.map((c) => c.body)).toEqual(["Mention the roadmap"]);
    const foreign = await createPractice(test.db);
    const otherApp = await createApplication(test.db, { orgId: foreign.org.id, clientId: foreign.client.membership.id });
    const [foreignDraft] = await test.db
      .insert(s.drafts)
      .values({ orgId: foreign.org.id, clientId: foreign.client.membership.id, kind: "thank_you", subject: "x", body: "y" })
      .returning();
    expect(await codeOf(coach.note.commentOnDraft({ ...about, draftId: foreignDraft!.id, body: "Hi" }))).toBe("NOT_FOUND");

    const task = await coach.coach.assignTask({ ...about, description: "Send the portfolio link", dueAt: addDays(new Date(), 3), applicationId: app.id });
    expect(task.source).toBe("coach_task");
    expect(task.assignedByMembershipId).toBe(p.coach.membership.id);
    const planned = await test.db.select().from(s.reminders).where(and(eq(s.reminders.orgId, p.org.id), eq(s.reminders.commitmentId, task.id)));
    expect(planned.map((r) => r.kind)).toContain("commitment_due");
    expect(await codeOf(coach.coach.assignTask({ ...about, description: "Nope", dueAt: addDays(new Date(), 1), applicationId: otherApp.id }))).toBe("NOT_FOUND");
    expect(await codeOf(coach.coach.assignTask({ ...about, description: "Past", dueAt: addDays(new Date(), -1) }))).toBe("BAD_REQUEST");
  });
});

describe("organisation admin", () => {
  it("archiving hides a client from the active overview and keeps their data read-only", async () => {
    const p = await createPractice(test.db);
    const owner = callerFor(test.db, p.owner.user);
    await createApplication(test.db, { orgId: p.org.id, clientId: p.client.membership.id });
    await owner.client.archive({ orgSlug: p.org.slug, clientId: p.client.membership.id });
    const active = await owner.coach.overview({ orgSlug: p.org.slug });
    expect(active.rows.map((r) => r.clientId)).toEqual([p.otherClient.membership.id]);
    const archived = await owner.coach.overview({ orgSlug: p.org.slug, status: "archived" });
    expect(archived.rows.map((r) => r.clientId)).toEqual([p.client.membership.id]);
    const coach = callerFor(test.db, p.coach.user);
    const about = { orgSlug: p.org.slug, clientId: p.client.membership.id };
    expect((await coach.coach.clientDetail(about)).profile.status).toBe("archived");
    expect(await codeOf(coach.note.create({ ...about, body: "Still here?", visibility: "private" }))).toBe("BAD_REQUEST");
    expect(await codeOf(callerFor(test.db, p.client.user).nudge.list({ orgSlug: p.org.slug }))).toBe("NOT_FOUND");
    await owner.client.unarchive({ orgSlug: p.org.slug, clientId: p.client.membership.id });
    expect((await owner.coach.overview({ orgSlug: p.org.slug })).total).toBe(2);
    const audit = await owner.audit.list({ orgSlug: p.org.slug });
    expect(audit.entries.slice(0, 2).map((e) => e.action)).toEqual(["client.unarchived", "client.archived"]);
  });

  it("deleting a client cascades through their data and leaves an audit entry", async () => {
    const p = await createPractice(test.db);
    const ref = { orgId: p.org.id, clientId: p.client.membership.id };
    await followThroughFixture(test.db, ref);
    const owner = callerFor(test.db, p.owner.user);
    await callerFor(test.db, p.coach.user).note.create({ orgSlug: p.org.slug, clientId: ref.clientId, body: "Shared", visibility: "shared" });
    const wrong = owner.client.delete({ orgSlug: p.org.slug, clientId: ref.clientId, confirmation: "someone@else.example" });
    await expect(wrong).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("does not match") });
    await owner.client.delete({ orgSlug: p.org.slug, clientId: ref.clientId, confirmation: p.client.user.email.toUpperCase() });

    const left = await rows<Record<string, number>>(
      test.db,
      sql`select
        (select count(*)::int from memberships where id = ${ref.clientId}) as memberships,
        (select count(*)::int from applications where client_id = ${ref.clientId}) as applications,
        (select count(*)::int from interviews where client_id = ${ref.clientId}) as interviews,
        (select count(*)::int from interview_participants where client_id = ${ref.clientId}) as participants,
        (select count(*)::int from contacts where client_id = ${ref.clientId}) as contacts,
        (select count(*)::int from commitments where client_id = ${ref.clientId}) as commitments,
        (select count(*)::int from drafts where client_id = ${ref.clientId}) as drafts,
        (select count(*)::int from reminders where client_id = ${ref.clientId}) as reminders,
        (select count(*)::int from activities where client_id = ${ref.clientId}) as activities,
        (select count(*)::int from coach_notes where client_id = ${ref.clientId}) as notes,
        (select count(*)::int from coach_assignments where client_membership_id = ${ref.clientId}) as assignments`,
    );
    expect(Object.values(left[0]!).every((n) => n === 0)).toBe(true);
    const audit = await owner.audit.list({ orgSlug: p.org.slug });
    expect(audit.entries[0]).toMatchObject({ action: "client.deleted", targetId: ref.clientId });
    expect(JSON.stringify(audit.entries[0]!.data)).not.toContain(p.client.user.email);
    expect(await codeOf(owner.coach.clientDetail({ orgSlug: p.org.slug, clientId: ref.clientId }))).toBe("NOT_FOUND");
  });

  it("validates the policy field by field and as a whole, and audits changes", async () => {
    const p = await createPractice(test.db);
    const owner = callerFor(test.db, p.owner.user);
    const slug = { orgSlug: p.org.slug };
    expect(await fieldErrorsOf(owner.settings.updatePolicy({ ...slug, thankYouWindowHours: 0 }))).toEqual({
      thankYouWindowHours: expect.stringContaining("at least 1 hour"),
    });
    expect(await fieldErrorsOf(owner.settings.updatePolicy({ ...slug, prepareLocalTime: "25:00", goneQuietDays: 1.5 }))).toEqual({
      prepareLocalTime: expect.stringContaining("24-hour time"),
      goneQuietDays: expect.stringContaining("whole number"),
    });
    // Inside quiet hours (21:00–08:00): valid on its own, refused as a whole, named by field.
    expect(await fieldErrorsOf(owner.settings.updatePolicy({ ...slug, prepareLocalTime: "22:30" }))).toEqual({
      prepareLocalTime: expect.stringContaining("quiet hours"),
    });
    const policy = await owner.settings.updatePolicy({ ...slug, goneQuietDays: 10, thankYouWindowHours: 48 });
    expect(policy).toMatchObject({ goneQuietDays: 10, thankYouWindowHours: 48, prepareLocalTime: "18:00" });
    expect((await owner.settings.get(slug)).policy.goneQuietDays).toBe(10);
    const audit = await owner.audit.list(slug);
    expect(audit.entries[0]).toMatchObject({ action: "policy.updated", data: { changes: { goneQuietDays: { from: 14, to: 10 } } } });

    expect(Object.keys(await fieldErrorsOf(owner.settings.updateBranding({ ...slug, name: "P", brandColor: "teal", logoUrl: "http://x.example/a.png" }))).sort()).toEqual([
      "brandColor",
      "logoUrl",
      "name",
    ]);
    const branding = await owner.settings.updateBranding({ ...slug, name: "Bright Paths", brandColor: "#AA3300", logoUrl: "https://cdn.example/logo.png" });
    expect(branding).toEqual({ name: "Bright Paths", brandColor: "#aa3300", logoUrl: "https://cdn.example/logo.png" });
    expect((await owner.audit.list(slug)).entries[0]!.action).toBe("branding.updated");
  });
});
