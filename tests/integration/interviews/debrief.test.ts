import { addHours } from "date-fns";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as s from "../../../db/schema";
import { createContact, createInterview, createOrgWithEveryTable, createPractice } from "../../factories";
import { createEndedInterview, inDays } from "../../factories/workspace";
import { callerFor } from "../../helpers/callers";
import { useTestDatabase } from "../../helpers/db";
import { expectError, pendingReminders } from "./helpers";

describe("debriefing an interview", () => {
  const test = useTestDatabase();

  async function setup() {
    const p = await createPractice(test.db);
    const ref = { orgId: p.org.id, clientId: p.client.membership.id };
    await test.db
      .update(s.users)
      .set({ name: "Sam Client", headline: "Analyst who ships dashboards people use", accomplishments: ["Cut onboarding time by half"] })
      .where(eq(s.users.id, p.client.user.id));
    const ended = await createEndedInterview(test.db, ref);
    const [priya, tom] = ended.interviewers;
    // Someone in the network knows Priya: the debrief suggests asking them for a good word.
    const friend = await createContact(test.db, ref, { name: "Maya Friend", role: "peer" });
    await test.db.insert(s.contactLinks).values({ ...ref, contactId: friend.id, knowsContactId: priya.id });
    const api = callerFor(test.db, p.client.user);
    const input = {
      orgSlug: p.org.slug,
      interviewId: ended.interview.id,
      askedForJob: true,
      nextSteps: "A take-home exercise, then a panel",
      expectAnswerBy: null,
      preferredChannel: "email" as const,
      agreedCheckInOn: null,
      notBeforeOn: null,
      promises: [{ description: "Send a work sample", dueAt: inDays(2), contactId: priya.id }],
      interviewers: [
        { contactId: priya.id, discussed: "How the data team plans its quarter", challengesDiscussed: ["Slow onboarding"] },
        { contactId: tom.id, discussed: "Hiring two more analysts", challengesDiscussed: ["Unreliable nightly pipelines"] },
      ],
      companyChallenges: ["unreliable  nightly pipelines", "Too many dashboards nobody reads"],
    };
    return { p, ref, ...ended, priya, tom, friend, api, input };
  }

  const draftsOf = (orgId: string, interviewId: string) =>
    test.db.select().from(s.drafts).where(and(eq(s.drafts.orgId, orgId), eq(s.drafts.interviewId, interviewId)));

  it("records the debrief, a commitment per promise, and one thank-you and follow-up letter per interviewer", async () => {
    const { p, application, interview, priya, tom, friend, api, input } = await setup();
    const result = await api.interview.debrief(input);

    expect(result.interview.status).toBe("completed");
    expect(result.interview.debriefedAt).toBeInstanceOf(Date);
    expect(result.interview.askedForJob).toBe(true);
    expect(result.interview.preferredChannel).toBe("email");

    const drafts = await draftsOf(p.org.id, interview.id);
    const thankYous = drafts.filter((d) => d.kind === "thank_you");
    expect(thankYous).toHaveLength(2);
    expect(thankYous.find((d) => d.contactId === priya.id)!.body).toMatch(/^Hi Priya,/);
    expect(thankYous.find((d) => d.contactId === tom.id)!.body).toMatch(/^Hi Tom,/);
    const letters = drafts.filter((d) => d.kind === "follow_up_letter");
    expect(letters.map((d) => d.contactId).sort()).toEqual([priya.id, tom.id].sort());
    expect(drafts.filter((d) => d.kind === "proposal")).toHaveLength(1);

    // The thank-you notes are for now; the letters wait for the thank-you window to close, the
    // proposal for the next morning, so the drafts page shows what to do now.
    const debriefedAt = result.interview.debriefedAt!;
    for (const note of thankYous) expect(+note.availableAt).toBeLessThanOrEqual(+debriefedAt + 1000);
    const windowCloses = +interview.endsAt + 24 * 60 * 60 * 1000;
    for (const letter of letters) expect(+letter.availableAt).toBeGreaterThanOrEqual(Math.max(windowCloses, +debriefedAt));
    expect(+drafts.find((d) => d.kind === "proposal")!.availableAt).toBeGreaterThan(+debriefedAt);
    const asks = drafts.filter((d) => d.kind === "networking_ask");
    expect(asks.map((d) => d.contactId)).toEqual([friend.id]);
    expect(drafts.every((d) => d.status === "draft" && d.generationKey)).toBe(true);

    const promises = await test.db.select().from(s.commitments).where(eq(s.commitments.interviewId, interview.id));
    expect(promises).toHaveLength(1);
    expect(promises[0]).toMatchObject({ source: "promise", description: "Send a work sample", contactId: priya.id, applicationId: application.id });

    // The company keeps its stated challenges, de-duplicated regardless of case and spacing.
    const [company] = await test.db.select().from(s.companies).where(eq(s.companies.id, application.companyId));
    // The first wording of a challenge is kept.
    expect(company!.challenges).toEqual(["slow onboarding", "unreliable nightly pipelines", "Too many dashboards nobody reads"]);

    const participants = await test.db.select().from(s.interviewParticipants).where(eq(s.interviewParticipants.interviewId, interview.id));
    expect(participants.find((x) => x.contactId === tom.id)!.discussed).toBe("Hiring two more analysts");

    const kinds = (await pendingReminders(test.db, p.org.id, application.id)).map((r) => r.kind);
    expect(kinds).toContain("thank_you_due");
    expect(kinds).toContain("commitment_due");
    expect(kinds).toContain("check_in");
    expect(kinds).not.toContain("debrief");
  });

  it("saving the debrief again updates it without duplicating drafts, promises or people", async () => {
    const { p, interview, priya, api, input } = await setup();
    await api.interview.debrief(input);
    const before = await draftsOf(p.org.id, interview.id);
    const remindersBefore = await pendingReminders(test.db, p.org.id, interview.applicationId);

    const again = await api.interview.debrief({ ...input, nextSteps: "A panel next week", askedForJob: false });
    expect(again.createdDrafts).toEqual([]);
    expect(again.interview.nextSteps).toBe("A panel next week");
    expect((await draftsOf(p.org.id, interview.id)).map((d) => d.id).sort()).toEqual(before.map((d) => d.id).sort());
    expect(await test.db.select().from(s.commitments).where(eq(s.commitments.interviewId, interview.id))).toHaveLength(1);
    expect(await test.db.select().from(s.interviewParticipants).where(eq(s.interviewParticipants.interviewId, interview.id))).toHaveLength(2);
    expect((await pendingReminders(test.db, p.org.id, interview.applicationId)).map((r) => r.key).sort()).toEqual(
      remindersBefore.map((r) => r.key).sort(),
    );

    // Editing a promise by id keeps its row; a new due date gives it new reminder keys.
    const [promise] = await test.db.select().from(s.commitments).where(eq(s.commitments.interviewId, interview.id));
    await api.interview.debrief({ ...input, promises: [{ id: promise!.id, description: "Send two work samples", dueAt: inDays(3), contactId: priya.id }] });
    const [edited] = await test.db.select().from(s.commitments).where(eq(s.commitments.interviewId, interview.id));
    expect(edited).toMatchObject({ id: promise!.id, description: "Send two work samples", planVersion: 2 });

    // Removing it from the debrief removes the open promise.
    await api.interview.debrief({ ...input, promises: [] });
    expect(await test.db.select().from(s.commitments).where(eq(s.commitments.interviewId, interview.id))).toHaveLength(0);
  });

  it("is only offered once the interview has ended, with dates on or after the interview", async () => {
    const { p, ref, application, interview, api, input } = await setup();
    const upcoming = await createInterview(test.db, { ...ref, applicationId: application.id }, { startsAt: inDays(1) });
    await expectError(api.interview.debrief({ ...input, interviewId: upcoming.id, interviewers: [], promises: [] }), "BAD_REQUEST", "interviewId");

    const dayBefore = new Date(+interview.startsAt - 36 * 3600_000).toISOString().slice(0, 10);
    await expectError(api.interview.debrief({ ...input, agreedCheckInOn: dayBefore }), "BAD_REQUEST", "agreedCheckInOn");
    await expectError(api.interview.debrief({ ...input, notBeforeOn: dayBefore }), "BAD_REQUEST", "notBeforeOn");
    await expectError(api.interview.debrief({ ...input, agreedCheckInOn: "2099-01-01", notBeforeOn: "2099-01-02" }), "BAD_REQUEST", "notBeforeOn");
    await expectError(
      api.interview.debrief({ ...input, interviewers: [{ contactId: input.interviewers[0]!.contactId, discussed: "x".repeat(2001), challengesDiscussed: [] }] }),
      "BAD_REQUEST",
      "interviewers",
    );
    await expectError(api.interview.debrief({ ...input, promises: [{ description: "", dueAt: inDays(1) }] }), "BAD_REQUEST", "promises");
    // Nothing of the refused saves was kept.
    expect(await draftsOf(p.org.id, interview.id)).toHaveLength(0);
  });

  it("records the employer's not-before date, and the check-in waits for it", async () => {
    const { p, interview, api, input } = await setup();
    await api.interview.debrief({ ...input, notBeforeOn: "2099-06-01" });
    const [checkIn] = (await pendingReminders(test.db, p.org.id, interview.applicationId)).filter((r) => r.kind === "check_in");
    expect(checkIn!.dueAt.toISOString().slice(0, 10)).toBe("2099-06-01");
  });

  it("refuses another client's contacts, other organisations' interviews, and writes by the coach", async () => {
    const { p, interview, api, input } = await setup();
    const theirs = await createContact(test.db, { orgId: p.org.id, clientId: p.otherClient.membership.id });
    await expectError(api.interview.debrief({ ...input, interviewers: [{ contactId: theirs.id, discussed: null, challengesDiscussed: [] }] }), "NOT_FOUND");
    await expectError(api.interview.debrief({ ...input, promises: [{ description: "Call back", dueAt: inDays(1), contactId: theirs.id }] }), "NOT_FOUND");
    const foreign = await createOrgWithEveryTable(test.db);
    await test.db.update(s.interviews).set({ startsAt: addHours(new Date(), -5), endsAt: addHours(new Date(), -4) }).where(eq(s.interviews.id, foreign.interview.id));
    await expectError(api.interview.debrief({ ...input, interviewId: foreign.interview.id, interviewers: [], promises: [] }), "NOT_FOUND");

    const coach = callerFor(test.db, p.coach.user);
    await expectError(coach.interview.debrief({ ...input, clientId: p.client.membership.id }), "FORBIDDEN");
    const owner = callerFor(test.db, p.owner.user);
    await expectError(owner.interview.debrief({ ...input, clientId: p.client.membership.id }), "FORBIDDEN");
    expect(await draftsOf(p.org.id, interview.id)).toHaveLength(0);
  });
});
