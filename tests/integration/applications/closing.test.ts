import { addDays, addHours } from "date-fns";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as s from "../../../db/schema";
import { createCommitment, createInterview, createPractice } from "../../factories";
import { callerFor } from "../../helpers/callers";
import { useTestDatabase } from "../../helpers/db";

describe("closing an application", () => {
  const test = useTestDatabase();

  async function rejectedWithFollowUps() {
    const p = await createPractice(test.db);
    const ref = { orgId: p.org.id, clientId: p.client.membership.id };
    const client = callerFor(test.db, p.client.user);
    const coach = callerFor(test.db, p.coach.user);
    const slug = { orgSlug: p.org.slug };
    const now = new Date();
    const { id: applicationId } = await client.application.create({ ...slug, companyName: "Brightline Health", roleTitle: "Analyst", status: "interviewing" });
    const upcoming = await createInterview(test.db, { ...ref, applicationId }, { startsAt: addHours(now, 20) });
    // Before this week whatever today is, so only the cancelled one could count as this week's.
    const past = await createInterview(test.db, { ...ref, applicationId }, { startsAt: addDays(now, -10), status: "completed" });
    const promise = await createCommitment(test.db, ref, { applicationId, description: "Share a work sample", dueAt: addHours(now, -2) });
    const unrelated = await createCommitment(test.db, ref, { description: "Update my CV", dueAt: addHours(now, -1) });

    const before = await coach.coach.overview({ ...slug });
    expect(before.rows.find((r) => r.clientId === ref.clientId)).toMatchObject({ overdueCommitments: 2 });

    await client.application.changeStatus({ ...slug, applicationId, status: "rejected" });
    return { p, ref, client, coach, slug, applicationId, upcoming, past, promise, unrelated };
  }

  it("cancels its interviews still ahead and releases its open promises, everywhere they are read", async () => {
    const { ref, client, coach, slug, upcoming, past, promise, unrelated, applicationId } = await rejectedWithFollowUps();

    const [ahead] = await test.db.select().from(s.interviews).where(eq(s.interviews.id, upcoming.id));
    const [behind] = await test.db.select().from(s.interviews).where(eq(s.interviews.id, past.id));
    expect(ahead!.status).toBe("cancelled");
    expect(behind!.status).toBe("completed");

    const dashboard = await client.dashboard.client({ ...slug });
    expect(dashboard.upcomingInterviews.map((i) => i.id)).not.toContain(upcoming.id);
    expect(dashboard.dueCommitments.map((c) => c.id)).toEqual([unrelated.id]);

    const open = await client.commitment.list({ ...slug, status: "open" });
    expect(open.map((c) => c.id)).toEqual([unrelated.id]);
    const closed = await client.commitment.list({ ...slug, status: "done" });
    expect(closed).toEqual([expect.objectContaining({ id: promise.id, overdue: false, releasedAt: expect.any(Date), doneAt: null })]);

    const row = (await coach.coach.overview({ ...slug })).rows.find((r) => r.clientId === ref.clientId)!;
    expect(row).toMatchObject({ overdueCommitments: 1, interviewsThisWeek: 0, interviewsNextWeek: 0, activeApplications: 0 });

    const pending = await test.db
      .select({ kind: s.reminders.kind })
      .from(s.reminders)
      .where(and(eq(s.reminders.applicationId, applicationId), eq(s.reminders.status, "pending")));
    expect(pending.map((r) => r.kind)).not.toContain("commitment_overdue");
    expect(pending.map((r) => r.kind)).not.toContain("prepare");

    const [activity] = await test.db
      .select({ summary: s.activities.summary })
      .from(s.activities)
      .where(and(eq(s.activities.applicationId, applicationId), eq(s.activities.kind, "application.status_changed")));
    expect(activity!.summary).toContain("cancelled 1 upcoming interview and released 1 open promise as no longer needed");
  });

  it("lets the client keep a released promise, which is then owed and reminded again", async () => {
    const { ref, client, coach, slug, promise, applicationId } = await rejectedWithFollowUps();
    await client.commitment.reopen({ ...slug, commitmentId: promise.id });

    const open = await client.commitment.list({ ...slug, status: "open" });
    expect(open.find((c) => c.id === promise.id)).toMatchObject({ overdue: true, releasedAt: null });
    const row = (await coach.coach.overview({ ...slug })).rows.find((r) => r.clientId === ref.clientId)!;
    expect(row.overdueCommitments).toBe(2);
    const pending = await test.db
      .select({ kind: s.reminders.kind })
      .from(s.reminders)
      .where(and(eq(s.reminders.applicationId, applicationId), eq(s.reminders.status, "pending"), eq(s.reminders.commitmentId, promise.id)));
    expect(pending.map((r) => r.kind)).toContain("commitment_overdue");
  });

  it("archiving closes an application the same way", async () => {
    const p = await createPractice(test.db);
    const ref = { orgId: p.org.id, clientId: p.client.membership.id };
    const client = callerFor(test.db, p.client.user);
    const slug = { orgSlug: p.org.slug };
    const { id: applicationId } = await client.application.create({ ...slug, companyName: "Acme", roleTitle: "Designer", status: "interviewing" });
    const upcoming = await createInterview(test.db, { ...ref, applicationId }, { startsAt: addDays(new Date(), 2) });
    const promise = await createCommitment(test.db, ref, { applicationId, dueAt: addDays(new Date(), 1) });
    await client.application.archive({ ...slug, applicationId });
    const [interview] = await test.db.select().from(s.interviews).where(eq(s.interviews.id, upcoming.id));
    const [commitment] = await test.db.select().from(s.commitments).where(eq(s.commitments.id, promise.id));
    expect(interview!.status).toBe("cancelled");
    expect(commitment!.releasedAt).not.toBeNull();
  });

  it("refuses a promise dated in the past with a field message", async () => {
    const p = await createPractice(test.db);
    const client = callerFor(test.db, p.client.user);
    await expect(client.commitment.create({ orgSlug: p.org.slug, description: "Send it", dueAt: addHours(new Date(), -1) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
