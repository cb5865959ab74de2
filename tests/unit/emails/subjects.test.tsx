import { describe, expect, it } from "vitest";
import { draftKind } from "@/db/schema/followup";
import { emailNames, renderEmail, subjectFor, templates } from "@/emails";

const unfilled = /[{}]|undefined|null|NaN|\[object/;

describe("subjects", () => {
  it.each(emailNames)("%s has a short, filled-in subject", async (name) => {
    const subject = subjectFor(name, templates[name].PreviewProps);
    expect(subject.trim().length).toBeGreaterThan(5);
    expect(subject.length).toBeLessThanOrEqual(140);
    expect(subject).not.toMatch(unfilled);
    expect(subject).not.toMatch(/[\r\n]/);
    expect((await renderEmail(name, templates[name].PreviewProps)).subject).toBe(subject);
  });

  it.each(draftKind.enumValues)("draft-ready has a subject for a %s draft", (kind) => {
    const base = templates["draft-ready"].PreviewProps;
    const subject = subjectFor("draft-ready", { ...base, draft: { ...base.draft, kind } });
    expect(subject).toContain(base.draft.recipientName);
    expect(subject).not.toMatch(unfilled);
  });

  it("follows the content of the digest", () => {
    const base = templates["client-weekly-digest"].PreviewProps;
    expect(subjectFor("client-weekly-digest", base)).toBe(
      "Your week ahead: 1 interview, 1 overdue, 1 follow-up due, 1 draft waiting",
    );
    const quiet = {
      ...base,
      upcomingInterviews: [],
      followUpsDue: [],
      followUpsOverdue: [],
      draftsWaiting: [],
    };
    expect(subjectFor("client-weekly-digest", quiet)).toBe("Your week ahead");
  });

  it("names the one interviewer when a single thank-you note is waiting", () => {
    const base = templates["reminder-thank-you-due"].PreviewProps;
    const one = { ...base, pendingNotes: base.pendingNotes.slice(0, 1) };
    expect(subjectFor("reminder-thank-you-due", one)).toBe("Your thank-you note to Priya Raman is waiting");
  });

  it("truncates a long promise", () => {
    const base = templates["reminder-commitment-overdue"].PreviewProps;
    const long = { ...base, commitment: { ...base.commitment, description: "Send ".repeat(40) } };
    const subject = subjectFor("reminder-commitment-overdue", long);
    expect(subject.length).toBeLessThanOrEqual(80);
    expect(subject.endsWith("…")).toBe(true);
  });
});
