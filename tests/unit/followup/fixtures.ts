import { DEFAULT_POLICY, type FollowUpPolicy } from "@/db/schema/org";
import type { PlanCommitment, PlanInput, PlanInterview } from "@/server/followup";

/**
 * Builders for planner input. A recipient in London, an interview at Brightline Health on
 * Thursday 14 May 2026 10:00–11:00 BST (09:00–10:00 UTC), planned on Sunday 10 May at noon UTC.
 */

export const LONDON = "Europe/London";
export const NEW_YORK = "America/New_York";

export const APPLICATION_ID = "app-1";

export function interview(overrides: Partial<PlanInterview> = {}): PlanInterview {
  return {
    id: "int-1",
    status: "scheduled",
    startsAt: new Date("2026-05-14T09:00:00Z"),
    endsAt: new Date("2026-05-14T10:00:00Z"),
    timeZone: LONDON,
    planVersion: 1,
    debriefedAt: null,
    agreedCheckInOn: null,
    notBeforeOn: null,
    preferredChannel: null,
    participants: [],
    companyChallenges: [],
    ...overrides,
  };
}

/** The same interview, held and debriefed an hour after it ended, with one interviewer. */
export function debriefedInterview(overrides: Partial<PlanInterview> = {}): PlanInterview {
  return interview({
    status: "completed",
    debriefedAt: new Date("2026-05-14T11:00:00Z"),
    participants: [{ contactId: "c-dana", name: "Dana Reyes", thankYouSentAt: null, thankYouHandwritten: false }],
    ...overrides,
  });
}

export function commitment(overrides: Partial<PlanCommitment> = {}): PlanCommitment {
  return {
    id: "com-1",
    description: "Send two references",
    dueAt: new Date("2026-05-18T16:00:00Z"), // Monday 17:00 BST
    doneAt: null,
    planVersion: 1,
    toName: "Dana Reyes",
    ...overrides,
  };
}

export type InputOverrides = Omit<Partial<PlanInput>, "application" | "recipient" | "policy"> & {
  application?: Partial<PlanInput["application"]>;
  recipient?: Partial<PlanInput["recipient"]>;
  policy?: Partial<FollowUpPolicy>;
};

export function planInput(overrides: InputOverrides = {}): PlanInput {
  const { application, recipient, policy, ...rest } = overrides;
  return {
    now: new Date("2026-05-10T12:00:00Z"),
    interviews: [],
    commitments: [],
    goodWordContacts: [],
    ...rest,
    policy: { ...DEFAULT_POLICY, ...policy },
    recipient: { timeZone: LONDON, preferences: {}, ...recipient },
    application: {
      id: APPLICATION_ID,
      status: "interviewing",
      statusChangedAt: new Date("2026-05-01T09:00:00Z"),
      planVersion: 1,
      companyName: "Brightline Health",
      roleTitle: "Product Designer",
      ...application,
    },
  };
}

export function ofKind<T extends { kind: string }>(plan: T[], kind: string): T[] {
  return plan.filter((reminder) => reminder.kind === kind);
}

/** The one reminder of a kind; fails the test when there is none or more than one. */
export function onlyOfKind<T extends { kind: string }>(plan: T[], kind: string): T {
  const found = ofKind(plan, kind);
  if (found.length !== 1) throw new Error(`expected exactly one ${kind}, got ${found.length}`);
  return found[0]!;
}

export function kindsOf(plan: Array<{ kind: string }>): string[] {
  return plan.map((reminder) => reminder.kind).sort();
}
