import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as s from "../../../db/schema";
import { DEFAULT_POLICY } from "../../../db/schema/org";
import { completeRewrite, prepareRewrite, type PreparedRewrite } from "../../../server/services/drafts/rewrite";
import { createPractice } from "../../factories";
import { createEndedInterview } from "../../factories/workspace";
import { callerFor } from "../../helpers/callers";
import { useTestDatabase } from "../../helpers/db";
import { draftInPrompt, startFakeOpenAI, type FakeOpenAI } from "../../helpers/openai-fake";

/** Keeps every paragraph but the one before the sign-off: shorter, and no new fact. */
const dropOneParagraph = (draft: string) => {
  const paragraphs = draft.split("\n\n");
  return paragraphs.length > 3 ? [...paragraphs.slice(0, -2), paragraphs.at(-1)!].join("\n\n") : draft;
};

describe("rewriting drafts with a model", () => {
  const test = useTestDatabase();
  let fake: FakeOpenAI;
  beforeAll(async () => {
    fake = await startFakeOpenAI({ respond: (request) => dropOneParagraph(draftInPrompt(request)) });
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.requests.length = 0;
  });

  const settings = () => ({ config: { baseURL: fake.url, model: "llama3.1:8b" }, policy: DEFAULT_POLICY });

  async function debriefed() {
    const p = await createPractice(test.db);
    const ref = { orgId: p.org.id, clientId: p.client.membership.id };
    await test.db.update(s.companies).set({ researchNotes: "PRIVATE: their CFO left" }).where(eq(s.companies.orgId, p.org.id));
    const ended = await createEndedInterview(test.db, ref);
    const api = callerFor(test.db, p.client.user);
    await api.interview.debrief({
      orgSlug: p.org.slug,
      interviewId: ended.interview.id,
      askedForJob: true,
      interviewers: ended.interviewers.map((person) => ({ contactId: person.id, discussed: "The roadmap for next year", challengesDiscussed: [] })),
    });
    const [note] = await api.draft.list({ orgSlug: p.org.slug, kind: "thank_you", status: "draft" });
    const scope = { orgId: p.org.id, clientId: p.client.membership.id, actorUserId: p.client.user.id };
    const stored = async () => (await test.db.select().from(s.drafts).where(eq(s.drafts.id, note!.id)))[0]!;
    return { p, api, note: note!, scope, stored, ...ended };
  }

  async function rewrite(scope: Parameters<typeof prepareRewrite>[1], input: Parameters<typeof prepareRewrite>[2], timeoutMs?: number) {
    const prepared = await prepareRewrite(test.db, scope, input, settings());
    expect(prepared.outcome).toBe("prepared");
    return completeRewrite(test.db, scope, prepared as PreparedRewrite, { timeoutMs });
  }

  it("saves the rewrite, keeps the text before it and records who rewrote what", async () => {
    const { note, scope, stored, interviewers } = await debriefed();
    const before = (await stored()).body;

    const result = await rewrite(scope, { draftId: note.id, style: "shorter" });

    expect(result.outcome).toBe("rewritten");
    const after = await stored();
    expect(after.body).toBe(dropOneParagraph(before));
    expect(after).toMatchObject({ bodyBeforeRewrite: before, rewriteModel: "llama3.1:8b", rewriteInstruction: "shorter", status: "draft" });
    expect(after.rewrittenAt).toBeInstanceOf(Date);
    const [activity] = await test.db.select().from(s.activities).where(and(eq(s.activities.orgId, scope.orgId), eq(s.activities.kind, "draft.rewritten")));
    expect(activity?.data).toMatchObject({ draftId: note.id, instruction: "shorter" });

    // The model saw this interview's facts and the draft, and nothing private.
    const prompt = fake.requests[0]!.messages.map((m) => m.content).join("\n");
    const recipient = interviewers.find((i) => i.id === note.contactId)!;
    expect(prompt).toContain(recipient.name);
    expect(prompt).toContain("The roadmap for next year");
    expect(prompt).not.toContain("PRIVATE");
  });

  it("keeps the draft, and says why, when the rewrite invents a fact", async () => {
    const { note, scope, stored } = await debriefed();
    const before = await stored();
    fake.enqueue({ kind: "text", content: `${before.body}\n\nP.S. I met Marcus from Globex on Monday.` });

    const result = await rewrite(scope, { draftId: note.id, style: "warmer" });

    expect(result).toMatchObject({ outcome: "kept", reason: "invented_fact" });
    expect(result.outcome === "kept" ? result.message : "").toContain("“Marcus”");
    expect(await stored()).toEqual(before);
  });

  it.each([
    ["a rate limit", { kind: "error", status: 429 } as const, "rate_limited"],
    ["a server error", { kind: "error", status: 500 } as const, "unavailable"],
    ["a timeout", { kind: "slow", delayMs: 3_000, content: "Hi" } as const, "timeout"],
  ])("keeps the draft unchanged after %s", async (_label, answer, reason) => {
    const { note, scope, stored } = await debriefed();
    const before = await stored();
    fake.enqueue(answer);

    const result = await rewrite(scope, { draftId: note.id, style: "rewrite" }, 300);

    expect(result).toMatchObject({ outcome: "kept", reason });
    expect(await stored()).toEqual(before);
  });

  it("applies a coach's comment as the instruction, naming the coach", async () => {
    const { p, note, scope, stored } = await debriefed();
    const [comment] = await test.db
      .insert(s.draftComments)
      .values({ orgId: p.org.id, clientId: p.client.membership.id, draftId: note.id, authorMembershipId: p.coach.membership.id, body: "Cut the last paragraph." })
      .returning();

    const result = await rewrite(scope, { draftId: note.id, commentId: comment!.id });

    expect(result.outcome).toBe("rewritten");
    expect((await stored()).rewriteInstruction).toBe("coach_suggestion");
    expect(fake.requests[0]!.messages.map((m) => m.content).join("\n")).toContain('"Cut the last paragraph."');
  });

  it("refuses a comment that belongs to another draft", async () => {
    const { p, note, scope } = await debriefed();
    const [other] = await test.db.insert(s.drafts).values({ orgId: p.org.id, clientId: p.client.membership.id, kind: "check_in", subject: "x", body: "y" }).returning();
    const [comment] = await test.db
      .insert(s.draftComments)
      .values({ orgId: p.org.id, clientId: p.client.membership.id, draftId: other!.id, authorMembershipId: p.coach.membership.id, body: "Shorter" })
      .returning();

    await expect(prepareRewrite(test.db, scope, { draftId: note.id, commentId: comment!.id }, settings())).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("asks nothing when the organisation turned the feature off in its policy", async () => {
    const { p, note, scope } = await debriefed();
    await callerFor(test.db, p.owner.user).settings.updatePolicy({ orgSlug: p.org.slug, aiRewriting: false });
    const [org] = await test.db.select({ policy: s.organizations.policy }).from(s.organizations).where(eq(s.organizations.id, p.org.id));

    const result = await prepareRewrite(test.db, scope, { draftId: note.id, style: "shorter" }, { ...settings(), policy: org!.policy });

    expect(result).toMatchObject({ outcome: "kept", reason: "turned_off" });
    expect(fake.requests).toHaveLength(0);
  });

  it("does not overwrite an edit saved while the model was writing", async () => {
    const { p, api, note, scope, stored } = await debriefed();
    const prepared = (await prepareRewrite(test.db, scope, { draftId: note.id, style: "shorter" }, settings())) as PreparedRewrite;
    await api.draft.update({ orgSlug: p.org.slug, draftId: note.id, body: "My own words." });

    const result = await completeRewrite(test.db, scope, prepared);

    expect(result).toMatchObject({ outcome: "kept", reason: "changed" });
    expect((await stored()).body).toBe("My own words.");
  });

  it("through the API without AI_BASE_URL, answers that the feature is off and changes nothing", async () => {
    const { p, api, note, stored } = await debriefed();
    const before = await stored();

    const draft = await api.draft.byId({ orgSlug: p.org.slug, draftId: note.id });
    const result = await api.draft.rewrite({ orgSlug: p.org.slug, draftId: note.id, style: "shorter" });

    expect(draft.rewriting).toMatchObject({ available: false, reason: "not_configured" });
    expect(result).toMatchObject({ outcome: "kept", reason: "not_configured" });
    expect(await stored()).toEqual(before);
  });

  it("refuses to rewrite a message already sent", async () => {
    const { p, api, note, scope } = await debriefed();
    await api.draft.markSent({ orgSlug: p.org.slug, draftId: note.id });

    await expect(prepareRewrite(test.db, scope, { draftId: note.id, style: "shorter" }, settings())).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
