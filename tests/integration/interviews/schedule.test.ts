import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as s from "../../../db/schema";
import { createApplication, createContact, createInterview, createOrgWithEveryTable, createPractice } from "../../factories";
import { addParticipant, inDays } from "../../factories/workspace";
import { callerFor } from "../../helpers/callers";
import { useTestDatabase } from "../../helpers/db";
import { expectError, pendingReminders } from "./helpers";

describe("scheduling, rescheduling and cancelling interviews", () => {
  const test = useTestDatabase();

  async function setup() {
    const p = await createPractice(test.db);
    const ref = { orgId: p.org.id, clientId: p.client.membership.id };
    const application = await createApplication(test.db, ref, { status: "applied" });
    const api = callerFor(test.db, p.client.user);
    return { p, ref, application, api, orgSlug: p.org.slug };
  }

  it("creates the new interviewers as contacts at the company and moves the application to interviewing", async () => {
    const { p, ref, application, api, orgSlug } = await setup();
    const known = await createContact(test.db, ref, { name: "Recruiter Rosa", role: "recruiter", companyId: application.companyId });

    const interview = await api.interview.schedule({
      orgSlug,
      applicationId: application.id,
      kind: "video",
      round: 2,
      date: "2031-03-04",
      startTime: "10:00",
      durationMinutes: 45,
      timeZone: "Europe/Berlin",
      location: "https://meet.example/abc",
      interviewerIds: [known.id],
      newInterviewers: [
        { name: "Ada Park", title: "CTO", email: "Ada@Example.com" },
        { name: "Ben Ortiz", title: null, email: "" },
      ],
    });

    // 10:00 in Berlin (CET, UTC+1 in March) is 09:00 UTC.
    expect(interview.startsAt.toISOString()).toBe("2031-03-04T09:00:00.000Z");
    expect(interview.endsAt.toISOString()).toBe("2031-03-04T09:45:00.000Z");
    expect(interview.timeZone).toBe("Europe/Berlin");

    const created = await test.db.select().from(s.contacts).where(and(eq(s.contacts.orgId, p.org.id), eq(s.contacts.role, "interviewer")));
    expect(created.map((c) => [c.name, c.email, c.companyId]).sort()).toEqual([
      ["Ada Park", "ada@example.com", application.companyId],
      ["Ben Ortiz", null, application.companyId],
    ]);
    const participants = await test.db.select().from(s.interviewParticipants).where(eq(s.interviewParticipants.interviewId, interview.id));
    expect(participants).toHaveLength(3);

    const [moved] = await test.db.select().from(s.applications).where(eq(s.applications.id, application.id));
    expect(moved!.status).toBe("interviewing");
    expect(moved!.planVersion).toBe(application.planVersion + 1);
    const history = await test.db.select().from(s.applicationStatusHistory).where(eq(s.applicationStatusHistory.applicationId, application.id));
    expect(history.map((h) => [h.fromStatus, h.toStatus])).toEqual([["applied", "interviewing"]]);

    const kinds = (await pendingReminders(test.db, p.org.id, application.id)).map((r) => r.kind).sort();
    expect(kinds).toEqual(["debrief", "prepare"]);

    const activity = await test.db.select({ kind: s.activities.kind }).from(s.activities).where(eq(s.activities.clientId, ref.clientId));
    expect(activity.map((a) => a.kind).sort()).toEqual(["application.status_changed", "interview.scheduled"]);
  });

  it("leaves an application already past interviewing where it is", async () => {
    const { p, ref, api, orgSlug } = await setup();
    const offer = await createApplication(test.db, ref, { status: "offer" });
    await api.interview.schedule({ orgSlug, applicationId: offer.id, kind: "onsite", date: "2031-01-10", startTime: "09:00", endTime: "11:30", timeZone: "UTC" });
    const [row] = await test.db.select().from(s.applications).where(eq(s.applications.id, offer.id));
    expect(row!.status).toBe("offer");
    expect(await test.db.select().from(s.applicationStatusHistory).where(eq(s.applicationStatusHistory.orgId, p.org.id))).toHaveLength(0);
  });

  it("validates times and zones, with the field at fault", async () => {
    const { application, api, orgSlug } = await setup();
    const base = { orgSlug, applicationId: application.id, kind: "phone" as const, date: "2031-03-04", startTime: "10:00", durationMinutes: 30, timeZone: "UTC" };
    await expectError(api.interview.schedule({ ...base, timeZone: "Mars/Olympus" }), "BAD_REQUEST", "timeZone");
    await expectError(api.interview.schedule({ ...base, date: "2031-02-30" }), "BAD_REQUEST", "date");
    await expectError(api.interview.schedule({ ...base, startTime: "25:00" }), "BAD_REQUEST", "startTime");
    await expectError(api.interview.schedule({ ...base, durationMinutes: undefined }), "BAD_REQUEST", "durationMinutes");
    await expectError(api.interview.schedule({ ...base, durationMinutes: undefined, endTime: "09:00" }), "BAD_REQUEST", "endTime");
    await expectError(api.interview.schedule({ ...base, newInterviewers: [{ name: "", title: null, email: null }] }), "BAD_REQUEST", "newInterviewers");
  });

  it("refuses another client's contact or application, another organisation's rows, and coaches", async () => {
    const { p, application, api, orgSlug } = await setup();
    const theirs = await createContact(test.db, { orgId: p.org.id, clientId: p.otherClient.membership.id });
    const base = { orgSlug, applicationId: application.id, kind: "phone" as const, date: "2031-03-04", startTime: "10:00", durationMinutes: 30, timeZone: "UTC" };
    await expectError(api.interview.schedule({ ...base, interviewerIds: [theirs.id] }), "NOT_FOUND");
    const theirApplication = await createApplication(test.db, { orgId: p.org.id, clientId: p.otherClient.membership.id });
    await expectError(api.interview.schedule({ ...base, applicationId: theirApplication.id }), "NOT_FOUND");
    const foreign = await createOrgWithEveryTable(test.db);
    await expectError(api.interview.schedule({ ...base, applicationId: foreign.application.id }), "NOT_FOUND");
    await expectError(api.interview.byId({ orgSlug, interviewId: foreign.interview.id }), "NOT_FOUND");
    await expectError(api.interview.cancel({ orgSlug, interviewId: foreign.interview.id }), "NOT_FOUND");

    const coach = callerFor(test.db, p.coach.user);
    await expectError(coach.interview.schedule({ ...base, clientId: p.client.membership.id }), "FORBIDDEN");
    expect(await test.db.select().from(s.interviews).where(eq(s.interviews.orgId, p.org.id))).toHaveLength(0);
  });

  it("rescheduling bumps the plan version and replaces the pending reminder keys", async () => {
    const { p, application, api, orgSlug } = await setup();
    const interview = await api.interview.schedule({
      orgSlug, applicationId: application.id, kind: "video", date: "2031-03-04", startTime: "10:00", durationMinutes: 60, timeZone: "Europe/Berlin",
    });
    const before = (await pendingReminders(test.db, p.org.id, application.id)).filter((r) => r.interviewId === interview.id);
    expect(before.map((r) => r.key).sort()).toEqual([`debrief/${interview.id}/v1`, `prepare/${interview.id}/v1`]);

    const moved = await api.interview.reschedule({
      orgSlug, interviewId: interview.id, date: "2031-03-06", startTime: "09:30", endTime: "10:15", timeZone: "America/New_York",
    });
    expect(moved.planVersion).toBe(2);
    expect(moved.startsAt.toISOString()).toBe("2031-03-06T14:30:00.000Z");
    expect(moved.timeZone).toBe("America/New_York");

    const after = (await pendingReminders(test.db, p.org.id, application.id)).filter((r) => r.interviewId === interview.id);
    expect(after.map((r) => r.key).sort()).toEqual([`debrief/${interview.id}/v2`, `prepare/${interview.id}/v2`]);
    const debrief = after.find((r) => r.kind === "debrief")!;
    // An hour after the new end time (10:15 in New York, 15:15 UTC).
    expect(debrief.dueAt.toISOString()).toBe("2031-03-06T16:15:00.000Z");
    const old = await test.db.select({ status: s.reminders.status }).from(s.reminders).where(eq(s.reminders.dedupeKey, `prepare/${interview.id}/v1`));
    expect(old).toEqual([{ status: "cancelled" }]);
  });

  it("cancelling leaves no pending reminders for that interview, and cannot be done twice", async () => {
    const { p, ref, application, api, orgSlug } = await setup();
    const interview = await createInterview(test.db, { ...ref, applicationId: application.id }, { startsAt: inDays(4) });
    const contact = await createContact(test.db, ref);
    await addParticipant(test.db, { ...ref, interviewId: interview.id, contactId: contact.id });
    await api.interview.reschedule({ orgSlug, interviewId: interview.id, date: "2031-05-01", startTime: "09:00", durationMinutes: 30, timeZone: "UTC" });
    expect((await pendingReminders(test.db, p.org.id, application.id)).some((r) => r.interviewId === interview.id)).toBe(true);

    const cancelled = await api.interview.cancel({ orgSlug, interviewId: interview.id });
    expect(cancelled.status).toBe("cancelled");
    expect((await pendingReminders(test.db, p.org.id, application.id)).filter((r) => r.interviewId === interview.id)).toEqual([]);
    await expectError(api.interview.cancel({ orgSlug, interviewId: interview.id }), "BAD_REQUEST");
    await expectError(
      api.interview.reschedule({ orgSlug, interviewId: interview.id, date: "2031-05-02", startTime: "09:00", durationMinutes: 30, timeZone: "UTC" }),
      "BAD_REQUEST",
    );
  });

  it("lets the coach and the owner read the interview, but not the unassigned coach", async () => {
    const { p, ref, application, orgSlug } = await setup();
    const interview = await createInterview(test.db, { ...ref, applicationId: application.id });
    const clientId = p.client.membership.id;
    const seen = await callerFor(test.db, p.coach.user).interview.byId({ orgSlug, clientId, interviewId: interview.id });
    expect(seen.interview.id).toBe(interview.id);
    expect(seen.hasEnded).toBe(false);
    await callerFor(test.db, p.owner.user).interview.byId({ orgSlug, clientId, interviewId: interview.id });
    await expectError(callerFor(test.db, p.otherCoach.user).interview.byId({ orgSlug, clientId, interviewId: interview.id }), "NOT_FOUND");
    // The other client asking about this interview as their own finds nothing.
    await expectError(callerFor(test.db, p.otherClient.user).interview.byId({ orgSlug, interviewId: interview.id }), "NOT_FOUND");
  });
});
