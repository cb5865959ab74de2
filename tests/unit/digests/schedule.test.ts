import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { digestDedupeKey, mondayOf, nextDigestSlot } from "../../../server/digests/schedule";
import { localDateOf, localMinuteOfDay } from "../../../server/followup/time";

const quiet = { quietHoursStart: "21:00", quietHoursEnd: "08:00" };
const at = (iso: string) => new Date(iso);

describe("the weekly digest's slot: the recipient's Monday at 08:00", () => {
  it("is this Monday's 08:00 until it has passed, then next Monday's", () => {
    expect(nextDigestSlot(at("2026-11-25T12:00:00Z"), "Europe/London", quiet)).toEqual({
      dueAt: at("2026-11-30T08:00:00Z"),
      weekStart: "2026-11-30",
      week: "2026-W49",
    });
    expect(nextDigestSlot(at("2026-11-30T07:59:00Z"), "Europe/London", quiet).dueAt).toEqual(at("2026-11-30T08:00:00Z"));
    expect(nextDigestSlot(at("2026-11-30T08:00:00Z"), "Europe/London", quiet).dueAt).toEqual(at("2026-11-30T08:00:00Z"));
    expect(nextDigestSlot(at("2026-11-30T08:00:01Z"), "Europe/London", quiet)).toMatchObject({
      dueAt: at("2026-12-07T08:00:00Z"),
      week: "2026-W50",
    });
  });

  it("follows the recipient's own calendar: Monday 08:00 in Tokyo is Sunday 23:00 UTC", () => {
    const slot = nextDigestSlot(at("2026-11-26T00:00:00Z"), "Asia/Tokyo", quiet);
    expect(slot.dueAt).toEqual(at("2026-11-29T23:00:00Z"));
    expect(slot.weekStart).toBe("2026-11-30");
  });

  it("keeps 08:00 on the wall clock across New York's daylight-saving changes", () => {
    // Clocks go forward on Sunday 8 March 2026: Monday 08:00 is EDT (UTC-4), not EST.
    expect(nextDigestSlot(at("2026-03-06T15:00:00Z"), "America/New_York", quiet).dueAt).toEqual(at("2026-03-09T12:00:00Z"));
    // Clocks go back on Sunday 1 November 2026: Monday 08:00 is EST (UTC-5).
    expect(nextDigestSlot(at("2026-10-30T15:00:00Z"), "America/New_York", quiet).dueAt).toEqual(at("2026-11-02T13:00:00Z"));
  });

  it("waits for the end of quiet hours that reach past 08:00", () => {
    const late = { quietHoursStart: "20:00", quietHoursEnd: "09:30" };
    expect(nextDigestSlot(at("2026-11-25T12:00:00Z"), "Europe/London", late).dueAt).toEqual(at("2026-11-30T09:30:00Z"));
  });

  it("names ISO weeks across the turn of the year", () => {
    expect(nextDigestSlot(at("2026-12-24T12:00:00Z"), "UTC", quiet).week).toBe("2026-W53");
    expect(nextDigestSlot(at("2026-12-31T12:00:00Z"), "UTC", quiet)).toMatchObject({ weekStart: "2027-01-04", week: "2027-W01" });
    expect(nextDigestSlot(at("2024-12-27T12:00:00Z"), "UTC", quiet)).toMatchObject({ weekStart: "2024-12-30", week: "2025-W01" });
  });

  it("keys one digest per recipient and week", () => {
    expect(digestDedupeKey("client_digest", "m-1", "2026-W49")).toBe("client_digest/m-1/2026-W49");
    expect(mondayOf("2026-11-29")).toBe("2026-11-23");
    expect(mondayOf("2026-11-30")).toBe("2026-11-30");
  });

  it("is never before `from`, never more than a week after, and always Monday 08:00 local", () => {
    const zones = ["UTC", "Europe/London", "America/New_York", "America/Los_Angeles", "Asia/Kolkata", "Australia/Sydney", "Pacific/Auckland"];
    fc.assert(
      fc.property(
        fc.date({ min: at("2024-01-01T00:00:00Z"), max: at("2030-12-31T00:00:00Z"), noInvalidDate: true }),
        fc.constantFrom(...zones),
        (from, zone) => {
          const { dueAt, weekStart } = nextDigestSlot(from, zone, quiet);
          expect(+dueAt).toBeGreaterThanOrEqual(+from);
          expect(+dueAt - +from).toBeLessThanOrEqual(7 * 86_400_000 + 3_600_000);
          expect(localDateOf(dueAt, zone)).toBe(weekStart);
          expect(new Date(`${weekStart}T00:00:00Z`).getUTCDay()).toBe(1);
          expect(localMinuteOfDay(dueAt, zone)).toBe(8 * 60);
        },
      ),
    );
  });
});
