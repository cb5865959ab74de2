import { PLANNED_KINDS, type ExistingReminder, type PlannedReminder } from "./types";

export type PlanDiff = {
  /** Planned reminders with no row yet. */
  toInsert: PlannedReminder[];
  /** Ids of pending rows the plan no longer contains. */
  toCancel: string[];
  /**
   * Cancelled rows the plan wants again (a kind switched back on, a commitment un-done). The
   * dedupe key is unique, so they cannot be inserted anew: set them back to pending with the
   * planned due time and reason. They were never sent, so this cannot send anything twice.
   */
  toRevive: Array<{ id: string; reminder: PlannedReminder }>;
};

const plannerKeyPrefixes = PLANNED_KINDS.map((kind) => `${kind}/`);

/** Digests and nudges share the table but are not the planner's to cancel. */
function isPlannerRow(row: ExistingReminder): boolean {
  return plannerKeyPrefixes.some((prefix) => row.dedupeKey.startsWith(prefix));
}

/**
 * What to write so the stored reminders of one application match a fresh plan. Pass that
 * application's rows only. Rows are matched by dedupe key alone: a changed due time or reason
 * under an unchanged key is not propagated (bump the plan version to re-time a reminder). Sent
 * and failed rows are never touched.
 */
export function diffPlan(existing: ExistingReminder[], planned: PlannedReminder[]): PlanDiff {
  const rows = existing.filter(isPlannerRow);
  const rowByKey = new Map(rows.map((row) => [row.dedupeKey, row]));
  const plannedKeys = new Set(planned.map((reminder) => reminder.dedupeKey));

  return {
    toInsert: planned.filter((reminder) => !rowByKey.has(reminder.dedupeKey)),
    toCancel: rows.filter((row) => row.status === "pending" && !plannedKeys.has(row.dedupeKey)).map((row) => row.id),
    toRevive: planned.flatMap((reminder) => {
      const row = rowByKey.get(reminder.dedupeKey);
      return row?.status === "cancelled" ? [{ id: row.id, reminder }] : [];
    }),
  };
}
