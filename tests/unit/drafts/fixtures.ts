import type { DebriefContext } from "@/server/services/drafts/types";

/** Anything a template could leave behind when a value is missing. */
export const PLACEHOLDER = /[{}]|undefined|null|NaN|\[object/;

/** A realistic debrief: two interviewers, stated challenges, promises and a good-word contact. */
export function debriefFixture(overrides: Partial<DebriefContext> = {}): DebriefContext {
  return {
    client: {
      name: "Sam Rivera",
      headline: "Data engineer who turns fragile pipelines into dependable ones",
      accomplishments: [
        "Led a team of four that cut monthly cloud spend by 30% without slowing releases",
        "Rebuilt the nightly data pipeline at Northwind so failed runs dropped from weekly to twice a year",
      ],
    },
    company: {
      name: "Acme Analytics",
      challenges: ["Keeping cloud costs in check as usage grows", "Making the data pipeline reliable"],
      researchNotes: "Private: their CFO left in March.",
    },
    application: { id: "app-1", roleTitle: "Senior Data Engineer", status: "interviewing" },
    interview: {
      id: "int-1",
      kind: "video",
      startsAt: new Date("2026-06-02T09:00:00Z"),
      timeZone: "Europe/London",
      nextSteps: "A technical exercise, then a final round with the CTO",
      agreedCheckInOn: "2026-06-12",
      preferredChannel: "email",
    },
    participants: [
      {
        contactId: "c-priya",
        name: "Priya Shah",
        title: "Head of Data",
        discussed: "How the team plans to move its nightly batch jobs to streaming",
        challengesDiscussed: ["Making the data pipeline reliable"],
      },
      {
        contactId: "c-tom",
        name: "Tom Becker",
        title: "Engineering Manager",
        discussed: "Growing the team from three to eight engineers this year",
        challengesDiscussed: [],
      },
    ],
    commitments: [
      { id: "cm-1", description: "Send two references", dueAt: new Date("2026-06-04T16:00:00Z"), contactId: "c-priya" },
      {
        id: "cm-2",
        description: "Share the cost dashboard write-up",
        dueAt: new Date("2026-06-05T16:00:00Z"),
        contactId: "c-tom",
        doneAt: new Date("2026-06-03T10:00:00Z"),
      },
    ],
    goodWordContacts: [
      {
        contactId: "c-lena",
        name: "Lena Ortiz",
        knows: [{ kind: "person", name: "Priya Shah", contactId: "c-priya" }],
      },
    ],
    ...overrides,
  };
}
