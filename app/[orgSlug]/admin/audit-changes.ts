/** Entries per page of the admin page's audit log; the page prefetches the first one with it. */
export const AUDIT_PAGE_SIZE = 20;

/**
 * What an audit entry changed, field by field ("Thank-you window (hours): 24 → 48"), from the
 * before/after the service recorded with it. Entries without recorded changes give no lines.
 */
const FIELD_LABEL: Record<string, string> = {
  prepareLocalTime: "Prepare reminder time",
  debriefDelayMinutes: "Debrief reminder delay (minutes)",
  thankYouWindowHours: "Thank-you window (hours)",
  commitmentLeadHours: "Promise reminder lead (hours)",
  checkInDefaultDays: "Default check-in delay (days)",
  reconnectAfterDays: "Reconnect after a rejection (days)",
  quietHoursStart: "Quiet hours start",
  quietHoursEnd: "Quiet hours end",
  goneQuietDays: "Gone quiet after (days)",
  name: "Name",
  brandColor: "Brand colour",
  logoUrl: "Logo",
  role: "Role",
};

const shown = (value: unknown) => (value === null || value === undefined || value === "" ? "none" : String(value));
const labelOf = (key: string) => FIELD_LABEL[key] ?? key;

export function auditChangeLines(data: unknown): string[] {
  if (!data || typeof data !== "object") return [];
  const record = data as Record<string, unknown>;
  // Policy: { changes: { field: { from, to } } }
  if (record.changes && typeof record.changes === "object") {
    return Object.entries(record.changes as Record<string, { from?: unknown; to?: unknown }>).map(
      ([key, change]) => `${labelOf(key)}: ${shown(change?.from)} → ${shown(change?.to)}`,
    );
  }
  // Branding and roles: { from: {...}, to: {...} } or { from: value, to: value }
  if ("from" in record && "to" in record) {
    const { from, to } = record;
    if (from && to && typeof from === "object" && typeof to === "object") {
      const before = from as Record<string, unknown>;
      const after = to as Record<string, unknown>;
      return Object.keys(after)
        .filter((key) => shown(before[key]) !== shown(after[key]))
        .map((key) => `${labelOf(key)}: ${shown(before[key])} → ${shown(after[key])}`);
    }
    return shown(from) === shown(to) ? [] : [`${shown(from)} → ${shown(to)}`];
  }
  // Bulk actions (a roster, a cohort's clients, a coach for many): their counts.
  const counts = Object.entries(COUNT_LABEL).flatMap(([key, label]) =>
    typeof record[key] === "number" && (record[key] as number) > 0 ? [`${record[key]} ${label}`] : [],
  );
  return counts.length ? [counts.join(", ")] : [];
}

const COUNT_LABEL: Record<string, string> = {
  invited: "invited",
  added: "added",
  removed: "removed",
  assigned: "newly assigned",
  alreadyAssigned: "already assigned",
  unassignedFromOthers: "handed over from other coaches",
  invitations: "pending invitations pointed at the coach",
};
