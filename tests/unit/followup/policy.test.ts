import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "@/db/schema/org";
import { ZFollowUpPolicy, ZFollowUpPolicyPatch, resolvePolicy } from "@/server/followup";

function issuesOf(input: unknown) {
  const result = ZFollowUpPolicy.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

describe("ZFollowUpPolicy", () => {
  it("accepts the default policy", () => {
    expect(ZFollowUpPolicy.parse(DEFAULT_POLICY)).toEqual(DEFAULT_POLICY);
  });

  it.each(["24:00", "7:30", "18:60", "18.00", ""])("rejects the time %j with a readable message", (time) => {
    expect(issuesOf({ ...DEFAULT_POLICY, quietHoursStart: time })).toEqual([
      { path: "quietHoursStart", message: "The start of quiet hours must be a 24-hour time between 00:00 and 23:59, like 18:00" },
    ]);
  });

  it.each([
    ["debriefDelayMinutes", -1, "The debrief delay must be at least 0 minutes"],
    ["debriefDelayMinutes", 1441, "The debrief delay can be at most 1440 minutes"],
    ["debriefDelayMinutes", 1.5, "The debrief delay must be a whole number of minutes"],
    ["thankYouWindowHours", 0, "The thank-you window must be at least 1 hour"],
    ["thankYouWindowHours", 169, "The thank-you window can be at most 168 hours"],
    ["commitmentLeadHours", 0, "The commitment reminder lead must be at least 1 hour"],
    ["commitmentLeadHours", 169, "The commitment reminder lead can be at most 168 hours"],
    ["checkInDefaultDays", 0, "The default check-in delay must be at least 1 day"],
    ["checkInDefaultDays", 61, "The default check-in delay can be at most 60 days"],
    ["reconnectAfterDays", 6, "The reconnect delay must be at least 7 days"],
    ["reconnectAfterDays", 366, "The reconnect delay can be at most 365 days"],
    ["goneQuietDays", 0, "The gone-quiet threshold must be at least 1 day"],
    ["goneQuietDays", 91, "The gone-quiet threshold can be at most 90 days"],
    ["goneQuietDays", "14", "The gone-quiet threshold must be a number of days"],
  ])("rejects %s = %j", (field, value, message) => {
    expect(issuesOf({ ...DEFAULT_POLICY, [field]: value })).toEqual([{ path: field, message }]);
  });

  it("accepts the edges of every range", () => {
    const lowest = { ...DEFAULT_POLICY, debriefDelayMinutes: 0, thankYouWindowHours: 1, commitmentLeadHours: 1, checkInDefaultDays: 1, reconnectAfterDays: 7, goneQuietDays: 1 };
    const highest = { ...DEFAULT_POLICY, debriefDelayMinutes: 1440, thankYouWindowHours: 168, commitmentLeadHours: 168, checkInDefaultDays: 60, reconnectAfterDays: 365, goneQuietDays: 90 };
    expect(issuesOf(lowest)).toEqual([]);
    expect(issuesOf(highest)).toEqual([]);
  });

  it("rejects a prepare time inside quiet hours", () => {
    expect(issuesOf({ ...DEFAULT_POLICY, prepareLocalTime: "22:00" })).toEqual([
      {
        path: "prepareLocalTime",
        message: "The prepare reminder time 22:00 falls inside quiet hours (21:00–08:00); choose a time outside them",
      },
    ]);
  });

  it("allows any prepare time when quiet hours are off (start equals end)", () => {
    expect(issuesOf({ ...DEFAULT_POLICY, quietHoursStart: "00:00", quietHoursEnd: "00:00", prepareLocalTime: "23:30" })).toEqual([]);
  });

  it("rejects a missing field", () => {
    const { goneQuietDays: _omitted, ...incomplete } = DEFAULT_POLICY;
    expect(issuesOf(incomplete).map((issue) => issue.path)).toEqual(["goneQuietDays"]);
  });
});

describe("ZFollowUpPolicyPatch", () => {
  it("accepts a partial edit and still checks each field", () => {
    expect(ZFollowUpPolicyPatch.parse({ checkInDefaultDays: 10 })).toEqual({ checkInDefaultDays: 10 });
    expect(ZFollowUpPolicyPatch.safeParse({ checkInDefaultDays: 100 }).success).toBe(false);
  });
});

describe("resolvePolicy", () => {
  it("returns the defaults for nothing", () => {
    expect(resolvePolicy()).toEqual(DEFAULT_POLICY);
    expect(resolvePolicy(null)).toEqual(DEFAULT_POLICY);
  });

  it("merges stored fields onto the defaults, keeping defaults for undefined ones", () => {
    expect(resolvePolicy({ checkInDefaultDays: 10, quietHoursStart: undefined })).toEqual({
      ...DEFAULT_POLICY,
      checkInDefaultDays: 10,
    });
  });

  it("drops keys the policy does not know", () => {
    const stored = { ...DEFAULT_POLICY, retiredSetting: true } as unknown as typeof DEFAULT_POLICY;
    expect(resolvePolicy(stored)).toEqual(DEFAULT_POLICY);
  });

  it("throws on a policy that does not validate", () => {
    expect(() => resolvePolicy({ reconnectAfterDays: 1 })).toThrow("The reconnect delay must be at least 7 days");
  });
});
