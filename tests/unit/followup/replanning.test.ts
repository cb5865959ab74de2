import { describe, expect, it } from "vitest";
import { diffPlan, planApplication, type ExistingReminder, type PlannedReminder } from "@/server/followup";
import { commitment, debriefedInterview, interview, planInput } from "./fixtures";

const at = (iso: string) => new Date(iso);

/** Rows as the consumer would have stored a plan: ids derived from the keys, all pending. */
function stored(plan: PlannedReminder[], status: ExistingReminder["status"] = "pending"): ExistingReminder[] {
  return plan.map((reminder) => ({ id: `row:${reminder.dedupeKey}`, dedupeKey: reminder.dedupeKey, status }));
}

const keysOf = (plan: PlannedReminder[]) => plan.map((reminder) => reminder.dedupeKey).sort();

const upcoming = interview({ id: "int-2", startsAt: at("2026-05-20T09:00:00Z"), endsAt: at("2026-05-20T10:00:00Z") });
const activeInput = planInput({
  interviews: [debriefedInterview({ companyChallenges: ["churn"] }), upcoming],
  commitments: [commitment()],
  goodWordContacts: [{ contactId: "c-lee", name: "Lee Chan", knows: "Brightline Health" }],
});

describe("re-planning", () => {
  it("unchanged input gives the same plan, with unique keys", () => {
    const first = planApplication(activeInput);
    expect(planApplication(activeInput)).toEqual(first);
    expect(new Set(keysOf(first)).size).toBe(first.length);
    expect(keysOf(first)).toEqual([
      "commitment_due/com-1/v1",
      "commitment_overdue/com-1/v1",
      "debrief/int-2/v1",
      "networking_suggestion/app-1/v1",
      "prepare/int-2/v1",
      "proposal_suggestion/app-1/v1",
      "thank_you_due/int-1/v1",
    ]);
  });

  it("an hour later yields the same keys, so nothing is inserted twice", () => {
    const first = planApplication(activeInput);
    const later = planApplication({ ...activeInput, now: at("2026-05-10T13:00:00Z") });
    expect(keysOf(later)).toEqual(keysOf(first));
    expect(diffPlan(stored(first), later)).toEqual({ toInsert: [], toCancel: [], toRevive: [] });
  });

  it("bumping an interview's plan version re-keys its reminders and cancels the old pending ones", () => {
    const first = planApplication(activeInput);
    // Rescheduled a day later: the consumer bumps the interview's plan version.
    const rescheduled = { ...upcoming, planVersion: 2, startsAt: at("2026-05-21T09:00:00Z"), endsAt: at("2026-05-21T10:00:00Z") };
    const replanned = planApplication({ ...activeInput, interviews: [activeInput.interviews[0]!, rescheduled] });

    const diff = diffPlan(stored(first), replanned);
    expect(diff.toCancel.sort()).toEqual(["row:debrief/int-2/v1", "row:prepare/int-2/v1"]);
    expect(diff.toInsert.map((r) => [r.dedupeKey, r.dueAt])).toEqual([
      ["prepare/int-2/v2", at("2026-05-20T17:00:00Z")],
      ["debrief/int-2/v2", at("2026-05-21T11:00:00Z")],
    ]);
    expect(diff.toRevive).toEqual([]);
  });

  it("a rejection cancels every pending reminder and plans only the close-with-grace pair", () => {
    const first = planApplication(activeInput);
    const rejected = planApplication({
      ...activeInput,
      now: at("2026-05-12T09:00:00Z"),
      application: { ...activeInput.application, status: "rejected", statusChangedAt: at("2026-05-12T09:00:00Z") },
    });
    const diff = diffPlan(stored(first), rejected);
    expect(diff.toCancel.sort()).toEqual(stored(first).map((row) => row.id).sort());
    expect(diff.toInsert.map((r) => r.kind)).toEqual(["rejection_follow_through", "reconnect"]);
  });

  it("a status change after the interview cancels the pending check-in", () => {
    const debriefed = planInput({ interviews: [debriefedInterview()] });
    const first = planApplication(debriefed);
    const moved = planApplication({ ...debriefed, application: { ...debriefed.application, status: "offer", statusChangedAt: at("2026-05-16T09:00:00Z") } });
    expect(diffPlan(stored(first), moved).toCancel).toEqual(["row:check_in/int-1/v1"]);
  });
});

describe("diffPlan", () => {
  const planned = planApplication(activeInput);
  const [someReminder] = planned;

  it("never re-inserts or cancels a sent or failed row", () => {
    for (const status of ["sent", "failed"] as const) {
      const rows = stored(planned, status);
      expect(diffPlan(rows, planned)).toEqual({ toInsert: [], toCancel: [], toRevive: [] });
      expect(diffPlan(rows, []).toCancel).toEqual([]);
    }
  });

  it("revives a cancelled row the plan wants again, since its key cannot be inserted twice", () => {
    const rows = stored(planned).map((row) => (row.dedupeKey === someReminder!.dedupeKey ? { ...row, status: "cancelled" as const } : row));
    expect(diffPlan(rows, planned)).toEqual({
      toInsert: [],
      toCancel: [],
      toRevive: [{ id: `row:${someReminder!.dedupeKey}`, reminder: someReminder }],
    });
  });

  it("leaves rows of kinds the planner does not own alone", () => {
    const digest: ExistingReminder = { id: "digest-row", dedupeKey: "client_digest/m-1/2026-W20", status: "pending" };
    expect(diffPlan([digest], planned).toCancel).toEqual([]);
  });

  it("inserts everything into an empty table", () => {
    expect(diffPlan([], planned).toInsert).toEqual(planned);
  });
});
