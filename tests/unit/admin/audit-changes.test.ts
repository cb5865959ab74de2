import { describe, expect, it } from "vitest";
import { auditChangeLines } from "../../../app/[orgSlug]/admin/audit-changes";

describe("audit log: what changed", () => {
  it("lists each changed policy field with its value before and after", () => {
    expect(auditChangeLines({ changes: { thankYouWindowHours: { from: 24, to: 48 }, quietHoursStart: { from: "21:00", to: "22:00" } } })).toEqual([
      "Thank-you window (hours): 24 → 48",
      "Quiet hours start: 21:00 → 22:00",
    ]);
  });

  it("lists only the branding fields that differ", () => {
    expect(auditChangeLines({ from: { name: "Northstar", brandColor: "#0f766e", logoUrl: null }, to: { name: "Northstar", brandColor: "#1d4ed8", logoUrl: null } })).toEqual([
      "Brand colour: #0f766e → #1d4ed8",
    ]);
  });

  it("says nothing for entries that recorded no change", () => {
    expect(auditChangeLines({ clientId: "x" })).toEqual([]);
    expect(auditChangeLines(null)).toEqual([]);
  });
});
