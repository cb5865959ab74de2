import { TRPCError } from "@trpc/server";
import { addDays, addHours, addMinutes } from "date-fns";
import { describe, expect, it } from "vitest";
import * as s from "../../../db/schema";
import { createApplication, createCommitment, createInterview, createPractice } from "../../factories";
import { callerFor } from "../../helpers/callers";
import { useTestDatabase } from "../../helpers/db";

describe("client dashboard", () => {
  const test = useTestDatabase();

  it("shows today's follow-ups, due promises, upcoming interviews, pipeline, drafts, activity and shared coach messages", async () => {
    const p = await createPractice(test.db);
    const ref = { orgId: p.org.id, clientId: p.client.membership.id };
    const api = callerFor(test.db, p.client.user);
    const slug = { orgSlug: p.org.slug };
    const now = new Date();

    const { id: applicationId } = await api.application.create({ ...slug, companyName: "Acme", roleTitle: "Designer", status: "interviewing" });
    await createApplication(test.db, ref, { status: "applied" });
    await createApplication(test.db, ref, { status: "applied", archivedAt: now });
    const soon = await createInterview(test.db, { ...ref, applicationId }, { startsAt: addDays(now, 2), timeZone: "America/New_York" });
    await createInterview(test.db, { ...ref, applicationId }, { startsAt: addDays(now, 20) });

    const reminder = (
      kind: (typeof s.reminderKind.enumValues)[number],
      dueAt: Date,
      status: "pending" | "sent" | "cancelled" = "pending",
      interviewId: string | null = null,
    ) => ({
      orgId: p.org.id,
      recipientMembershipId: p.client.membership.id,
      clientId: p.client.membership.id,
      applicationId,
      interviewId,
      kind,
      reason: `Because ${kind}`,
      dueAt,
      status,
      dedupeKey: `${kind}/${crypto.randomUUID()}/v1`,
    });
    const [checkInDraft] = await test.db
      .insert(s.drafts)
      .values({ ...ref, applicationId, kind: "check_in", subject: "Checking in", body: "Hello" })
      .returning();
    // A follow-up letter whose moment has not come yet waits on the drafts page, not here.
    await test.db
      .insert(s.drafts)
      .values({ ...ref, applicationId, kind: "follow_up_letter", subject: "Later", body: "Hello", availableAt: new Date(Date.now() + 86_400_000) });
    await test.db.insert(s.reminders).values([
      reminder("check_in", addDays(now, -2)),
      reminder("thank_you_due", addMinutes(now, -5), "pending", soon.id),
      reminder("prepare", addDays(now, 3)),
      reminder("debrief", addDays(now, -1), "cancelled"),
    ]);
    const dueCommitment = await createCommitment(test.db, ref, { applicationId, description: "Send portfolio", dueAt: addHours(now, -3) });
    await createCommitment(test.db, ref, { description: "Later promise", dueAt: addDays(now, 5) });
    await createCommitment(test.db, ref, { description: "Done promise", dueAt: addHours(now, -3), doneAt: now });

    await test.db.insert(s.coachNotes).values([
      { ...ref, authorMembershipId: p.coach.membership.id, visibility: "shared", body: "Great progress this week" },
      { ...ref, authorMembershipId: p.coach.membership.id, visibility: "private", body: "PRIVATE: worried about confidence" },
    ]);
    await test.db.insert(s.nudges).values({ ...ref, coachMembershipId: p.coach.membership.id, message: "Did you send the thank-you notes?" });

    // Another client's rows never show up.
    const otherRef = { orgId: p.org.id, clientId: p.otherClient.membership.id };
    const theirs = await createApplication(test.db, otherRef, { status: "offer", roleTitle: "Their role" });
    await createInterview(test.db, { ...otherRef, applicationId: theirs.id }, { startsAt: addDays(now, 1) });
    await createCommitment(test.db, otherRef, { description: "Their promise", dueAt: addHours(now, -1) });
    await test.db.insert(s.coachNotes).values({ ...otherRef, authorMembershipId: p.otherCoach.membership.id, visibility: "shared", body: "Their note" });
    await test.db.insert(s.drafts).values({ ...otherRef, kind: "thank_you", subject: "Their draft", body: "x" });

    const dashboard = await api.dashboard.client(slug);

    const kinds = dashboard.followUps.map((f) => f.kind);
    expect(kinds).toEqual(["check_in", "thank_you_due"]);
    const checkIn = dashboard.followUps[0]!;
    expect(checkIn.overdue).toBe(true);
    expect(checkIn.reason).toBe("Because check_in");
    expect(checkIn.action.href).toBe(`/${p.org.slug}/drafts/${checkInDraft!.id}`);
    expect(dashboard.followUps[1]!.action.href).toBe(`/${p.org.slug}/interviews/${soon.id}`);

    expect(dashboard.dueCommitments.map((c) => c.id)).toEqual([dueCommitment.id]);
    expect(dashboard.dueCommitments[0]!.overdue).toBe(true);

    expect(dashboard.upcomingInterviews.map((i) => i.id)).toEqual([soon.id]);
    expect(dashboard.upcomingInterviews[0]!.timeZone).toBe("America/New_York");
    expect(dashboard.viewerTimeZone).toBe("UTC");

    const counts = Object.fromEntries(dashboard.pipeline.map((row) => [row.status, row.count]));
    expect(counts).toMatchObject({ interviewing: 1, applied: 1, offer: 0 });

    expect(dashboard.draftsWaiting.total).toBe(1);
    expect(dashboard.draftsWaiting.items.map((d) => d.id)).toEqual([checkInDraft!.id]);
    expect(dashboard.recentActivity.map((a) => a.kind)).toContain("application.created");

    expect(dashboard.messages.map((m) => m.body)).toEqual(["Did you send the thank-you notes?", "Great progress this week"]);
    const everything = JSON.stringify(dashboard);
    expect(everything).not.toContain("PRIVATE");
    expect(everything).not.toContain("Their");
  });

  it("never shows private notes, even to the coach, and only to those who may see the client", async () => {
    const p = await createPractice(test.db);
    const ref = { orgId: p.org.id, clientId: p.client.membership.id };
    await test.db.insert(s.coachNotes).values({ ...ref, authorMembershipId: p.coach.membership.id, visibility: "private", body: "Only for coaches" });
    const about = { orgSlug: p.org.slug, clientId: p.client.membership.id };

    const asCoach = await callerFor(test.db, p.coach.user).dashboard.client(about);
    expect(asCoach.messages).toEqual([]);
    const error = await callerFor(test.db, p.otherCoach.user).dashboard.client(about).catch((e: unknown) => e);
    expect((error as TRPCError).code).toBe("NOT_FOUND");
    const foreign = await createPractice(test.db);
    const intruder = await callerFor(test.db, foreign.owner.user).dashboard.client(about).catch((e: unknown) => e);
    expect((intruder as TRPCError).code).toBe("NOT_FOUND");
  });
});
