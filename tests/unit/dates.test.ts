import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatDateTime,
  formatDay,
  formatIsoDate,
  formatIsoDay,
  formatLongDateTime,
  formatRelative,
  formatShortDate,
  formatTime,
  formatTimeWithZone,
  zoneAbbreviation,
  zoneCity,
} from "@/lib/dates";

describe("dates: one way to write a moment, always in the zone given", () => {
  const moment = new Date("2026-12-01T23:00:00Z");

  it("writes the short forms the screens use", () => {
    expect(formatDateTime(moment, "Europe/London")).toBe("Tue 1 Dec, 23:00");
    expect(formatDate(moment, "Europe/London")).toBe("1 Dec 2026");
    expect(formatShortDate(moment, "Europe/London")).toBe("1 Dec");
    expect(formatTime(moment, "Europe/London")).toBe("23:00");
  });

  it("writes the long forms the emails use, with the zone's abbreviation", () => {
    expect(formatDay(moment, "America/New_York")).toBe("Tuesday 1 December");
    expect(formatTimeWithZone(moment, "America/New_York")).toBe("18:00 EST");
    expect(formatLongDateTime(moment, "America/New_York")).toBe("Tuesday 1 December, 18:00 EST");
    expect(formatLongDateTime(moment, "Europe/London")).toBe("Tuesday 1 December, 23:00 GMT");
  });

  it("gives an offset where a zone has no abbreviation in common use", () => {
    expect(zoneAbbreviation(moment, "Asia/Tokyo")).toBe("GMT+9");
    expect(zoneAbbreviation(moment, "Asia/Kolkata")).toBe("GMT+5:30");
  });

  it("puts a moment near midnight on the day it is in the reader's zone, not the runtime's", () => {
    // 23:00 in London on Tuesday is already Wednesday in Tokyo and still Tuesday in Los Angeles.
    expect(formatDateTime(moment, "Asia/Tokyo")).toBe("Wed 2 Dec, 08:00");
    expect(formatDay(moment, "Asia/Tokyo")).toBe("Wednesday 2 December");
    expect(formatDateTime(moment, "America/Los_Angeles")).toBe("Tue 1 Dec, 15:00");
    expect(formatDate(new Date("2026-12-31T23:30:00Z"), "Pacific/Auckland")).toBe("1 Jan 2027");
    expect(formatTime(new Date("2026-12-01T00:00:00Z"), "UTC")).toBe("00:00");
  });

  it("follows summer time on each side of a change, with the abbreviation of the day", () => {
    // London moves to BST at 01:00 UTC on 29 March 2026; New York to EDT on 8 March 2026.
    expect(formatTimeWithZone(new Date("2026-03-29T00:30:00Z"), "Europe/London")).toBe("00:30 GMT");
    expect(formatTimeWithZone(new Date("2026-03-29T01:30:00Z"), "Europe/London")).toBe("02:30 BST");
    expect(formatTimeWithZone(new Date("2026-03-08T06:30:00Z"), "America/New_York")).toBe("01:30 EST");
    expect(formatTimeWithZone(new Date("2026-03-08T07:30:00Z"), "America/New_York")).toBe("03:30 EDT");
    // The hour New York repeats on 1 November 2026 reads the same clock twice, told apart by the zone.
    expect(formatTimeWithZone(new Date("2026-11-01T05:30:00Z"), "America/New_York")).toBe("01:30 EDT");
    expect(formatTimeWithZone(new Date("2026-11-01T06:30:00Z"), "America/New_York")).toBe("01:30 EST");
    // Southern summer: Sydney leaves daylight time on 5 April 2026.
    expect(formatTime(new Date("2026-04-04T15:30:00Z"), "Australia/Sydney")).toBe("02:30");
    expect(formatTime(new Date("2026-04-04T16:30:00Z"), "Australia/Sydney")).toBe("02:30");
  });

  it("reads an ISO string as the same instant as a Date (props after a trip through JSON)", () => {
    expect(formatLongDateTime(moment.toISOString(), "Europe/London")).toBe(formatLongDateTime(moment, "Europe/London"));
  });

  it("writes a calendar date as named, whatever zone the runtime is in", () => {
    expect(formatIsoDay("2026-12-09")).toBe("Wed 9 Dec");
    expect(formatIsoDate("2026-12-09")).toBe("Wednesday 9 December");
    expect(formatIsoDate("2026-02-30")).toBe("");
    expect(formatIsoDay("next week")).toBe("");
  });

  it("reads an unknown zone as UTC instead of failing the page or the email", () => {
    expect(formatDateTime(moment, "Mars/Olympus_Mons")).toBe("Tue 1 Dec, 23:00");
  });

  it("names a zone by its place", () => {
    expect(zoneCity("America/New_York")).toBe("New York");
    expect(zoneCity("UTC")).toBe("UTC");
  });

  it("writes relative times in the fixed locale, from the moment given", () => {
    const now = new Date("2026-12-02T12:00:00Z");
    expect(formatRelative(new Date("2026-11-29T12:00:00Z"), now)).toBe("3 days ago");
    expect(formatRelative(new Date("2026-12-02T14:00:00Z"), now)).toBe("in 2 hours");
    expect(formatRelative(new Date("2026-12-01T12:00:00Z"), now)).toBe("yesterday");
    expect(formatRelative(now, now)).toBe("just now");
  });
});
