import { describe, expect, it } from "vitest";
import { draftsForDebrief } from "@/server/services/drafts/generate";
import type { CommitmentFacts, DebriefContext, DraftTone, Participant } from "@/server/services/drafts/types";
import { PLACEHOLDER } from "./fixtures";

/**
 * The checks a reviewer makes on every thank-you note and follow-up letter, over debriefs as
 * people really type them: terse and verbose, notes in the first and third person, no
 * accomplishments, big panels, names from many languages, an interviewer known only by email.
 */

type Case = {
  name: string;
  tone?: DraftTone;
  participants: Participant[];
  accomplishments?: string[];
  challenges?: string[];
  commitments?: Omit<CommitmentFacts, "id" | "dueAt">[];
  nextSteps?: string | null;
  /** Texts that must appear in the note (thank-you) to the first interviewer. */
  noteSays?: string[];
  /** Texts that must appear in the letter to the first interviewer. */
  letterSays?: string[];
  /** Texts that must appear nowhere. */
  never?: string[];
  /** Texts that must not appear in the note or letter to the first interviewer. */
  firstNever?: string[];
};

const DUE = new Date("2026-06-04T16:00:00Z");

function person(contactId: string, name: string, discussed?: string | null, challengesDiscussed: string[] = []): Participant {
  return { contactId, name, discussed, challengesDiscussed };
}

const CASES: Case[] = [
  {
    name: "the reported case: third-person note, promise as a to-do, next steps about the reader",
    participants: [
      person("elena", "Elena Marquez", "We talked about how her team is consolidating three dashboards into one", ["Consolidating three dashboards into one"]),
      person("jonas", "Jonas Weber", "editor performance", ["Editor performance on large files"]),
    ],
    accomplishments: ["built a design system used by 40 engineers", "ran usability sessions with 30 customers"],
    commitments: [{ description: "Send Elena a link to my portfolio with the design-system case study", contactId: "elena" }],
    nextSteps: "Elena said they'll get back to me by Friday",
    noteSays: [
      "Hi Elena,",
      "our conversation about how your team is consolidating three dashboards into one.",
      "I'll send you a link to my portfolio with the design-system case study by Thursday 4 June.",
      "I look forward to hearing from you",
    ],
    never: ["Dear Elena Marquez", "her team", "Elena said", 'follow up on "', "usability sessions"],
  },
  {
    name: "formal register greets with Dear and a first name",
    tone: "formal",
    participants: [person("a", "Margaret Okafor", "Discussed the quarterly planning process")],
    noteSays: ["Dear Margaret,", "our conversation about the quarterly planning process.", "Kind regards,\nSam Rivera"],
    never: ["Hi Margaret", "Discussed the"],
  },
  {
    name: "terse note of two words",
    participants: [person("a", "Li Wei", "hiring plans")],
    noteSays: ["Hi Li,", "about hiring plans"],
  },
  {
    name: "verbose note keeps only its first sentence",
    participants: [
      person(
        "a",
        "Anna Kowalski",
        "She explained how the platform team is splitting the monolith into services. Then we spent ages on on-call, incident reviews, the budget for next year and the reorg in March.",
      ),
    ],
    noteSays: ["hat you said about how the platform team is splitting the monolith into services"],
    never: ["She explained", "incident reviews"],
  },
  {
    name: "first-person note about what the client asked",
    participants: [person("a", "Tomás Ruiz", "I asked about remote work and travel")],
    noteSays: ["Hi Tomás,", "about remote work and travel"],
    never: ["I asked about"],
  },
  {
    name: "third-person note with a verb that follows 'you' as well",
    participants: [person("a", "Chiara Bianchi", "She is rebuilding the onboarding flow")],
    noteSays: ["about how you are rebuilding the onboarding flow"],
    never: ["She is", "she is"],
  },
  {
    name: "third-person note that cannot be turned around is left out",
    participants: [person("a", "Kwame Mensah", "he focuses on growth loops and she handles retention")],
    never: ["he focuses", "she handles", "growth loops"],
  },
  {
    name: "a memorable phrase in quotes is quoted back",
    participants: [person("a", "Ingrid Johansson", 'Her motto: "we hire for trust, not hours"')],
    noteSays: ['"we hire for trust, not hours"'],
    never: ["Her motto"],
  },
  {
    name: "no accomplishments at all",
    participants: [person("a", "Oluwaseun Adeyemi", "the move to Kubernetes", ["Moving everything to Kubernetes"])],
    accomplishments: [],
    noteSays: ["about the move to Kubernetes"],
    letterSays: ["I would welcome the chance to talk it through"],
    never: ["I have worked on something close to it before"],
  },
  {
    name: "the accomplishment that matches the challenge, not the first one",
    participants: [person("a", "Priya Nair", "cloud bills", ["Cloud costs growing faster than revenue"])],
    accomplishments: ["Won the design award in 2023", "Cut cloud costs by 30% in six months"],
    letterSays: ["I cut cloud costs by 30% in six months."],
    never: ["design award"],
  },
  {
    name: "a many-person panel",
    participants: [
      person("a", "Aiko Tanaka", "the mobile roadmap"),
      person("b", "Bjørn Halvorsen", "the mobile roadmap"),
      person("c", "Camille Dubois", "the mobile roadmap"),
      person("d", "Dmitri Volkov", "the mobile roadmap"),
      person("e", "Eun-ji Park", "the mobile roadmap"),
    ],
    noteSays: ["Hi Aiko,"],
  },
  {
    name: "an interviewer known only by an email address",
    participants: [person("a", "recruiting@northwind.example", "the interview loop")],
    noteSays: ["Hi there,"],
    never: ["Hi recruiting", "@northwind"],
  },
  {
    name: "an interviewer with a title before their name",
    tone: "formal",
    participants: [person("a", "Dr. Amara Nwosu", "the research agenda")],
    noteSays: ["Dear Dr. Nwosu,"],
  },
  {
    name: "names with accents and non-Latin scripts",
    participants: [person("a", "Zoë Müller-Lüdenscheidt", "the payments team"), person("b", "王 小明", "data quality")],
    noteSays: ["Hi Zoë,"],
  },
  {
    name: "a promise written as a noun phrase",
    participants: [person("a", "Hannah Schmidt", "testing strategy")],
    commitments: [{ description: "references", contactId: "a" }],
    noteSays: ["I'll send you the references by Thursday 4 June."],
  },
  {
    name: "a promise already in the first person",
    participants: [person("a", "Rafael Costa", "the pricing page")],
    commitments: [{ description: "I will share the A/B test write-up with Rafael", contactId: "a" }],
    noteSays: ["I'll share the A/B test write-up with you by Thursday 4 June."],
    never: ["I'll I will", "with Rafael"],
  },
  {
    name: "a promise made to someone else is not mentioned",
    participants: [person("a", "Sofia Rossi", "design critique"), person("b", "Noah Levi", "design critique")],
    commitments: [{ description: "Send Noah the deck", contactId: "b" }],
    firstNever: ["the deck"],
  },
  {
    name: "a kept promise is never mentioned",
    participants: [person("a", "Fatima Zahra", "team rituals")],
    commitments: [{ description: "Send the case study", contactId: "a", doneAt: new Date("2026-06-03T10:00:00Z") }],
    never: ["case study"],
  },
  {
    name: "next steps written as a plan are looked forward to",
    participants: [person("a", "Grace Kim", "the analytics stack")],
    nextSteps: "A take-home exercise, then a call with the VP",
    noteSays: ["the next step: a take-home exercise, then a call with the VP."],
  },
  {
    name: "no discussion noted, only a challenge",
    participants: [person("a", "Lars Nilsson", null, ["Reducing churn among small customers"])],
    accomplishments: ["Reduced churn by 12% for small business customers"],
    noteSays: ["I enjoyed talking with you about reducing churn among small customers."],
    letterSays: ["I reduced churn by 12% for small business customers."],
  },
  {
    name: "nothing noted at all",
    participants: [person("a", "Mia Wong", ""), person("b", "Omar Haddad", "  ")],
    challenges: [],
    noteSays: ["Hi Mia,"],
  },
  {
    name: "an accomplishment written as a noun phrase",
    participants: [person("a", "Ella Brown", "search relevance", ["Search relevance for long queries"])],
    accomplishments: ["Search ranking model that lifted relevance for long queries by 18%"],
    letterSays: ["One example from my own work: search ranking model that lifted relevance for long queries by 18%."],
  },
  {
    name: "a role title that already says role",
    participants: [person("a", "Jack Taylor", "the support backlog")],
    noteSays: ["the Support Lead role at Acme Analytics"],
    never: ["role role", "the The"],
  },
];

function contextFor(c: Case): DebriefContext {
  return {
    client: {
      name: "Sam Rivera",
      headline: null,
      accomplishments: c.accomplishments ?? ["Cut cloud costs by 30% in six months"],
      tone: c.tone ?? "warm",
    },
    company: { name: "Acme Analytics", challenges: c.challenges ?? [] },
    application: { id: "app", roleTitle: c.name.includes("role title") ? "The Support Lead role" : "Product Designer", status: "interviewing" },
    interview: {
      id: "int",
      kind: "video",
      startsAt: new Date("2026-06-02T09:00:00Z"),
      timeZone: "Europe/London",
      nextSteps: c.nextSteps,
    },
    participants: c.participants,
    commitments: (c.commitments ?? []).map((commitment, index) => ({ id: `cm-${index}`, dueAt: DUE, ...commitment })),
  };
}

const DOUBLED_WORD = /\b(\p{L}+)\s+\1\b/iu;

describe.each(CASES)("drafts after a debrief: $name", (c) => {
  const drafts = draftsForDebrief(contextFor(c));
  const notes = drafts.filter((d) => d.kind === "thank_you");
  const letters = drafts.filter((d) => d.kind === "follow_up_letter");

  it("writes one note and one letter per interviewer", () => {
    expect(notes).toHaveLength(c.participants.length);
    expect(letters).toHaveLength(c.participants.length);
  });

  it("greets each person by first name only, in the client's register", () => {
    for (const draft of [...notes, ...letters]) {
      const participant = c.participants.find((p) => p.contactId === draft.contactId)!;
      const greeting = draft.body.split("\n")[0]!;
      expect(greeting).toMatch(c.tone === "formal" ? /^(Dear|Hello)\b/ : /^Hi\b/);
      const [first, ...rest] = participant.name.split(" ");
      if (rest.length > 0 && !participant.name.includes("@") && !/^dr\.?$/i.test(first!)) {
        expect(greeting).toBe(`${c.tone === "formal" ? "Dear" : "Hi"} ${first},`);
      }
    }
  });

  it("never pastes a note about someone into a letter to them", () => {
    for (const draft of [...notes, ...letters]) {
      expect(draft.body).not.toMatch(/\b(she|he)\s+(said|talked|mentioned|explained|is|was|focuses)\b/i);
      expect(draft.body).not.toMatch(/\b(we talked about|discussed the)\b/i);
      expect(draft.body).not.toMatch(/: \p{Lu}\p{Ll}+ (said|mentioned)/u);
    }
  });

  it("writes promises as sentences, never as quoted to-dos", () => {
    for (const draft of [...notes, ...letters]) {
      expect(draft.body).not.toMatch(/follow up on "|As promised, I will follow up/);
      const promise = (c.commitments ?? []).find((p) => p.contactId === draft.contactId && !p.doneAt);
      if (promise) expect(draft.body).toMatch(/I'll .+ by Thursday 4 June\./);
    }
  });

  it("says what a reviewer expects, and nothing it should not", () => {
    const [note] = notes;
    const [letter] = letters;
    for (const text of c.noteSays ?? []) expect(note?.body).toContain(text);
    for (const text of c.letterSays ?? []) expect(letter?.body).toContain(text);
    for (const draft of drafts) for (const text of c.never ?? []) expect(draft.body).not.toContain(text);
    for (const text of c.firstNever ?? []) {
      expect(note?.body).not.toContain(text);
      expect(letter?.body).not.toContain(text);
    }
  });

  it("leaves no placeholder, doubled word or empty sentence, and fits a short email", () => {
    for (const draft of [...notes, ...letters]) {
      expect(draft.body).not.toMatch(PLACEHOLDER);
      expect(draft.body).not.toMatch(DOUBLED_WORD);
      expect(draft.body).not.toMatch(/ {2}|\.\.(?!\.)|: \.|,\./);
      expect(draft.subject).not.toMatch(PLACEHOLDER);
    }
    for (const note of notes) expect(note.body.length).toBeLessThanOrEqual(900);
    for (const letter of letters) expect(letter.body.length).toBeLessThanOrEqual(1400);
    for (const draft of [...notes, ...letters]) expect(draft.body.length).toBeGreaterThanOrEqual(150);
  });

  it("never pairs a challenge with an accomplishment that shares no word with it", () => {
    for (const letter of letters) {
      if (!letter.body.includes("I have worked on something close to it before")) continue;
      const challenge = /(?:facing|stayed with me): ([^\n]+?)\. I have worked/.exec(letter.body)?.[1] ?? "";
      const claim = /close to it before\. ([^\n]+?\.) I would bring/.exec(letter.body)?.[1] ?? "";
      const words = (text: string) => new Set(text.toLowerCase().match(/\p{L}{4,}/gu) ?? []);
      const shared = [...words(claim)].filter((w) => [...words(challenge)].some((v) => v.slice(0, 4) === w.slice(0, 4)));
      expect(shared.length, `${challenge} / ${claim}`).toBeGreaterThan(0);
    }
  });

  it("writes two people on one panel different notes", () => {
    if (notes.length < 2) return;
    const anonymous = (body: string, contactId: string | null) => {
      const name = c.participants.find((p) => p.contactId === contactId)!.name.split(" ")[0]!;
      return body.replaceAll(name, "NAME");
    };
    const bodies = notes.map((n) => anonymous(n.body, n.contactId));
    expect(new Set(bodies).size).toBe(bodies.length);
    const letterBodies = letters.map((l) => anonymous(l.body, l.contactId));
    expect(new Set(letterBodies).size).toBe(letterBodies.length);
  });
});

it("covers at least twenty debriefs", () => {
  expect(CASES.length).toBeGreaterThanOrEqual(20);
});
