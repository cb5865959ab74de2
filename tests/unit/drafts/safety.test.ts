import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkInMessage,
  draftsForDebrief,
  networkingAsk,
  proposalOutline,
  referencesNote,
  rejectionReply,
} from "@/server/services/drafts/generate";
import { clip, summarise } from "@/server/services/drafts/text";
import type { DebriefContext, DraftSpec } from "@/server/services/drafts/types";
import { PLACEHOLDER, debriefFixture } from "./fixtures";

/**
 * Drafts are plain text: HTML must come out literally (the renderer escapes it), and nothing a
 * person types may smuggle control characters in or blow up the length.
 */

const CONTROL_EXCEPT_NEWLINE = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;
const LONE_SURROGATE = /\p{Cs}/u;
const MAX_BODY = 6000;
const MAX_SUBJECT = 200;

function everyDraft(ctx: DebriefContext): DraftSpec[] {
  const contact = ctx.goodWordContacts?.[0];
  return [
    ...draftsForDebrief(ctx),
    checkInMessage(ctx),
    rejectionReply(ctx),
    referencesNote({
      ...ctx,
      references: [{ name: ctx.client.name, relationship: ctx.company.name, email: ctx.application.roleTitle }],
    }),
    ...(contact ? [networkingAsk({ ...ctx, contact })] : []),
    ...[proposalOutline({ ...ctx, challenge: ctx.company.challenges[0] ?? "" })].filter(
      (d): d is DraftSpec => d !== null,
    ),
  ];
}

function expectWellFormed(draft: DraftSpec): void {
  for (const text of [draft.subject, draft.body]) {
    expect(text.replace(/\n/g, "")).not.toMatch(CONTROL_EXCEPT_NEWLINE);
    expect(text).not.toMatch(LONE_SURROGATE);
    expect(text).not.toMatch(/ {2}/);
  }
  expect(draft.subject).not.toContain("\n");
  expect(draft.subject.trim()).not.toBe("");
  expect(draft.subject.length).toBeLessThanOrEqual(MAX_SUBJECT);
  expect(draft.body.length).toBeLessThanOrEqual(MAX_BODY);
  expect(draft.body).not.toMatch(/\n{3,}|^[ \t]|[ \t]$/m);
  expect(draft.body).toBe(draft.body.trim());
}

const LONG_NOTE_WITH_SENTENCE = `We talked about their on-call rotation and how it burns people out. ${"More detail about incidents. ".repeat(70)}`;
const LONG_NOTE_WITHOUT_BREAKS = "word ".repeat(400);

function hostileContext(): DebriefContext {
  const base = debriefFixture();
  return debriefFixture({
    client: {
      name: `Zoë "Z" O'Brien 👩‍💻`,
      headline: "Engineer\u0000 who\u0007 ships\r\n<b>reliable</b>\tsystems",
      accomplishments: ['Cut costs by 30% <script>alert("x")</script>', LONG_NOTE_WITHOUT_BREAKS],
    },
    company: {
      name: "Acme & Sons <Ltd>",
      challenges: [`Scale "the" platform 🚀 ${"fast ".repeat(300)}`],
      researchNotes: "x",
    },
    application: { id: "app-1", roleTitle: "Lead\u202E Engineer", status: "interviewing" },
    interview: { ...base.interview, nextSteps: "Call\n\n\nnext week" },
    participants: [
      {
        contactId: "c1",
        name: `<script>alert("x")</script>`,
        discussed: LONG_NOTE_WITH_SENTENCE,
        challengesDiscussed: [],
      },
      { contactId: "c2", name: "Ana 🚀", discussed: LONG_NOTE_WITHOUT_BREAKS, challengesDiscussed: [] },
    ],
  });
}

describe("drafts with hostile input", () => {
  it("keeps HTML and quotes as literal text: escaping is the renderer's job", () => {
    const [first] = draftsForDebrief(hostileContext());

    expect(first?.body).toMatch(/^Hi <script>alert\("x"\)<\/script>,/);
    expect(first?.body).toContain("Acme & Sons <Ltd>");
    expect(first?.body).toContain(`Zoë "Z" O'Brien 👩‍💻`);
  });

  it("strips control characters and bidi overrides, and collapses line breaks inside sentences", () => {
    const drafts = draftsForDebrief(hostileContext());
    const letter = drafts.find((d) => d.kind === "follow_up_letter");

    expect(letter?.body).toContain(
      "In one line, here is what I would bring: Engineer who ships <b>reliable</b> systems.",
    );
    expect(letter?.body).toContain("Lead Engineer");
    for (const draft of drafts) expectWellFormed(draft);
  });

  it("turns a 2,000-character note into a sentence about its first line", () => {
    const [note] = draftsForDebrief(hostileContext());

    expect(LONG_NOTE_WITH_SENTENCE.length).toBeGreaterThan(2000);
    expect(note?.body).toContain("our conversation about your on-call rotation and how it burns people out.");
    expect(note?.body).not.toContain("More detail about incidents");
  });

  it("leaves out a note too long to become a sentence rather than pasting it", () => {
    const [, second] = draftsForDebrief(hostileContext());

    expect(second?.body).not.toContain("word word");
    expect(second?.body).toContain("the team");
    expect(second?.body.length).toBeLessThan(1200);
  });

  it("never splits an emoji when clipping", () => {
    const family = "👨‍👩‍👧‍👦";
    const clipped = clip(family.repeat(20), 30);

    expect(clipped.endsWith("…")).toBe(true);
    expect(clipped.slice(0, -1).split(family).join("")).toBe("");
    expect(summarise(`a${family}`.repeat(100), 50)).not.toMatch(LONE_SURROGATE);
  });
});

// --- Properties: any string in any field ------------------------------------------------------

const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.string({ unit: "binary-ascii", maxLength: 200 }),
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc.constantFrom("", " ", "\n\r\t", "\u0000", "\u202E", "{name}", "undefined", "null", "NaN", "[object Object]"),
  // Long notes, built by repetition because generating 2,000 random characters is slow.
  fc
    .tuple(fc.string({ unit: "binary", minLength: 1, maxLength: 12 }), fc.integer({ min: 150, max: 600 }))
    .map(([s, n]) => s.repeat(n)),
);

function contextOf(text: fc.Arbitrary<string>): fc.Arbitrary<DebriefContext> {
  const list = fc.array(text, { maxLength: 4 });
  const anyDate = fc.date({ noInvalidDate: false });
  const participant = fc.record({
    contactId: text,
    name: text,
    title: text,
    discussed: fc.option(text),
    challengesDiscussed: list,
  });
  return fc.record({
    client: fc.record({ name: text, headline: fc.option(text), accomplishments: list }),
    company: fc.record({ name: text, challenges: list, researchNotes: fc.option(text) }),
    // Enum fields get arbitrary strings too: rows are typed, but drafts must survive bad data.
    application: fc.record({ id: text, roleTitle: text, status: text as fc.Arbitrary<never> }),
    interview: fc.record({
      id: text,
      kind: text as fc.Arbitrary<never>,
      startsAt: anyDate,
      timeZone: fc.oneof(text, fc.constantFrom("Europe/London", "America/New_York")),
      nextSteps: fc.option(text),
      agreedCheckInOn: fc.option(fc.oneof(text, fc.constantFrom("2026-02-30", "2026-06-12"))),
      preferredChannel: fc.option(
        fc.oneof(text, fc.constantFrom("email", "phone", "linkedin", "via_recruiter")),
      ) as fc.Arbitrary<never>,
    }),
    participants: fc.array(participant, { maxLength: 3 }),
    commitments: fc.array(
      fc.record({
        id: text,
        description: text,
        dueAt: anyDate,
        contactId: fc.option(text),
        doneAt: fc.option(anyDate),
      }),
      { maxLength: 4 },
    ),
    goodWordContacts: fc.array(
      fc.record({
        contactId: text,
        name: text,
        knows: fc.array(
          fc.oneof(
            fc.record({ kind: fc.constant("person" as const), name: text, contactId: fc.option(text) }),
            fc.constant({ kind: "company" as const }),
          ),
          { maxLength: 6 },
        ),
      }),
      { maxLength: 3 },
    ),
  });
}

// Generous timeouts: property runs share the machine with the rest of the suite.
const PROPERTY_TIMEOUT_MS = 30_000;

describe("drafts for arbitrary input", () => {
  it(
    "never throw, and stay well formed and bounded",
    () => {
      fc.assert(
        fc.property(contextOf(anyText), (ctx) => {
          for (const draft of everyDraft(ctx)) expectWellFormed(draft);
        }),
        { numRuns: 200 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    "never leak a placeholder the input did not contain",
    () => {
      const cleanText = anyText.filter((s) => !PLACEHOLDER.test(s));
      fc.assert(
        fc.property(contextOf(cleanText), (ctx) => {
          for (const draft of everyDraft(ctx)) {
            expect(draft.subject).not.toMatch(PLACEHOLDER);
            expect(draft.body).not.toMatch(PLACEHOLDER);
          }
        }),
        { numRuns: 200 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    "are deterministic",
    () => {
      fc.assert(
        fc.property(contextOf(anyText), (ctx) => {
          expect(everyDraft(ctx)).toEqual(everyDraft(structuredClone(ctx)));
        }),
        { numRuns: 50 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
