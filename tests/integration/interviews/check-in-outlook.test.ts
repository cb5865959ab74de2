import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as s from "../../../db/schema";
import { createPractice } from "../../factories";
import { createEndedInterview } from "../../factories/workspace";
import { callerFor } from "../../helpers/callers";
import { useTestDatabase } from "../../helpers/db";
import { addDaysToIsoDate, localDateOf } from "../../../server/followup/time";
import { checkInSentence } from "../../../app/_components/check-in";
import { expectError } from "./helpers";

describe("sit tight, then check in", () => {
  const test = useTestDatabase();

  async function debriefed(dates: { expectAnswerBy: string | null; notBeforeOn: string | null; agreedCheckInOn: string | null }) {
    const p = await createPractice(test.db);
    const ref = { orgId: p.org.id, clientId: p.client.membership.id };
    await test.db.update(s.users).set({ timeZone: "America/New_York" }).where(eq(s.users.id, p.client.user.id));
    const ended = await createEndedInterview(test.db, ref);
    const client = callerFor(test.db, p.client.user);
    const base = {
      orgSlug: p.org.slug,
      interviewId: ended.interview.id,
      askedForJob: true,
      nextSteps: null,
      preferredChannel: "email" as const,
      promises: [],
      interviewers: [],
      companyChallenges: [],
    };
    return { p, ref, ended, client, base, save: () => client.interview.debrief({ ...base, ...dates }) };
  }

  const today = localDateOf(new Date(), "America/New_York");

  it("says until when the client waits and the day the check-in is drafted, on the application, the dashboard and the coach's client page", async () => {
    const answerBy = addDaysToIsoDate(today, 7);
    const notBefore = addDaysToIsoDate(today, 8);
    const { p, ref, ended, client, save } = await debriefed({ expectAnswerBy: answerBy, notBeforeOn: notBefore, agreedCheckInOn: null });
    await save();

    const expected = { applicationId: ended.application.id, sittingTightUntil: answerBy, checkInOn: notBefore };
    const detail = await client.application.byId({ orgSlug: p.org.slug, applicationId: ended.application.id });
    expect(detail.checkIn).toMatchObject(expected);
    const dashboard = await client.dashboard.client({ orgSlug: p.org.slug });
    expect(dashboard.checkIns).toEqual([expect.objectContaining(expected)]);
    const coach = callerFor(test.db, p.coach.user);
    const coachView = await coach.coach.clientDetail({ orgSlug: p.org.slug, clientId: ref.clientId });
    expect(coachView.checkIns).toEqual([expect.objectContaining(expected)]);

    const sentence = checkInSentence(detail.checkIn!, "client");
    expect(sentence).toMatch(/^Sitting tight until \w{3} \d{1,2} \w{3} — we'll draft your check-in for \w{3} \d{1,2} \w{3}\.$/);

    // A closed application has no check-in to wait for.
    await client.application.changeStatus({ orgSlug: p.org.slug, applicationId: ended.application.id, status: "withdrawn" });
    expect((await client.dashboard.client({ orgSlug: p.org.slug })).checkIns).toEqual([]);
  });

  it("refuses a chosen check-in rule without its date, naming the field", async () => {
    const { client, base } = await debriefed({ expectAnswerBy: null, notBeforeOn: null, agreedCheckInOn: null });
    await expectError(client.interview.debrief({ ...base, checkInRule: "not_before", notBeforeOn: null }), "BAD_REQUEST", "notBeforeOn");
    await expectError(client.interview.debrief({ ...base, checkInRule: "agreed", agreedCheckInOn: null }), "BAD_REQUEST", "agreedCheckInOn");
    await expect(client.interview.debrief({ ...base, checkInRule: "none" })).resolves.toBeDefined();
  });
});

describe("check-in sentence", () => {
  it("reads the same for any zone the runtime is in, and without a waiting date", () => {
    expect(checkInSentence({ sittingTightUntil: "2026-12-09", checkInOn: "2026-12-10" }, "client")).toBe(
      "Sitting tight until Wed 9 Dec — we'll draft your check-in for Thu 10 Dec.",
    );
    expect(checkInSentence({ sittingTightUntil: null, checkInOn: "2026-12-10" }, "coach")).toBe("Sitting tight — check-in drafted for Thu 10 Dec.");
  });
});
