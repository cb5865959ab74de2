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

  it("sums up a bulk action by its counts", () => {
    expect(auditChangeLines({ mode: "replace", clients: 40, assigned: 12, alreadyAssigned: 28, unassignedFromOthers: 12, invitations: 0, assignedClientIds: ["a"] })).toEqual([
      "12 newly assigned, 28 already assigned, 12 handed over from other coaches",
    ]);
    expect(auditChangeLines({ invited: 5000, cohortsCreated: ["Class of 2027"] })).toEqual(["5000 invited"]);
  });
});
