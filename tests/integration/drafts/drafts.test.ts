import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as s from "../../../db/schema";
import { createOrgWithEveryTable, createPractice } from "../../factories";
import { createDraft, createEndedInterview } from "../../factories/workspace";
import { callerFor } from "../../helpers/callers";
import { useTestDatabase } from "../../helpers/db";
import { expectError, pendingReminders } from "../interviews/helpers";

describe("drafts", () => {
  const test = useTestDatabase();

  async function debriefed() {
    const p = await createPractice(test.db);
    const ref = { orgId: p.org.id, clientId: p.client.membership.id };
    const ended = await createEndedInterview(test.db, ref);
    const api = callerFor(test.db, p.client.user);
    const orgSlug = p.org.slug;
    await api.interview.debrief({
      orgSlug,
      interviewId: ended.interview.id,
      askedForJob: true,
      interviewers: ended.interviewers.map((person) => ({ contactId: person.id, discussed: "The roadmap", challengesDiscussed: [] })),
    });
    const thankYous = await api.draft.list({ orgSlug, kind: "thank_you", status: "draft" });
    return { p, ref, ...ended, api, orgSlug, thankYous };
  }

  const participantsOf = (interviewId: string) =>
    test.db.select().from(s.interviewParticipants).where(eq(s.interviewParticipants.interviewId, interviewId));

  it("marking thank-you notes sent thanks each interviewer and stops the reminder once all are thanked", async () => {
    const { p, interview, api, orgSlug, thankYous, interviewers } = await debriefed();
    expect(thankYous).toHaveLength(2);
    const reminderKinds = async () => (await pendingReminders(test.db, p.org.id, interview.applicationId)).map((r) => r.kind);
    expect(await reminderKinds()).toContain("thank_you_due");

    const first = thankYous.find((d) => d.contactId === interviewers[0].id)!;
    const sent = await api.draft.markSent({ orgSlug, draftId: first.id });
    expect(sent).toMatchObject({ status: "sent", handwritten: false });
    let participants = await participantsOf(interview.id);
    expect(participants.find((x) => x.contactId === interviewers[0].id)!.thankYouSentAt).toBeInstanceOf(Date);
    expect(participants.find((x) => x.contactId === interviewers[1].id)!.thankYouSentAt).toBeNull();
    // One interviewer still waits for a note.
    expect(await reminderKinds()).toContain("thank_you_due");

    const second = thankYous.find((d) => d.contactId === interviewers[1].id)!;
    await api.draft.markSent({ orgSlug, draftId: second.id, handwritten: true });
    participants = await participantsOf(interview.id);
    expect(participants.find((x) => x.contactId === interviewers[1].id)).toMatchObject({ thankYouHandwritten: true });
    expect(await reminderKinds()).not.toContain("thank_you_due");
    const [cancelled] = await test.db
      .select({ status: s.reminders.status })
      .from(s.reminders)
      .where(and(eq(s.reminders.interviewId, interview.id), eq(s.reminders.kind, "thank_you_due")));
    expect(cancelled!.status).toBe("cancelled");

    const activity = await test.db.select().from(s.activities).where(and(eq(s.activities.interviewId, interview.id), eq(s.activities.kind, "draft.sent")));
    expect(activity).toHaveLength(2);
  });

  it("never marks a draft sent twice, and a sent draft can no longer be edited or discarded", async () => {
    const { api, orgSlug, thankYous } = await debriefed();
    const draft = thankYous[0]!;
    await api.draft.markSent({ orgSlug, draftId: draft.id });
    await expectError(api.draft.markSent({ orgSlug, draftId: draft.id }), "CONFLICT");
    await expectError(api.draft.update({ orgSlug, draftId: draft.id, subject: "Changed" }), "CONFLICT");
    await expectError(api.draft.discard({ orgSlug, draftId: draft.id }), "CONFLICT");
    const [row] = await test.db.select().from(s.drafts).where(eq(s.drafts.id, draft.id));
    expect(row!.subject).toBe(draft.subject);
  });

  it("edits, discards and filters drafts; only thank-you notes can be handwritten", async () => {
    const { api, orgSlug } = await debriefed();
    const [letter] = await api.draft.list({ orgSlug, kind: "follow_up_letter" });
    await expectError(api.draft.markSent({ orgSlug, draftId: letter!.id, handwritten: true }), "BAD_REQUEST", "handwritten");
    const edited = await api.draft.update({ orgSlug, draftId: letter!.id, subject: "  Our talk on Tuesday ", body: "Dear Priya,\n\nThanks." });
    expect(edited).toMatchObject({ subject: "Our talk on Tuesday", body: "Dear Priya,\n\nThanks." });
    await expectError(api.draft.update({ orgSlug, draftId: letter!.id, subject: "x".repeat(301) }), "BAD_REQUEST", "subject");
    await expectError(api.draft.update({ orgSlug, draftId: letter!.id, body: "x".repeat(20_001) }), "BAD_REQUEST", "body");

    await api.draft.discard({ orgSlug, draftId: letter!.id });
    expect((await api.draft.list({ orgSlug, status: "discarded" })).map((d) => d.id)).toEqual([letter!.id]);
    const detail = await api.draft.byId({ orgSlug, draftId: letter!.id });
    expect(detail.draft.status).toBe("discarded");
    expect(detail.contact?.name).toBeTruthy();
    expect(detail).not.toHaveProperty("draft.generationKey");
  });

  it("keeps drafts private to their client: other clients, other organisations and unassigned coaches see nothing", async () => {
    const p = await createPractice(test.db);
    const mine = await createDraft(test.db, { orgId: p.org.id, clientId: p.client.membership.id });
    const orgSlug = p.org.slug;
    const clientId = p.client.membership.id;
    await expectError(callerFor(test.db, p.otherClient.user).draft.byId({ orgSlug, draftId: mine.id }), "NOT_FOUND");
    await expectError(callerFor(test.db, p.otherClient.user).draft.markSent({ orgSlug, draftId: mine.id }), "NOT_FOUND");
    await expectError(callerFor(test.db, p.otherCoach.user).draft.list({ orgSlug, clientId }), "NOT_FOUND");
    await expectError(callerFor(test.db, p.coach.user).draft.markSent({ orgSlug, clientId, draftId: mine.id }), "FORBIDDEN");
    expect((await callerFor(test.db, p.coach.user).draft.list({ orgSlug, clientId })).map((d) => d.id)).toEqual([mine.id]);

    const foreign = await createOrgWithEveryTable(test.db);
    const api = callerFor(test.db, p.client.user);
    await expectError(api.draft.byId({ orgSlug, draftId: foreign.draft.id }), "NOT_FOUND");
    await expectError(api.draft.update({ orgSlug, draftId: foreign.draft.id, subject: "Mine now" }), "NOT_FOUND");
    await expectError(api.draft.discard({ orgSlug, draftId: foreign.draft.id }), "NOT_FOUND");
    const [untouched] = await test.db.select().from(s.drafts).where(eq(s.drafts.id, foreign.draft.id));
    expect(untouched).toMatchObject({ status: "draft", subject: foreign.draft.subject });
  });
});
