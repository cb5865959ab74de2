import { describe, expect, it } from "vitest";
import { draftKind } from "@/db/schema/followup";
import { renderEmail, templates } from "@/emails";

describe("template variants", () => {
  it("shows times in the recipient's time zone", async () => {
    const base = templates["reminder-prepare"].PreviewProps;
    const props = {
      ...base,
      interview: { ...base.interview, startsAt: "2025-01-15T15:00:00.000Z", timeZone: "America/New_York" },
    };
    const { text, subject } = await renderEmail("reminder-prepare", props);
    expect(text).toContain("Wednesday 15 January, 10:00 EST");
    expect(subject).toContain("Wednesday 15 January");
  });

  it("words a thank-you reminder by how late it is sent", async () => {
    const base = templates["reminder-thank-you-due"].PreviewProps;
    const onTime = await renderEmail("reminder-thank-you-due", { ...base, daysSinceEnded: 1 });
    expect(onTime.text).toContain("still arrives while they are weighing");
    const late = await renderEmail("reminder-thank-you-due", { ...base, daysSinceEnded: 15 });
    expect(late.text).not.toContain("still arrives while they are weighing");
    expect(late.text).toContain("That was 15 days ago");
    expect((await renderEmail("reminder-thank-you-due", { ...base, daysSinceEnded: 4 })).text).toContain("That was 4 days ago, so they may be deciding now");
  });

  it("accepts Date objects as well as ISO strings", async () => {
    const base = templates["invitation"].PreviewProps;
    const { text } = await renderEmail("invitation", { ...base, expiresAt: new Date("2025-06-20T17:00:00.000Z") });
    expect(text).toContain("works until Friday 20 June");
  });

  it("explains a check-in without an agreed date by the days waited", async () => {
    const base = templates["reminder-check-in"].PreviewProps;
    const { text } = await renderEmail("reminder-check-in", {
      ...base,
      timing: { kind: "default_wait", days: 7, lastInterviewAt: "2025-06-11T09:30:00.000Z" },
      channel: "phone",
      draft: null,
      actionUrl: "https://app.followthrough.example/northbound/applications/9d3",
    });
    expect(text).toContain("It has been 7 days since your interview on Wednesday 11 June");
    expect(text).toContain("by phone");
    expect(text).toContain("Open the application https://app.followthrough.example/northbound/applications/9d3");
    expect(text).not.toContain("To:");
  });

  it("suggests a good word through a company connection", async () => {
    const base = templates["reminder-networking-suggestion"].PreviewProps;
    const { text } = await renderEmail("reminder-networking-suggestion", {
      ...base,
      connection: { kind: "company" },
      contact: { name: "Wen Okafor", howYouKnowThem: null },
    });
    expect(text).toContain("Wen Okafor has a connection at Lumen Freight");
  });

  it.each(["Worked together for three years.", "my sister's friend", "Acme, 2019–2021", "we met at a meetup"])(
    "quotes how the client knows the contact as they wrote it, never inside a sentence: %s",
    async (howYouKnowThem) => {
      const base = templates["reminder-networking-suggestion"].PreviewProps;
      const { text } = await renderEmail("reminder-networking-suggestion", { ...base, contact: { name: "Taylor Silva", howYouKnowThem } });
      expect(text).toContain(`How you know Taylor Silva, in your words: “${howYouKnowThem.replace(/\.$/, "")}”`);
      expect(text).not.toMatch(/You know Taylor Silva from|from Worked|\.”?\.\)/);
    },
  );

  it.each(draftKind.enumValues)("draft-ready renders a %s draft with its own introduction", async (kind) => {
    const base = templates["draft-ready"].PreviewProps;
    const { text } = await renderEmail("draft-ready", { ...base, draft: { ...base.draft, kind }, application: null });
    expect(text).toContain(`Hi Jordan, here's`);
    expect(text).toContain(base.draft.editUrl);
    expect(text).not.toMatch(/undefined|null/);
  });

  it("writes a single thank-you reminder in the singular", async () => {
    const base = templates["reminder-thank-you-due"].PreviewProps;
    const { text } = await renderEmail("reminder-thank-you-due", { ...base, pendingNotes: base.pendingNotes.slice(0, 1) });
    expect(text).toContain("Your thank-you note is still waiting");
    expect(text).toContain("a note to Priya Raman, and it isn't marked sent yet");
  });

  it("tells a client with nothing scheduled that the week is quiet", async () => {
    const base = templates["client-weekly-digest"].PreviewProps;
    const { text } = await renderEmail("client-weekly-digest", {
      ...base,
      upcomingInterviews: [],
      followUpsDue: [],
      followUpsOverdue: [],
      draftsWaiting: [],
      keepLearning: [],
    });
    expect(text).toContain("A quiet week");
    expect(text).not.toContain("Overdue");
  });

  it("lists quiet clients first and folds steady ones into one line", async () => {
    const base = templates["coach-weekly-digest"].PreviewProps;
    const { text } = await renderEmail("coach-weekly-digest", base);
    expect(text.indexOf("Amara Osei")).toBeLessThan(text.indexOf("Jordan Ellis"));
    expect(text).toContain("quiet since 27 May");
    expect(text).toContain("Applied → Interviewing");
    expect(text).toContain("Nothing new or overdue for Felix Brandt.");
  });

  it("handles a coach with no clients yet", async () => {
    const base = templates["coach-weekly-digest"].PreviewProps;
    const { text, subject } = await renderEmail("coach-weekly-digest", { ...base, clients: [] });
    expect(text).toContain("You have no clients assigned yet.");
    expect(subject).toBe("Your clients this week: 0 clients, all steady");
  });

  it("keeps a rejection reply without a draft useful", async () => {
    const base = templates["reminder-rejection-follow-through"].PreviewProps;
    const { text } = await renderEmail("reminder-rejection-follow-through", { ...base, draft: null, contactsKept: 0 });
    expect(text).toContain("Anyone you met at Castor Health is worth adding to your contacts.");
    expect(text).toContain("in about 3 months");
  });
});
