import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "@/db/schema/org";
import { draftAvailableAt } from "@/server/followup";

describe("when the drafts written at a debrief are due", () => {
  // An interview that ended at 11:00 in New York, debriefed at 13:00 the same day.
  const input = {
    now: new Date("2026-06-02T17:00:00Z"),
    policy: DEFAULT_POLICY,
    timeZone: "America/New_York",
    interview: { endsAt: new Date("2026-06-02T15:00:00Z"), debriefedAt: new Date("2026-06-02T17:00:00Z") },
  };

  it("shows the thank-you notes and a good-word ask at once", () => {
    expect(draftAvailableAt("thank_you", input)).toEqual(input.now);
    expect(draftAvailableAt("networking_ask", input)).toEqual(input.now);
  });

  it("holds the follow-up letter until the thank-you window has closed", () => {
    expect(draftAvailableAt("follow_up_letter", input)).toEqual(new Date("2026-06-03T15:00:00Z"));
    expect(draftAvailableAt("follow_up_letter", { ...input, policy: { ...DEFAULT_POLICY, thankYouWindowHours: 48 } })).toEqual(
      new Date("2026-06-04T15:00:00Z"),
    );
  });

  it("holds the proposal until the next morning, in the client's zone", () => {
    expect(draftAvailableAt("proposal", input)).toEqual(new Date("2026-06-03T13:00:00Z"));
  });

  it("moves a moment that falls in quiet hours to their end", () => {
    // Ended at 22:00 local: the window closes at 22:00 the next day, inside quiet hours (21:00–08:00),
    // so the letter waits for 08:00 the morning after.
    const late = { ...input, interview: { ...input.interview, endsAt: new Date("2026-06-03T02:00:00Z") }, now: new Date("2026-06-03T02:30:00Z") };
    expect(draftAvailableAt("follow_up_letter", late)).toEqual(new Date("2026-06-04T12:00:00Z"));
  });

  it("never schedules in the past: a debrief recorded late shows everything now", () => {
    const later = { ...input, now: new Date("2026-06-10T12:00:00Z"), interview: { ...input.interview, debriefedAt: new Date("2026-06-10T12:00:00Z") } };
    expect(draftAvailableAt("follow_up_letter", later)).toEqual(later.now);
    expect(+draftAvailableAt("proposal", later)).toBeGreaterThan(+later.now);
  });
});
