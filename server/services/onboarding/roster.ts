import { randomUUID } from "node:crypto";
import { addDays } from "date-fns";
import { and, desc, eq, gt, isNotNull, isNull, ne, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Executor } from "@/db";
import { cohorts, invitations, memberships, reminders, users } from "@/db/schema";
import { badRequest, notFound } from "../../errors";
import { recordAudit } from "../audit";
import type { OrgActor } from "../scope";
import { derivedInvitationToken, hashInvitationToken, INVITATION_LIFETIME_DAYS } from "../org/invitations";
import { readRosterCsv, type RosterRow, type RowProblemKind } from "./roster-csv";
import type { TCommitRosterInput, TPreviewRosterInput, TRosterProgressInput } from "./schemas";

/**
 * Career-centre onboarding: an owner uploads a roster of clients, sees every row's problems,
 * and commits it whole or not at all. Committing writes the invitations and one `invitation` row
 * per person in the reminder outbox, in the same transaction; nothing is sent in the request.
 * The delivery sweep sends them in batches of 100, paced under the provider's limit, and the
 * outbox's claim and idempotency keys make each email go out once, whatever retries or
 * instances do (see server/delivery/batch.ts).
 */

type OwnerScope = OrgActor;

export type RosterPreview = {
  ok: boolean;
  /** The whole file's problem (no email column, too many rows); then there are no rows. */
  fileProblem: string | null;
  columns: Partial<Record<"name" | "email" | "cohort" | "coachEmail", string>>;
  total: number;
  valid: number;
  /** Rows with at least one problem, in file order, each problem next to its field (the first 500). */
  problemRows: PreviewRow[];
  /** All rows with a problem (more than `problemRows` holds when a whole file is refused). */
  problemRowCount: number;
  /** Counts by kind of problem, for the summary above the table. */
  problemCounts: Partial<Record<RowProblemKind, number>>;
  /** The first rows that are fine, to show what will be sent. */
  sample: PreviewRow[];
  cohorts: Array<{ name: string; clients: number; isNew: boolean }>;
  coaches: Array<{ email: string; name: string | null; clients: number }>;
  withoutCoach: number;
};

type PreviewRow = Pick<RosterRow, "line" | "name" | "emailAsWritten" | "cohort" | "coachEmail" | "problems">;

const SAMPLE_ROWS = 10;

/** `column in (…values)` with the values as one JSON parameter, however many there are. */
const inTextList = (column: AnyPgColumn, values: readonly string[]) =>
  sql`${column} in (select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
const MAX_PROBLEM_ROWS = 500;

/** Reads and checks a roster without writing anything. */
export async function previewRoster(db: Executor, scope: OwnerScope, input: TPreviewRosterInput): Promise<RosterPreview> {
  return (await checkRoster(db, scope, input.csv)).preview;
}

type Checked = {
  preview: RosterPreview;
  rows: RosterRow[];
  cohortIds: Map<string, string>;
  coachIds: Map<string, string>;
};

async function checkRoster(db: Executor, scope: OwnerScope, csv: string): Promise<Checked> {
  const read = readRosterCsv(csv);
  if (!read.ok) {
    const preview: RosterPreview = {
      ok: false,
      fileProblem: read.message,
      columns: {},
      total: 0,
      valid: 0,
      problemRows: [],
      problemRowCount: 0,
      problemCounts: {},
      sample: [],
      cohorts: [],
      coaches: [],
      withoutCoach: 0,
    };
    return { preview, rows: [], cohortIds: new Map(), coachIds: new Map() };
  }
  const { rows } = read;
  const { orgId } = scope;
  const emails = [...new Set(rows.flatMap((r) => (r.email ? [r.email] : [])))];
  const coachEmails = [...new Set(rows.flatMap((r) => (r.coachEmail ? [r.coachEmail] : [])))];

  // Four statements whatever the size of the file (5,000 addresses are one parameter list each).
  const members = emails.length
    ? await db
        .select({ email: users.email, role: memberships.role })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.orgId, orgId), inTextList(users.email, emails)))
    : [];
  const pending = emails.length
    ? await db
        .select({ email: invitations.email })
        .from(invitations)
        .where(
          and(
            eq(invitations.orgId, orgId),
            inTextList(invitations.email, emails),
            isNull(invitations.acceptedAt),
            isNull(invitations.revokedAt),
            gt(invitations.expiresAt, sql`now()`),
          ),
        )
    : [];
  const coachRows = coachEmails.length
    ? await db
        .select({ id: memberships.id, email: users.email, name: users.name })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.orgId, orgId), ne(memberships.role, "client"), eq(memberships.status, "active"), inTextList(users.email, coachEmails)))
    : [];
  const cohortRows = await db
    .select({ id: cohorts.id, name: cohorts.name, archivedAt: cohorts.archivedAt })
    .from(cohorts)
    .where(eq(cohorts.orgId, orgId));

  const memberRole = new Map(members.map((m) => [m.email, m.role]));
  const invited = new Set(pending.map((p) => p.email));
  const coaches = new Map(coachRows.map((c) => [c.email, c]));
  const cohortByName = new Map(cohortRows.map((c) => [c.name.toLowerCase(), c]));

  for (const row of rows) {
    if (row.email) {
      const role = memberRole.get(row.email);
      if (role) {
        row.problems.push({ kind: "already_member", field: "email", message: `${row.email} is already a member (${role}).` });
      } else if (invited.has(row.email)) {
        row.problems.push({ kind: "already_invited", field: "email", message: `${row.email} already has a pending invitation.` });
      }
    }
    if (row.coachEmail && !coaches.has(row.coachEmail)) {
      row.problems.push({ kind: "unknown_coach", field: "coachEmail", message: `${row.coachEmail} is not a coach of this organisation.` });
    }
    if (row.cohort && cohortByName.get(row.cohort.toLowerCase())?.archivedAt) {
      row.problems.push({ kind: "archived_cohort", field: "cohort", message: `The cohort "${row.cohort}" is archived: restore it or choose another.` });
    }
  }

  const problemRows = rows.filter((r) => r.problems.length > 0);
  const problemCounts: Partial<Record<RowProblemKind, number>> = {};
  for (const row of problemRows) for (const p of row.problems) problemCounts[p.kind] = (problemCounts[p.kind] ?? 0) + 1;

  const cohortCounts = new Map<string, { name: string; clients: number; isNew: boolean }>();
  for (const row of rows) {
    if (!row.cohort) continue;
    const key = row.cohort.toLowerCase();
    const existing = cohortByName.get(key);
    const entry = cohortCounts.get(key) ?? { name: existing?.name ?? row.cohort, clients: 0, isNew: !existing };
    entry.clients++;
    cohortCounts.set(key, entry);
  }
  const coachCounts = new Map<string, { email: string; name: string | null; clients: number }>();
  for (const row of rows) {
    const coach = row.coachEmail ? coaches.get(row.coachEmail) : undefined;
    if (!coach) continue;
    const entry = coachCounts.get(coach.email) ?? { email: coach.email, name: coach.name, clients: 0 };
    entry.clients++;
    coachCounts.set(coach.email, entry);
  }

  const strip = ({ line, name, emailAsWritten, cohort, coachEmail, problems }: RosterRow): PreviewRow => ({ line, name, emailAsWritten, cohort, coachEmail, problems });
  const preview: RosterPreview = {
    ok: problemRows.length === 0,
    fileProblem: null,
    columns: read.columns,
    total: rows.length,
    valid: rows.length - problemRows.length,
    problemRows: problemRows.slice(0, MAX_PROBLEM_ROWS).map(strip),
    problemRowCount: problemRows.length,
    problemCounts,
    sample: rows.filter((r) => r.problems.length === 0).slice(0, SAMPLE_ROWS).map(strip),
    cohorts: [...cohortCounts.values()].sort((a, b) => a.name.localeCompare(b.name)),
    coaches: [...coachCounts.values()].sort((a, b) => a.email.localeCompare(b.email)),
    withoutCoach: rows.filter((r) => !r.coachEmail).length,
  };
  return {
    preview,
    rows,
    cohortIds: new Map(cohortRows.map((c) => [c.name.toLowerCase(), c.id])),
    coachIds: new Map(coachRows.map((c) => [c.email, c.id])),
  };
}

export type RosterCommitted = { importId: string; invited: number; cohortsCreated: string[] };

/**
 * Commits a roster: all of it, or nothing (one problem anywhere refuses the whole file, with the
 * count; the preview shows which rows). The file is checked again here, never trusted from the
 * preview, under a per-organisation lock: two commits of the same file at once cannot both pass
 * the "already invited" check, and a second commit of a committed file is refused row by row.
 */
export async function commitRoster(db: Executor, scope: OwnerScope, input: TCommitRosterInput): Promise<RosterCommitted> {
  const { orgId } = scope;
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`onboarding:${orgId}`}, 0))`);
  const checked = await checkRoster(db, scope, input.csv);
  const { preview, rows } = checked;
  if (preview.fileProblem) throw badRequest(preview.fileProblem, "csv");
  if (!preview.ok) {
    const n = preview.problemRowCount;
    throw badRequest(`${n} ${n === 1 ? "row has a problem" : "rows have problems"}: nothing was imported. Fix ${n === 1 ? "it" : "them"} and upload the file again.`, "csv");
  }

  const cohortIds = checked.cohortIds;
  const toCreate = preview.cohorts.filter((c) => c.isNew).map((c) => c.name);
  if (toCreate.length > 0) {
    const created = await db
      .insert(cohorts)
      .values(toCreate.map((name) => ({ orgId, name })))
      .onConflictDoNothing()
      .returning({ id: cohorts.id, name: cohorts.name });
    for (const c of created) cohortIds.set(c.name.toLowerCase(), c.id);
    if (created.length !== toCreate.length) {
      // Created by someone else since the check: read their ids.
      const all = await db.select({ id: cohorts.id, name: cohorts.name }).from(cohorts).where(eq(cohorts.orgId, orgId));
      for (const c of all) cohortIds.set(c.name.toLowerCase(), c.id);
    }
  }

  const emails = rows.map((r) => r.email!);
  // Invitations to these addresses that expired unanswered are replaced, as a single invitation does.
  await db
    .update(invitations)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(invitations.orgId, orgId), inTextList(invitations.email, emails), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));

  const importId = randomUUID();
  const expiresAt = addDays(new Date(), INVITATION_LIFETIME_DAYS);
  const planned = rows.map((row) => {
    const id = randomUUID();
    return {
      id,
      email: row.email!,
      name: row.name,
      token_hash: hashInvitationToken(derivedInvitationToken(id)),
      coach_membership_id: row.coachEmail ? checked.coachIds.get(row.coachEmail)! : null,
      cohort_id: row.cohort ? cohortIds.get(row.cohort.toLowerCase())! : null,
    };
  });
  // Two statements for the whole file: the rows travel as one JSON parameter (thousands of bound
  // parameters cost more to send and plan than the rows cost to write).
  await db.execute(sql`
    insert into invitations (id, org_id, email, role, name, token_hash, invited_by_user_id, coach_membership_id, cohort_id, import_id, expires_at)
    select r.id, ${orgId}::uuid, r.email, 'client', r.name, r.token_hash, ${scope.actorUserId}::uuid, r.coach_membership_id, r.cohort_id,
      ${importId}::uuid, ${expiresAt.toISOString()}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(planned)}::jsonb)
      as r(id uuid, email text, name text, token_hash text, coach_membership_id uuid, cohort_id uuid)`);
  // One `invitation` row each in the delivery outbox, due now. Not handed to per-reminder workflow
  // runs (one provider request per email): the delivery sweep sends them 100 a request, paced.
  await db.execute(sql`
    insert into reminders (org_id, invitation_id, kind, reason, due_at, dedupe_key)
    select i.org_id, i.id, 'invitation', 'Invitation from a roster upload', now(), 'invitation/' || i.id
    from invitations i where i.org_id = ${orgId} and i.import_id = ${importId}`);

  await recordAudit(db, {
    orgId,
    actorUserId: scope.actorUserId,
    action: "onboarding.imported",
    targetType: "import",
    targetId: importId,
    data: {
      invited: planned.length,
      cohortsCreated: toCreate,
      withCoach: planned.filter((p) => p.coach_membership_id).length,
      inCohort: planned.filter((p) => p.cohort_id).length,
    },
  });
  return { importId, invited: planned.length, cohortsCreated: toCreate };
}

export type RosterProgress = {
  importId: string;
  createdAt: Date;
  invited: number;
  /** Emails handed to the provider. */
  sent: number;
  /** Still to go (waiting for their turn under the rate limit, or retrying). */
  waiting: number;
  /** Could not be delivered (bounced address, refused). */
  failed: number;
  /** Not sent because the invitation was withdrawn or accepted first. */
  cancelled: number;
  accepted: number;
};

/** How far the sending of one upload has got, and how many have joined. */
export async function rosterProgress(db: Executor, scope: Pick<OwnerScope, "orgId">, input: TRosterProgressInput): Promise<RosterProgress> {
  const [row] = await progressQuery(db).where(and(eq(invitations.orgId, scope.orgId), eq(invitations.importId, input.importId)));
  if (!row || row.invited === 0) throw notFound("Upload not found.");
  return { ...row, importId: input.importId, createdAt: row.createdAt! };
}

/** The organisation's latest uploads, newest first. */
export async function listRosterImports(db: Executor, scope: Pick<OwnerScope, "orgId">): Promise<RosterProgress[]> {
  const rows = await progressQuery(db, true)
    .where(and(eq(invitations.orgId, scope.orgId), isNotNull(invitations.importId)))
    .groupBy(invitations.importId)
    .orderBy(desc(sql`min(${invitations.createdAt})`))
    .limit(10);
  return rows.map((r) => ({ ...r, importId: r.importId!, createdAt: r.createdAt! }));
}

function progressQuery(db: Executor, grouped = false) {
  const count = (condition: ReturnType<typeof sql>) => sql<number>`(count(*) filter (where ${condition}))::int`;
  return db
    .select({
      importId: grouped ? invitations.importId : sql<string | null>`null`,
      createdAt: sql<Date | null>`min(${invitations.createdAt})`.mapWith(invitations.createdAt),
      invited: sql<number>`count(*)::int`,
      sent: count(sql`${reminders.status} = 'sent'`),
      waiting: count(sql`${reminders.status} = 'pending'`),
      failed: count(sql`${reminders.status} = 'failed'`),
      cancelled: count(sql`${reminders.status} = 'cancelled'`),
      accepted: count(sql`${invitations.acceptedAt} is not null`),
    })
    .from(invitations)
    .leftJoin(reminders, and(eq(reminders.orgId, invitations.orgId), eq(reminders.invitationId, invitations.id)))
    .$dynamic();
}
