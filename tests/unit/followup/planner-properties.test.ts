import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { FollowUpPolicy } from "@/db/schema/org";
import {
  PLANNED_KINDS,
  ZFollowUpPolicy,
  addDaysToIsoDate,
  isInQuietHours,
  localDateOf,
  localTimeOn,
  planApplication,
  type PlanCommitment,
  type PlanInput,
  type PlanInterview,
  type PlannedReminder,
} from "@/server/followup";

const HOUR_MS = 60 * 60 * 1000;
const ZONES = ["America/New_York", "America/Los_Angeles", "Europe/London", "Asia/Tokyo", "Australia/Sydney", "Asia/Kolkata", "UTC"];
// A year that crosses every DST change of the zones above.
const FROM = new Date("2026-01-15T00:00:00Z");
const TO = new Date("2026-12-15T00:00:00Z");

const zone = fc.constantFrom(...ZONES);
const instant = fc.date({ min: FROM, max: TO, noInvalidDate: true });
const hhmm = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`);

const policy: fc.Arbitrary<FollowUpPolicy> = fc
  .record({
    prepareLocalTime: hhmm,
    debriefDelayMinutes: fc.integer({ min: 0, max: 1440 }),
    thankYouWindowHours: fc.integer({ min: 1, max: 168 }),
    commitmentLeadHours: fc.integer({ min: 1, max: 168 }),
    checkInDefaultDays: fc.integer({ min: 1, max: 60 }),
    reconnectAfterDays: fc.integer({ min: 7, max: 365 }),
    quietHoursStart: hhmm,
    quietHoursEnd: hhmm,
    goneQuietDays: fc.integer({ min: 1, max: 90 }),
    aiRewriting: fc.boolean(),
  })
  .filter((candidate) => ZFollowUpPolicy.safeParse(candidate).success);

const interviewWithoutId = fc
  .record({
    startsAt: instant,
    durationMinutes: fc.integer({ min: 15, max: 240 }),
    status: fc.constantFrom("scheduled", "completed", "cancelled" as const),
    timeZone: zone,
    planVersion: fc.integer({ min: 1, max: 5 }),
    debriefHoursAfterEnd: fc.option(fc.integer({ min: 0, max: 96 })),
    agreedDaysAfterEnd: fc.option(fc.integer({ min: -3, max: 30 })),
    notBeforeDaysAfterEnd: fc.option(fc.integer({ min: -3, max: 30 })),
    preferredChannel: fc.option(fc.constantFrom("email", "phone", "linkedin", "via_recruiter", "other")),
    thanks: fc.array(fc.record({ sent: fc.boolean(), handwritten: fc.boolean() }), { maxLength: 3 }),
    companyChallenges: fc.array(fc.constantFrom("churn", "slow onboarding", "  "), { maxLength: 2 }),
  })
  .map((g): Omit<PlanInterview, "id"> => {
    const endsAt = new Date(+g.startsAt + g.durationMinutes * 60_000);
    const endDay = localDateOf(endsAt, g.timeZone);
    const dayAfterEnd = (days: number | null) => (days === null ? null : addDaysToIsoDate(endDay, days));
    return {
      status: g.status,
      startsAt: g.startsAt,
      endsAt,
      timeZone: g.timeZone,
      planVersion: g.planVersion,
      debriefedAt: g.debriefHoursAfterEnd === null ? null : new Date(+endsAt + g.debriefHoursAfterEnd * HOUR_MS),
      agreedCheckInOn: dayAfterEnd(g.agreedDaysAfterEnd),
      notBeforeOn: dayAfterEnd(g.notBeforeDaysAfterEnd),
      preferredChannel: g.preferredChannel,
      participants: g.thanks.map((thanks, i) => ({
        contactId: `contact-${i}`,
        name: `Interviewer ${i}`,
        thankYouSentAt: thanks.sent ? endsAt : null,
        thankYouHandwritten: thanks.handwritten,
      })),
      companyChallenges: g.companyChallenges,
    };
  });

const commitmentWithoutId = fc.record({
  description: fc.constantFrom("Send references", "Share a work sample"),
  dueAt: instant,
  doneAt: fc.option(instant),
  planVersion: fc.integer({ min: 1, max: 5 }),
  toName: fc.option(fc.constantFrom("Dana Reyes", "Sam Ortiz")),
});

const planInputs: fc.Arbitrary<PlanInput> = fc
  .record({
    now: instant,
    policy,
    timeZone: zone,
    switchedOff: fc.subarray([...PLANNED_KINDS], { maxLength: 2 }),
    status: fc.constantFrom("saved", "applied", "interviewing", "offer", "accepted", "rejected", "withdrawn" as const),
    statusChangedAt: instant,
    applicationVersion: fc.integer({ min: 1, max: 5 }),
    interviews: fc.array(interviewWithoutId, { maxLength: 4 }),
    commitments: fc.array(commitmentWithoutId, { maxLength: 3 }),
    goodWordCount: fc.integer({ min: 0, max: 2 }),
  })
  .map((g) => ({
    now: g.now,
    policy: g.policy,
    recipient: { timeZone: g.timeZone, preferences: Object.fromEntries(g.switchedOff.map((kind) => [kind, false])) },
    application: {
      id: "app-1",
      status: g.status,
      statusChangedAt: g.statusChangedAt,
      planVersion: g.applicationVersion,
      companyName: "Brightline Health",
      roleTitle: "Product Designer",
    },
    interviews: g.interviews.map((interview, i): PlanInterview => ({ id: `int-${i}`, ...interview })),
    commitments: g.commitments.map((commitment, i): PlanCommitment => ({ id: `com-${i}`, ...commitment })),
    goodWordContacts: Array.from({ length: g.goodWordCount }, (_, i) => ({ contactId: `friend-${i}`, name: `Friend ${i}`, knows: "Brightline Health" })),
  }));

/** Checks one plan against its input; returns nothing, fails through expect. */
type PlanCheck = (input: PlanInput, plan: PlannedReminder[]) => void;

function forAllPlans(check: PlanCheck) {
  fc.assert(
    fc.property(planInputs, (input) => check(input, planApplication(input))),
    { numRuns: 400 },
  );
}

const interviewOf = (input: PlanInput, reminder: PlannedReminder) => input.interviews.find((i) => i.id === reminder.interviewId)!;
const commitmentOf = (input: PlanInput, reminder: PlannedReminder) => input.commitments.find((c) => c.id === reminder.commitmentId)!;

/** Start of a calendar date in a zone: nothing about that date may happen before it. */
const startOfDay = (dateISO: string, timeZone: string) => localTimeOn(dateISO, "00:00", timeZone);

describe("planner properties", () => {
  it("dedupe keys are unique and name the kind, the subject and its plan version", () => {
    forAllPlans((input, plan) => {
      expect(new Set(plan.map((r) => r.dedupeKey)).size).toBe(plan.length);
      for (const reminder of plan) {
        const subject = reminder.commitmentId
          ? commitmentOf(input, reminder)
          : ["prepare", "debrief", "thank_you_due", "check_in"].includes(reminder.kind)
            ? interviewOf(input, reminder)
            : input.application;
        expect(reminder.dedupeKey).toBe(`${reminder.kind}/${subject.id}/v${subject.planVersion}`);
      }
    });
  });

  it("nothing is due in the past or inside the recipient's quiet hours", () => {
    forAllPlans((input, plan) => {
      for (const reminder of plan) {
        expect(+reminder.dueAt).toBeGreaterThanOrEqual(+input.now);
        expect(isInQuietHours(reminder.dueAt, input.recipient.timeZone, input.policy)).toBe(false);
      }
    });
  });

  it("prepare is strictly before a scheduled interview's start", () => {
    forAllPlans((input, plan) => {
      for (const reminder of plan.filter((r) => r.kind === "prepare")) {
        const interview = interviewOf(input, reminder);
        expect(interview.status).toBe("scheduled");
        expect(+reminder.dueAt).toBeLessThan(+interview.startsAt);
      }
    });
  });

  it("check-in is never before the employer's dates, in either zone, and only while nothing moved", () => {
    forAllPlans((input, plan) => {
      for (const reminder of plan.filter((r) => r.kind === "check_in")) {
        const interview = interviewOf(input, reminder);
        expect(interview.debriefedAt).not.toBeNull();
        expect(+input.application.statusChangedAt).toBeLessThanOrEqual(+interview.endsAt);
        expect(["accepted", "rejected", "withdrawn"]).not.toContain(input.application.status);
        expect(+reminder.dueAt).toBeGreaterThanOrEqual(+interview.endsAt);
        for (const date of [interview.agreedCheckInOn, interview.notBeforeOn]) {
          if (!date) continue;
          expect(+reminder.dueAt).toBeGreaterThanOrEqual(+startOfDay(date, interview.timeZone));
          expect(+reminder.dueAt).toBeGreaterThanOrEqual(+startOfDay(date, input.recipient.timeZone));
        }
      }
    });
  });

  it("debrief, thank-you and commitment reminders respect their rule's earliest time", () => {
    forAllPlans((input, plan) => {
      const { policy } = input;
      for (const reminder of plan) {
        if (reminder.kind === "debrief") {
          const interview = interviewOf(input, reminder);
          expect(interview.debriefedAt).toBeNull();
          expect(+reminder.dueAt).toBeGreaterThanOrEqual(+interview.endsAt + policy.debriefDelayMinutes * 60_000);
        }
        if (reminder.kind === "thank_you_due") {
          const interview = interviewOf(input, reminder);
          expect(interview.debriefedAt).not.toBeNull();
          expect(interview.participants.some((p) => !p.thankYouSentAt && !p.thankYouHandwritten)).toBe(true);
          expect(+reminder.dueAt).toBeGreaterThanOrEqual(+interview.endsAt + policy.thankYouWindowHours * HOUR_MS);
        }
        if (reminder.kind === "commitment_due" || reminder.kind === "commitment_overdue") {
          const commitment = commitmentOf(input, reminder);
          expect(commitment.doneAt).toBeNull();
          if (reminder.kind === "commitment_due") expect(+reminder.dueAt).toBeLessThan(+commitment.dueAt);
          else expect(+reminder.dueAt).toBeGreaterThanOrEqual(+commitment.dueAt);
        }
      }
    });
  });

  it("a closed application plans only what closing allows", () => {
    forAllPlans((input, plan) => {
      const kinds = plan.map((r) => r.kind);
      if (input.application.status === "rejected") {
        expect(kinds.every((kind) => kind === "rejection_follow_through" || kind === "reconnect")).toBe(true);
      }
      if (input.application.status === "withdrawn" || input.application.status === "accepted") expect(plan).toEqual([]);
    });
  });

  it("switched-off kinds never appear, and switching off removes nothing else", () => {
    forAllPlans((input, plan) => {
      const off = Object.keys(input.recipient.preferences);
      expect(plan.filter((r) => off.includes(r.kind))).toEqual([]);
      const everythingOn = planApplication({ ...input, recipient: { ...input.recipient, preferences: {} } });
      expect(plan).toEqual(everythingOn.filter((r) => !off.includes(r.kind)));
    });
  });

  it("is deterministic", () => {
    forAllPlans((input, plan) => {
      expect(planApplication(structuredClone(input))).toEqual(plan);
    });
  });
});
