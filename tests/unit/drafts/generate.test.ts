import { describe, expect, it } from "vitest";
import {
  checkInMessage,
  draftsForDebrief,
  followUpLetters,
  networkingAsk,
  proposalOutline,
  referencesNote,
  rejectionReply,
  thankYouNotes,
} from "@/server/services/drafts/generate";
import type { DraftSpec } from "@/server/services/drafts/types";
import { PLACEHOLDER, debriefFixture } from "./fixtures";

function allDrafts(ctx = debriefFixture()): DraftSpec[] {
  return [
    ...draftsForDebrief(ctx),
    ...(["email", "phone", "linkedin", "via_recruiter", "other"] as const).map((channel) =>
      checkInMessage({ ...ctx, interview: { ...ctx.interview, preferredChannel: channel } }),
    ),
    rejectionReply(ctx),
    referencesNote({
      ...ctx,
      references: [{ name: "Jo Park", relationship: "former manager", email: "jo@example.com" }],
    }),
  ];
}

describe("thankYouNotes", () => {
  it("writes one note per interviewer, naming the person and what they discussed", () => {
    const notes = thankYouNotes(debriefFixture());

    expect(notes).toHaveLength(2);
    const [priya, tom] = notes;
    expect(priya).toMatchObject({ kind: "thank_you", contactId: "c-priya", generationKey: "thank_you/int-1/c-priya" });
    expect(priya?.body).toMatch(/^Hi Priya,/);
    expect(priya?.body).toContain("how the team plans to move its nightly batch jobs to streaming");
    expect(priya?.body).not.toContain("Tom Becker");
    expect(tom).toMatchObject({ contactId: "c-tom", generationKey: "thank_you/int-1/c-tom" });
    expect(tom?.body).toMatch(/^Hi Tom,/);
    expect(tom?.body).toContain("growing the team from three to eight engineers");
  });

  it("says how the interview happened, on which local day, and what comes next", () => {
    const [note] = thankYouNotes(debriefFixture());

    expect(note?.body).toContain("meeting with me by video on Tuesday 2 June");
    expect(note?.body).toContain("the Senior Data Engineer role at Acme Analytics");
    expect(note?.body).toContain(
      "I look forward to the next step: a technical exercise, then a final round with the CTO.",
    );
    expect(note?.body).toMatch(/Best,\nSam Rivera$/);
  });

  it("mentions an open promise to that person only, and never a kept one", () => {
    const [priya, tom] = thankYouNotes(debriefFixture());

    expect(priya?.body).toContain("I'll send two references by Thursday 4 June.");
    expect(tom?.body).not.toContain("cost dashboard");
  });

  it("reads naturally when no discussion was recorded", () => {
    const ctx = debriefFixture({
      participants: [
        { contactId: "a", name: "Ana", discussed: null, challengesDiscussed: ["Making the data pipeline reliable"] },
        { contactId: "b", name: "Ben", discussed: "   ", challengesDiscussed: [] },
      ],
    });
    const [ana, ben] = thankYouNotes(ctx);

    expect(ana?.body).toContain("I enjoyed talking with you about making the data pipeline reliable.");
    expect(ben?.body).toContain("It was good to hear how the team works and what it is focusing on next.");
    expect(ben?.body).not.toMatch(/: \.|: $/m);
  });

  it("writes dates in the interview's own time zone", () => {
    // 23:30 UTC on Monday 1 June is already Tuesday 2 June in London.
    const base = debriefFixture();
    const late = { ...base.interview, startsAt: new Date("2026-06-01T23:30:00Z") };

    const [london] = thankYouNotes({ ...base, interview: late });
    const [utc] = thankYouNotes({ ...base, interview: { ...late, timeZone: "UTC" } });
    const [unknownZone] = thankYouNotes({ ...base, interview: { ...late, timeZone: "Mars/Olympus_Mons" } });

    expect(london?.body).toContain("on Tuesday 2 June");
    expect(utc?.body).toContain("on Monday 1 June");
    expect(unknownZone?.body).toContain("on Monday 1 June");
  });

  it("drops the date rather than printing an invalid one", () => {
    const base = debriefFixture();
    const [note] = thankYouNotes({ ...base, interview: { ...base.interview, startsAt: new Date(Number.NaN) } });

    expect(note?.body).toContain("Thank you for meeting with me by video to talk about");
    expect(note?.body).not.toContain(" on ,");
    expect(note?.body).not.toMatch(PLACEHOLDER);
  });
});

describe("followUpLetters", () => {
  it("ties an accomplishment to the challenge that person discussed", () => {
    const [priya] = followUpLetters(debriefFixture());

    expect(priya).toMatchObject({
      kind: "follow_up_letter",
      contactId: "c-priya",
      generationKey: "follow_up_letter/int-1/c-priya",
    });
    expect(priya?.body).toContain("move its nightly batch jobs to streaming");
    expect(priya?.body).toContain("You mentioned a challenge the team is facing: making the data pipeline reliable.");
    expect(priya?.body).toContain(
      "I have worked on something close to it before. I rebuilt the nightly data pipeline at Northwind",
    );
  });

  it("falls back to the company's first challenge and picks the accomplishment that matches it", () => {
    const [, tom] = followUpLetters(debriefFixture());

    expect(tom?.body).toContain("One thing you described stayed with me: keeping cloud costs in check as usage grows.");
    expect(tom?.body).toContain("I led a team of four that cut monthly cloud spend by 30%");
  });

  it("pairs no accomplishment with a challenge it has no words in common with", () => {
    const ctx = debriefFixture({
      company: { name: "Acme", challenges: ["Hiring faster"] },
      client: { name: "Sam", accomplishments: ["Won the regional chess cup", "Ran a marathon under four hours"] },
      participants: [
        { contactId: "a", name: "Ana", challengesDiscussed: [] },
        { contactId: "b", name: "Ben", challengesDiscussed: [] },
      ],
    });
    const [first, second] = followUpLetters(ctx);

    expect(first?.body).toContain("hiring faster");
    expect(second?.body).toContain("hiring faster");
    for (const letter of [first, second]) {
      expect(letter?.body).not.toMatch(/chess|marathon/);
      expect(letter?.body).toContain("I would welcome the chance to talk it through");
    }
  });

  it("omits the tie-in, not the challenge, when the client has no accomplishments", () => {
    const ctx = debriefFixture({ client: { name: "Sam Rivera", headline: null, accomplishments: [] } });
    const [priya] = followUpLetters(ctx);

    expect(priya?.body).toContain("making the data pipeline reliable");
    expect(priya?.body).not.toContain("I have worked on something close to it before");
    expect(priya?.body).not.toContain("In one line");
    expect(priya?.body).not.toMatch(PLACEHOLDER);
  });

  it("leaves the challenge paragraph out when the company stated none", () => {
    const ctx = debriefFixture({
      company: { name: "Acme", challenges: [] },
      participants: [{ contactId: "a", name: "Ana", discussed: "Team rituals", challengesDiscussed: [] }],
    });
    const [letter] = followUpLetters(ctx);

    expect(letter?.body).not.toContain("challenge");
    expect(letter?.body).toContain("our conversation about team rituals.");
  });
});

describe("checkInMessage", () => {
  const base = debriefFixture();
  const withChannel = (preferredChannel: "email" | "phone" | "linkedin" | "via_recruiter" | null) =>
    checkInMessage({ ...base, interview: { ...base.interview, preferredChannel } });

  it("writes an email that cites the agreed date", () => {
    const draft = withChannel("email");

    expect(draft).toMatchObject({ kind: "check_in", contactId: "c-priya", generationKey: "check_in/int-1" });
    expect(draft.subject).toBe("Checking in on the Senior Data Engineer role at Acme Analytics");
    expect(draft.body).toMatch(/^Hi Priya,/);
    expect(draft.body).toContain("you suggested I get in touch around Friday 12 June");
  });

  it("writes a phone script with an opening and a voicemail version", () => {
    const draft = withChannel("phone");

    expect(draft.subject).toBe("Call script: checking in with Acme Analytics");
    expect(draft.body).toContain('Opening:\n"Hello Priya, this is Sam Rivera.');
    expect(draft.body).toContain("you suggested I call around Friday 12 June");
    expect(draft.body).toContain("If you reach voicemail:");
    expect(draft.body).not.toContain("Dear");
  });

  it("writes a short LinkedIn message", () => {
    const draft = withChannel("linkedin");

    expect(draft.body).toMatch(/^Hi Priya,/);
    expect(draft.body.length).toBeLessThan(600);
    expect(draft.body).toContain("as you suggested");
  });

  it("asks the recruiter to find out when the employer prefers that route", () => {
    const draft = checkInMessage({
      ...base,
      interview: { ...base.interview, preferredChannel: "via_recruiter" },
      recipient: { contactId: "c-rec", name: "Rita Recruiter" },
    });

    expect(draft.contactId).toBe("c-rec");
    expect(draft.body).toMatch(/^Hi Rita,/);
    expect(draft.body).toContain("Would you be able to find out whether the team at Acme Analytics has an update");
  });

  it("defaults to email and keys on the application when there is no interview", () => {
    const draft = checkInMessage({ ...base, interview: null, participants: [] });

    expect(draft).toMatchObject({ contactId: null, generationKey: "check_in/app-1" });
    expect(draft.body).toMatch(
      /^Hi there,\n\nI hope you are well. I am writing to check in on the Senior Data Engineer role at Acme Analytics/,
    );
    expect(draft.body).not.toMatch(PLACEHOLDER);
  });
});

describe("proposalOutline", () => {
  it("covers the problem, three steps, the first 30 days and how it is measured", () => {
    const draft = proposalOutline({ ...debriefFixture(), challenge: "Making the data pipeline reliable" });

    expect(draft?.kind).toBe("proposal");
    expect(draft?.subject).toBe("Proposal: Making the data pipeline reliable");
    const body = draft?.body ?? "";
    for (const heading of ["The problem", "How I would approach it", "My first 30 days", "How we would measure it"]) {
      expect(body).toContain(`${heading}\n`);
    }
    expect(body.match(/^[123]\. /gm)).toHaveLength(3);
    expect(body).toContain("It came up in my conversation with Priya Shah (Head of Data).");
    expect(body).toContain("Why I can do this\nI rebuilt the nightly data pipeline");
  });

  it("keeps a long challenge's subject to whole words, never trailing off with an ellipsis", () => {
    const challenge =
      "Scaling the customer support team across three time zones without losing the quality of answers or the team's morale";
    const subject = proposalOutline({ ...debriefFixture(), challenge })?.subject ?? "";

    expect(subject).not.toContain("…");
    expect(subject).not.toMatch(/Proposal: Proposal:/);
    expect(subject.length).toBeLessThanOrEqual("Proposal: ".length + 80);
    expect(challenge.startsWith(subject.slice("Proposal: ".length))).toBe(true);
    expect(subject).not.toMatch(/ (the|and|of|or|without)$/);
  });

  it("takes the first clause of a challenge as the subject when it fits", () => {
    const draft = proposalOutline({ ...debriefFixture(), challenge: "Cutting cloud costs; the bill doubled last year after the migration to the new platform" });
    expect(draft?.subject).toBe("Proposal: Cutting cloud costs");
  });

  it("keys on the application and the challenge, so each challenge gets its own proposal", () => {
    const ctx = debriefFixture();
    const a = proposalOutline({ ...ctx, challenge: "Making the data pipeline reliable" });
    const sameAgain = proposalOutline({ ...ctx, challenge: "  making the data   pipeline reliable. " });
    const other = proposalOutline({ ...ctx, challenge: "Keeping cloud costs in check as usage grows" });

    expect(a?.generationKey).toMatch(/^proposal\/app-1\/[0-9a-f]{8}$/);
    expect(sameAgain?.generationKey).toBe(a?.generationKey);
    expect(other?.generationKey).not.toBe(a?.generationKey);
  });

  it("returns null for an empty challenge", () => {
    expect(proposalOutline({ ...debriefFixture(), challenge: " \n\t " })).toBeNull();
  });
});

describe("networkingAsk", () => {
  it("asks for a good word, naming the role and the interviewer the contact knows", () => {
    const ctx = debriefFixture();
    const draft = networkingAsk({ ...ctx, contact: ctx.goodWordContacts![0]! });

    expect(draft).toMatchObject({
      kind: "networking_ask",
      contactId: "c-lena",
      generationKey: "networking_ask/app-1/c-lena",
    });
    expect(draft.body).toMatch(/^Hi Lena,/);
    expect(draft.body).toContain("I recently interviewed for the Senior Data Engineer role at Acme Analytics.");
    expect(draft.body).toContain("I believe you know Priya Shah, who was one of my interviewers.");
    expect(draft.body).toContain("put in a good word for me");
  });

  it("merges a contact listed once per link into one ask", () => {
    const ctx = debriefFixture({
      goodWordContacts: [
        {
          contactId: "c-lena",
          name: "Lena Ortiz",
          knows: [{ kind: "person", name: "Priya Shah", contactId: "c-priya" }],
        },
        {
          contactId: "c-lena",
          name: "Lena Ortiz",
          knows: [{ kind: "person", name: "Tom Becker", contactId: "c-tom" }],
        },
        {
          contactId: "c-max",
          name: "Max Ng",
          knows: [{ kind: "company" }, { kind: "person", name: "Jo Kim", title: "CTO" }],
        },
      ],
    });
    const asks = draftsForDebrief(ctx).filter((d) => d.kind === "networking_ask");

    expect(asks.map((a) => a.contactId)).toEqual(["c-lena", "c-max"]);
    expect(asks[0]?.body).toContain("I believe you know Priya Shah and Tom Becker, who were among my interviewers.");
    expect(asks[1]?.body).toContain(
      "I believe you know Jo Kim (CTO) at Acme Analytics. I know you have good connections at Acme Analytics.",
    );
  });
});

describe("rejectionReply", () => {
  it("is gracious, keeps the door open and asks to stay in touch", () => {
    const draft = rejectionReply({ ...debriefFixture(), recipient: { contactId: "c-priya", name: "Priya Shah" } });

    expect(draft).toMatchObject({
      kind: "rejection_reply",
      contactId: "c-priya",
      generationKey: "rejection_reply/app-1",
    });
    expect(draft.body).toContain("Thank you for letting me know your decision");
    expect(draft.body).toContain("for my conversations with Tom.");
    expect(draft.body).toContain("If another role opens up");
    expect(draft.body).toContain("May I stay in touch?");
  });
});

describe("referencesNote", () => {
  it("lists the references and keys on the promise it keeps", () => {
    const ctx = debriefFixture();
    const draft = referencesNote({
      ...ctx,
      recipient: { contactId: "c-priya", name: "Priya Shah" },
      commitment: ctx.commitments![0]!,
      references: [
        {
          name: "Jo Park",
          relationship: "former manager at Northwind",
          email: "jo@example.com",
          phone: "+44 20 7946 0000",
        },
        { name: "Ada Lin", relationship: null },
      ],
    });

    expect(draft).toMatchObject({ kind: "references", contactId: "c-priya", generationKey: "references/cm-1" });
    expect(draft.body).toContain(
      "- Jo Park, former manager at Northwind (jo@example.com, +44 20 7946 0000)\n- Ada Lin",
    );
  });

  it("still reads well without a list", () => {
    const draft = referencesNote(debriefFixture());

    expect(draft.generationKey).toBe("references/app-1");
    expect(draft.body).toContain("I have included their names and contact details with this message.");
  });
});

describe("draftsForDebrief", () => {
  it("plans thank-you notes, letters, one proposal and the networking asks", () => {
    const drafts = draftsForDebrief(debriefFixture());

    expect(drafts.map((d) => d.kind)).toEqual([
      "thank_you",
      "thank_you",
      "follow_up_letter",
      "follow_up_letter",
      "proposal",
      "networking_ask",
    ]);
    expect(drafts.find((d) => d.kind === "proposal")?.subject).toBe("Proposal: Making the data pipeline reliable");
    expect(new Set(drafts.map((d) => d.generationKey)).size).toBe(drafts.length);
  });

  it("writes once per interviewer even if one is listed twice", () => {
    const base = debriefFixture();
    const drafts = draftsForDebrief({ ...base, participants: [...base.participants!, base.participants![0]!] });

    expect(drafts.filter((d) => d.kind === "thank_you")).toHaveLength(2);
    expect(new Set(drafts.map((d) => d.generationKey)).size).toBe(drafts.length);
  });

  it("skips the proposal when no challenge is on record", () => {
    const ctx = debriefFixture({
      company: { name: "Acme", challenges: [] },
      participants: [{ contactId: "a", name: "Ana", challengesDiscussed: [] }],
    });

    expect(draftsForDebrief(ctx).some((d) => d.kind === "proposal")).toBe(false);
  });

  it("is deterministic", () => {
    expect(draftsForDebrief(debriefFixture())).toEqual(draftsForDebrief(debriefFixture()));
    expect(allDrafts()).toEqual(allDrafts());
  });

  it("leaves no placeholder in any draft, with full or nearly empty input", () => {
    const empty = debriefFixture({
      client: { name: "", headline: undefined, accomplishments: [] },
      company: { name: " ", challenges: [], researchNotes: null },
      application: { id: "app-2", roleTitle: "", status: "saved" },
      participants: [{ contactId: "x", name: "", discussed: undefined, challengesDiscussed: undefined }],
      commitments: [],
      goodWordContacts: [{ contactId: "y", name: "", knows: [{ kind: "company" }] }],
    });

    for (const draft of [...allDrafts(), ...allDrafts(empty)]) {
      expect(draft.subject).not.toMatch(PLACEHOLDER);
      expect(draft.body).not.toMatch(PLACEHOLDER);
      expect(draft.body).not.toMatch(/ {2}/);
      expect(draft.subject.trim()).not.toBe("");
    }
  });
});
