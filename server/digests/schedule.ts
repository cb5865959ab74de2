import { getISOWeek, getISOWeekYear } from "date-fns";
import { userOfMembership } from "@/server/services/joins";
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { coachAssignments, DEFAULT_POLICY, memberships, organizations, reminders, users } from "@/db/schema";
import { addDaysToIsoDate, applyQuietHours, isValidTimeZone, localDateOf, localTimeOn, type QuietHours } from "../followup/time";

export type DigestKind = "client_digest" | "coach_digest";

/** Digests go out once a week, on the recipient's own Monday morning, so the week starts with a plan. */
export const DIGEST_LOCAL_TIME = "08:00";
/**
 * A digest whose Monday 08:00 passed less than this long ago is still sent (the schedule was down,
 * or the person joined on Monday morning); an older one is skipped for next week's.
 */
export const DIGEST_CATCH_UP_MS = 12 * 60 * 60_000;

export type DigestSlot = {
  dueAt: Date;
  /** The Monday (YYYY-MM-DD, the recipient's calendar) the digest's week starts on. */
  weekStart: string;
  /** ISO week of that Monday, e.g. "2026-W49": one digest per recipient per week. */
  week: string;
};

/** The Monday (YYYY-MM-DD) of the ISO week a calendar date falls in. */
export function mondayOf(dateISO: string): string {
  const weekday = new Date(`${dateISO}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDaysToIsoDate(dateISO, -((weekday + 6) % 7));
}

function isoWeekOf(dateISO: string): string {
  const [year, month, day] = dateISO.split("-").map(Number) as [number, number, number];
  // Built from calendar fields, so the host's own zone cannot move the date.
  const date = new Date(year, month - 1, day);
  return `${getISOWeekYear(date)}-W${String(getISOWeek(date)).padStart(2, "0")}`;
}

/**
 * The first weekly digest due at or after `from`: Monday 08:00 on the recipient's wall clock,
 * moved out of the organisation's quiet hours when they reach past 08:00. Across a DST change the
 * wall-clock time holds (08:00 stays 08:00, the UTC instant moves).
 */
export function nextDigestSlot(from: Date, timeZone: string, quiet: QuietHours): DigestSlot {
  const slotOn = (monday: string): DigestSlot => ({
    dueAt: applyQuietHours(localTimeOn(monday, DIGEST_LOCAL_TIME, timeZone), timeZone, quiet),
    weekStart: monday,
    week: isoWeekOf(monday),
  });
  const thisWeek = slotOn(mondayOf(localDateOf(from, timeZone)));
  return +thisWeek.dueAt >= +from ? thisWeek : slotOn(addDaysToIsoDate(thisWeek.weekStart, 7));
}

export function digestDedupeKey(kind: DigestKind, membershipId: string, week: string): string {
  return `${kind}/${membershipId}/${week}`;
}

const DIGEST_REASON: Record<DigestKind, string> = {
  client_digest: "Your plan for the week: interviews, follow-ups due and drafts waiting, every Monday at 08:00 your time.",
  coach_digest: "Your clients' week: what moved, what is overdue and who has gone quiet, every Monday at 08:00 your time.",
};

type Recipient = {
  membershipId: string;
  orgId: string;
  kind: DigestKind;
  timeZone: string;
  quiet: QuietHours;
};

/**
 * Who gets a digest: every active client, and every active coach or owner with at least one
 * active client assigned. Someone who switched the kind off gets no row at all (delivery checks
 * the switch again, for a row planned before they turned it off).
 * Unsafe: a system job across every organisation; each row keeps its own org_id.
 */
async function unsafeDigestRecipients(db: Database): Promise<Recipient[]> {
  const activeClientCount = sql<number>`(
    select count(*) from ${coachAssignments} ca
    join ${memberships} cm on cm.org_id = ca.org_id and cm.id = ca.client_membership_id and cm.status = 'active'
    where ca.org_id = ${memberships.orgId} and ca.coach_membership_id = ${memberships.id}
  )`.mapWith(Number);
  const rows = await db
    .select({
      membershipId: memberships.id,
      orgId: memberships.orgId,
      role: memberships.role,
      timeZone: users.timeZone,
      preferences: users.reminderPreferences,
      policy: organizations.policy,
      assignedClients: activeClientCount,
    })
    .from(memberships)
    .innerJoin(users, userOfMembership)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(eq(memberships.status, "active"));

  const recipients: Recipient[] = [];
  for (const row of rows) {
    const kind: DigestKind | null = row.role === "client" ? "client_digest" : row.assignedClients > 0 ? "coach_digest" : null;
    if (!kind || row.preferences[kind] === false) continue;
    const policy = { ...DEFAULT_POLICY, ...row.policy };
    recipients.push({
      membershipId: row.membershipId,
      orgId: row.orgId,
      kind,
      timeZone: row.timeZone && isValidTimeZone(row.timeZone) ? row.timeZone : "UTC",
      quiet: { quietHoursStart: policy.quietHoursStart, quietHoursEnd: policy.quietHoursEnd },
    });
  }
  return recipients;
}

const INSERT_CHUNK = 500;

/**
 * Makes sure every recipient has a row for their next weekly digest. Idempotent: the dedupe key
 * names the recipient and the ISO week, so running it every hour (or from two workers at once)
 * writes each digest once. A pending row whose time moved (the person changed time zone, the
 * organisation its quiet hours) is re-timed; a row already sent, cancelled or being sent is never
 * touched. Answers the ids written or re-timed, for the hand-off to Inngest.
 * Unsafe: crosses tenants (a system job on the owner connection).
 */
export async function unsafePlanWeeklyDigests(db: Database, now: Date = new Date()): Promise<{ planned: string[] }> {
  const from = new Date(+now - DIGEST_CATCH_UP_MS);
  const rows = (await unsafeDigestRecipients(db)).map((r) => {
    const slot = nextDigestSlot(from, r.timeZone, r.quiet);
    return {
      orgId: r.orgId,
      recipientMembershipId: r.membershipId,
      clientId: r.kind === "client_digest" ? r.membershipId : null,
      kind: r.kind,
      reason: DIGEST_REASON[r.kind],
      dueAt: slot.dueAt,
      dedupeKey: digestDedupeKey(r.kind, r.membershipId, slot.week),
    };
  });

  const planned: string[] = [];
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const written = await db
      .insert(reminders)
      .values(rows.slice(i, i + INSERT_CHUNK))
      .onConflictDoUpdate({
        target: reminders.dedupeKey,
        set: { dueAt: sql`excluded.due_at` },
        setWhere: and(
          eq(reminders.status, "pending"),
          isNull(reminders.leaseUntil),
          ne(reminders.dueAt, sql`excluded.due_at`),
        ),
      })
      .returning({ id: reminders.id });
    planned.push(...written.map((row) => row.id));
  }
  return { planned };
}
