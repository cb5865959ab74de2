import { describe, expect, it } from "vitest";
import { planApplication } from "@/server/followup";
import { NEW_YORK, commitment, debriefedInterview, interview, onlyOfKind, planInput } from "./fixtures";

/** US clocks go forward on Sunday 8 March 2026 (02:00 EST → 03:00 EDT) and back on Sunday 1 November. */
const at = (iso: string) => new Date(iso);
const inNewYork = { recipient: { timeZone: NEW_YORK } };

function interviewAt(startsAt: string, endsAt: string, overrides = {}) {
  return interview({ startsAt: at(startsAt), endsAt: at(endsAt), timeZone: NEW_YORK, ...overrides });
}

describe("planner across DST in America/New_York", () => {
  it("March: prepare for a Monday interview is 18:00 EDT on the Sunday of the change", () => {
    const monday = interviewAt("2026-03-09T14:00:00Z", "2026-03-09T15:00:00Z");
    const plan = planApplication(planInput({ ...inNewYork, interviews: [monday], now: at("2026-03-01T12:00:00Z") }));
    expect(onlyOfKind(plan, "prepare").dueAt).toEqual(at("2026-03-08T22:00:00Z"));
  });

  it("March: prepare for an interview on the day of the change is 18:00 EST the day before", () => {
    const sunday = interviewAt("2026-03-08T14:00:00Z", "2026-03-08T15:00:00Z");
    const plan = planApplication(planInput({ ...inNewYork, interviews: [sunday], now: at("2026-03-01T12:00:00Z") }));
    expect(onlyOfKind(plan, "prepare").dueAt).toEqual(at("2026-03-07T23:00:00Z"));
    expect(onlyOfKind(plan, "prepare").reason).toContain("tomorrow at 10:00 (America/New_York)");
  });

  it("November: prepare for a Monday interview is 18:00 EST on the Sunday of the change", () => {
    const monday = interviewAt("2026-11-02T15:00:00Z", "2026-11-02T16:00:00Z");
    const plan = planApplication(planInput({ ...inNewYork, interviews: [monday], now: at("2026-10-25T12:00:00Z") }));
    expect(onlyOfKind(plan, "prepare").dueAt).toEqual(at("2026-11-01T23:00:00Z"));
  });

  it("March: the default check-in keeps the local time across the change (15:00 EST → 15:00 EDT)", () => {
    const thursday = interviewAt("2026-03-05T19:00:00Z", "2026-03-05T20:00:00Z", {
      status: "completed",
      debriefedAt: at("2026-03-05T21:00:00Z"),
    });
    const plan = planApplication(
      planInput({ ...inNewYork, interviews: [thursday], now: at("2026-03-05T21:00:00Z"), application: { statusChangedAt: at("2026-03-01T12:00:00Z") } }),
    );
    expect(onlyOfKind(plan, "check_in").dueAt).toEqual(at("2026-03-12T19:00:00Z"));
  });

  it("November: the default check-in keeps the local time across the change (15:00 EDT → 15:00 EST)", () => {
    const thursday = interviewAt("2026-10-29T18:00:00Z", "2026-10-29T19:00:00Z", {
      status: "completed",
      debriefedAt: at("2026-10-29T20:00:00Z"),
    });
    const plan = planApplication(
      planInput({ ...inNewYork, interviews: [thursday], now: at("2026-10-29T20:00:00Z"), application: { statusChangedAt: at("2026-10-01T12:00:00Z") } }),
    );
    expect(onlyOfKind(plan, "check_in").dueAt).toEqual(at("2026-11-05T20:00:00Z"));
  });

  it("March: a debrief due in the night of the change goes out at 08:00 EDT", () => {
    // Ends Saturday 23:30 EST; the debrief would be due at 00:30.
    const late = interviewAt("2026-03-08T03:30:00Z", "2026-03-08T04:30:00Z");
    const plan = planApplication(planInput({ ...inNewYork, interviews: [late], now: at("2026-03-01T12:00:00Z") }));
    expect(onlyOfKind(plan, "debrief").dueAt).toEqual(at("2026-03-08T12:00:00Z"));
  });

  it("March: a prepare time skipped by the jump (02:30) goes out at 03:30 EDT when there are no quiet hours", () => {
    const monday = interviewAt("2026-03-09T14:00:00Z", "2026-03-09T15:00:00Z");
    const plan = planApplication(
      planInput({
        ...inNewYork,
        interviews: [monday],
        now: at("2026-03-01T12:00:00Z"),
        policy: { prepareLocalTime: "02:30", quietHoursStart: "00:00", quietHoursEnd: "00:00" },
      }),
    );
    expect(onlyOfKind(plan, "prepare").dueAt).toEqual(at("2026-03-08T07:30:00Z"));
  });

  it("November: an overdue promise due in the repeated hour goes out at 08:00 EST", () => {
    const promise = commitment({ dueAt: at("2026-11-01T06:30:00Z") }); // 01:30 EST, the second 01:30
    const plan = planApplication(planInput({ ...inNewYork, commitments: [promise], now: at("2026-10-25T12:00:00Z") }));
    expect(onlyOfKind(plan, "commitment_overdue").dueAt).toEqual(at("2026-11-01T13:00:00Z"));
    // 24 h earlier is Saturday 02:30 EDT: also quiet, so 08:00 EDT.
    expect(onlyOfKind(plan, "commitment_due").dueAt).toEqual(at("2026-10-31T12:00:00Z"));
  });

  it("November: a reconnect 90 days after a September rejection is at 09:00 EST", () => {
    const plan = planApplication(
      planInput({
        ...inNewYork,
        interviews: [debriefedInterview()],
        now: at("2026-09-01T13:00:00Z"),
        application: { status: "rejected", statusChangedAt: at("2026-09-01T13:00:00Z") },
      }),
    );
    expect(onlyOfKind(plan, "reconnect").dueAt).toEqual(at("2026-11-30T14:00:00Z"));
  });
});
