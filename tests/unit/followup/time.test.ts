import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "@/db/schema/org";
import { addDaysToIsoDate, applyQuietHours, isInQuietHours, localDateOf, localTimeOn } from "@/server/followup";

const NY = "America/New_York";
const at = (iso: string) => new Date(iso);
const quiet = (quietHoursStart: string, quietHoursEnd: string) => ({ quietHoursStart, quietHoursEnd });

describe("localTimeOn", () => {
  it("reads the wall clock of the given zone, summer and winter", () => {
    expect(localTimeOn("2026-05-13", "18:00", "Europe/London")).toEqual(at("2026-05-13T17:00:00Z"));
    expect(localTimeOn("2026-01-13", "18:00", "Europe/London")).toEqual(at("2026-01-13T18:00:00Z"));
    expect(localTimeOn("2026-05-13", "09:30", "Asia/Kolkata")).toEqual(at("2026-05-13T04:00:00Z"));
  });

  it("pushes a time skipped by the March jump forward by the jump (02:30 → 03:30 EDT)", () => {
    expect(localTimeOn("2026-03-08", "02:30", NY)).toEqual(at("2026-03-08T07:30:00Z"));
    expect(localTimeOn("2026-03-08", "01:59", NY)).toEqual(at("2026-03-08T06:59:00Z"));
    expect(localTimeOn("2026-03-08", "03:00", NY)).toEqual(at("2026-03-08T07:00:00Z"));
    expect(localTimeOn("2026-03-29", "01:30", "Europe/London")).toEqual(at("2026-03-29T01:30:00Z")); // 02:30 BST
  });

  it("resolves a time repeated in November to its first occurrence (EDT)", () => {
    expect(localTimeOn("2026-11-01", "01:30", NY)).toEqual(at("2026-11-01T05:30:00Z"));
    expect(localTimeOn("2026-11-01", "02:00", NY)).toEqual(at("2026-11-01T07:00:00Z"));
  });

  it("resolves a repeated time to its first occurrence east of UTC too (where TZDate picks the second)", () => {
    expect(localTimeOn("2026-10-25", "01:30", "Europe/London")).toEqual(at("2026-10-25T00:30:00Z")); // BST
    expect(localTimeOn("2026-04-05", "02:30", "Pacific/Auckland")).toEqual(at("2026-04-04T13:30:00Z")); // NZDT
  });

  it("rejects malformed dates, times and zones", () => {
    expect(() => localTimeOn("2026-02-30", "09:00", NY)).toThrow(RangeError);
    expect(() => localTimeOn("14/05/2026", "09:00", NY)).toThrow(RangeError);
    expect(() => localTimeOn("2026-05-14", "9:00", NY)).toThrow(RangeError);
    expect(() => localTimeOn("2026-05-14", "09:00", "Mars/Olympus_Mons")).toThrow(RangeError);
  });
});

describe("calendar helpers", () => {
  it("finds the local date of an instant", () => {
    expect(localDateOf(at("2026-05-14T23:30:00Z"), "Europe/London")).toBe("2026-05-15");
    expect(localDateOf(at("2026-05-14T23:30:00Z"), NY)).toBe("2026-05-14");
  });

  it("adds calendar days across month and year ends", () => {
    expect(addDaysToIsoDate("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDaysToIsoDate("2026-03-01", -1)).toBe("2026-02-28");
  });
});

describe("applyQuietHours (21:00–08:00, London)", () => {
  const zone = "Europe/London";

  it("moves an evening instant to 08:00 the next morning", () => {
    expect(applyQuietHours(at("2026-05-13T21:30:00Z"), zone, DEFAULT_POLICY)).toEqual(at("2026-05-14T07:00:00Z"));
  });

  it("moves an early-morning instant to 08:00 the same day", () => {
    expect(applyQuietHours(at("2026-05-14T03:15:00Z"), zone, DEFAULT_POLICY)).toEqual(at("2026-05-14T07:00:00Z"));
  });

  it("treats the start as quiet and the end as allowed", () => {
    expect(applyQuietHours(at("2026-05-13T20:00:00Z"), zone, DEFAULT_POLICY)).toEqual(at("2026-05-14T07:00:00Z"));
    expect(applyQuietHours(at("2026-05-13T19:59:00Z"), zone, DEFAULT_POLICY)).toEqual(at("2026-05-13T19:59:00Z"));
    expect(applyQuietHours(at("2026-05-14T07:00:00Z"), zone, DEFAULT_POLICY)).toEqual(at("2026-05-14T07:00:00Z"));
    expect(applyQuietHours(at("2026-05-14T06:59:59Z"), zone, DEFAULT_POLICY)).toEqual(at("2026-05-14T07:00:00Z"));
  });

  it("leaves daytime alone", () => {
    expect(applyQuietHours(at("2026-05-14T12:34:56Z"), zone, DEFAULT_POLICY)).toEqual(at("2026-05-14T12:34:56Z"));
  });

  it("uses the recipient's zone, not UTC", () => {
    // 01:00 UTC is 21:00 the evening before in New York: quiet until 08:00 EDT (12:00 UTC).
    expect(applyQuietHours(at("2026-05-14T01:00:00Z"), NY, DEFAULT_POLICY)).toEqual(at("2026-05-14T12:00:00Z"));
    expect(applyQuietHours(at("2026-05-14T01:00:00Z"), "Asia/Tokyo", DEFAULT_POLICY)).toEqual(at("2026-05-14T01:00:00Z"));
  });
});

describe("applyQuietHours, other windows", () => {
  it("does nothing when start equals end", () => {
    expect(applyQuietHours(at("2026-05-14T02:00:00Z"), "Europe/London", quiet("22:00", "22:00"))).toEqual(
      at("2026-05-14T02:00:00Z"),
    );
  });

  it("handles a window that does not cross midnight", () => {
    const lunch = quiet("12:00", "14:00");
    expect(applyQuietHours(at("2026-05-14T11:30:00Z"), "Europe/London", lunch)).toEqual(at("2026-05-14T13:00:00Z"));
    expect(applyQuietHours(at("2026-05-14T10:59:00Z"), "Europe/London", lunch)).toEqual(at("2026-05-14T10:59:00Z"));
    expect(applyQuietHours(at("2026-05-14T13:00:00Z"), "Europe/London", lunch)).toEqual(at("2026-05-14T13:00:00Z"));
  });

  it("handles a window from just after midnight", () => {
    expect(applyQuietHours(at("2026-05-14T00:30:00Z"), "UTC", quiet("00:00", "06:00"))).toEqual(at("2026-05-14T06:00:00Z"));
  });
});

describe("applyQuietHours across DST in America/New_York", () => {
  it("March: a Saturday 22:00 EST reminder moves to Sunday 08:00 EDT (12:00 UTC, not 13:00)", () => {
    expect(applyQuietHours(at("2026-03-08T03:00:00Z"), NY, DEFAULT_POLICY)).toEqual(at("2026-03-08T12:00:00Z"));
  });

  it("March: an instant inside the skipped hour's night moves to 08:00 EDT", () => {
    expect(applyQuietHours(at("2026-03-08T07:30:00Z"), NY, DEFAULT_POLICY)).toEqual(at("2026-03-08T12:00:00Z"));
  });

  it("November: a Saturday 22:00 EDT reminder moves to Sunday 08:00 EST (13:00 UTC, not 12:00)", () => {
    expect(applyQuietHours(at("2026-11-01T02:00:00Z"), NY, DEFAULT_POLICY)).toEqual(at("2026-11-01T13:00:00Z"));
  });

  it("November: both passes through the repeated 01:00 hour move to 08:00 EST", () => {
    expect(applyQuietHours(at("2026-11-01T05:30:00Z"), NY, DEFAULT_POLICY)).toEqual(at("2026-11-01T13:00:00Z"));
    expect(applyQuietHours(at("2026-11-01T06:30:00Z"), NY, DEFAULT_POLICY)).toEqual(at("2026-11-01T13:00:00Z"));
  });

  it("March: when the window's end (02:30) does not exist, it ends at the jump (03:00 EDT)", () => {
    const window = quiet("23:00", "02:30");
    expect(applyQuietHours(at("2026-03-08T05:00:00Z"), NY, window)).toEqual(at("2026-03-08T07:00:00Z"));
    expect(isInQuietHours(at("2026-03-08T06:59:00Z"), NY, window)).toBe(true);
    expect(isInQuietHours(at("2026-03-08T07:00:00Z"), NY, window)).toBe(false);
  });

  it("a window ending in a repeated hour east of UTC ends at its first occurrence (Auckland, April)", () => {
    // Quiet 03:00–02:00: from Saturday 03:00 NZDT the window ends Sunday 02:00 NZDT, not NZST.
    expect(applyQuietHours(at("2026-04-03T14:00:00Z"), "Pacific/Auckland", quiet("03:00", "02:00"))).toEqual(
      at("2026-04-04T13:00:00Z"),
    );
  });

  it("a fall-back that turns the clock back to before the window started ends the window there", () => {
    // Quiet 02:01–00:00 in Auckland; at 03:00 NZDT clocks go back to 02:00 NZST, which is allowed.
    expect(applyQuietHours(at("2026-04-04T13:15:00Z"), "Pacific/Auckland", quiet("02:01", "00:00"))).toEqual(
      at("2026-04-04T14:00:00Z"),
    );
  });

  it("November: a window ending in the repeated hour ends at the next 01:30 that is still ahead", () => {
    const window = quiet("23:00", "01:30");
    // 00:45 EDT → the first 01:30 (EDT).
    expect(applyQuietHours(at("2026-11-01T04:45:00Z"), NY, window)).toEqual(at("2026-11-01T05:30:00Z"));
    // 01:10 EST, after the clocks went back: the second 01:30 (EST).
    expect(applyQuietHours(at("2026-11-01T06:10:00Z"), NY, window)).toEqual(at("2026-11-01T06:30:00Z"));
  });
});

describe("applyQuietHours properties", () => {
  const zones = fc.constantFrom(NY, "Europe/London", "Australia/Lord_Howe", "America/St_Johns", "Asia/Kolkata", "Pacific/Auckland", "UTC");
  const hhmm = fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`);
  // Around the 2026 DST changes of the zones above, plus ordinary days.
  const instants = fc.oneof(
    fc.date({ min: at("2026-03-06T00:00:00Z"), max: at("2026-03-10T00:00:00Z"), noInvalidDate: true }),
    fc.date({ min: at("2026-10-30T00:00:00Z"), max: at("2026-11-03T00:00:00Z"), noInvalidDate: true }),
    fc.date({ min: at("2026-04-03T00:00:00Z"), max: at("2026-04-07T00:00:00Z"), noInvalidDate: true }),
    fc.date({ min: at("2026-09-25T00:00:00Z"), max: at("2026-09-29T00:00:00Z"), noInvalidDate: true }),
    fc.date({ min: at("2026-01-01T00:00:00Z"), max: at("2027-01-01T00:00:00Z"), noInvalidDate: true }),
  );

  it("lands outside quiet hours, never earlier, and at the first allowed minute", () => {
    fc.assert(
      fc.property(instants, zones, hhmm, hhmm, (instant, zone, start, end) => {
        const window = quiet(start, end);
        const moved = applyQuietHours(instant, zone, window);
        expect(isInQuietHours(moved, zone, window)).toBe(false);
        expect(+moved).toBeGreaterThanOrEqual(+instant);
        if (+moved === +instant) return;
        // Every quarter hour in between, and the minute just before, is still quiet.
        expect(isInQuietHours(new Date(+moved - 60_000), zone, window)).toBe(true);
        for (let t = +instant; t < +moved; t += 15 * 60_000) {
          expect(isInQuietHours(new Date(t), zone, window)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
