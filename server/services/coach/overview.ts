import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db";
import { rows } from "@/db/sql";
import { refreshVisibleMetrics } from "./metrics";
import { overviewRow, type OverviewColumns } from "./overview-row";
import {
  encodeCursor,
  type OverviewCursor,
  type OverviewSortKey,
  type TOverviewExportInput,
  type TParsedOverviewInput,
} from "./schemas";
import { visibleClientCondition, type CoachScope } from "./scope";

export { CHECK_IN_GRACE_DAYS, FOLLOW_THROUGH_DAYS } from "./overview-direct";

/** The kept column each sort reads (an index per column and direction, see db/schema/metrics.ts). */
const SORT_COLUMN: Record<OverviewSortKey, { column: string; kind: "text" | "number" | "instant" }> = {
  name: { column: "sort_name", kind: "text" },
  activeApplications: { column: "active_applications", kind: "number" },
  interviewsThisWeek: { column: "interviews_this_week", kind: "number" },
  interviewsNextWeek: { column: "interviews_next_week", kind: "number" },
  followUpsDue: { column: "follow_ups_due", kind: "number" },
  overdue: { column: "overdue", kind: "number" },
  thankYouRate: { column: "thank_you_rate", kind: "number" },
  checkInRate: { column: "check_in_rate", kind: "number" },
  commitmentRate: { column: "commitment_rate", kind: "number" },
  followThroughRate: { column: "follow_through_rate", kind: "number" },
  lastActivityAt: { column: "last_activity_at", kind: "instant" },
};

export type OverviewFilters = Omit<TOverviewExportInput, "sort" | "direction"> & {
  status: "active" | "archived";
};

/** The WHERE clause over `client_metrics cm` shared by the overview page, its total and the export. */
export function overviewConditions(scope: CoachScope, input: OverviewFilters, now: Date): SQL {
  const conditions: SQL[] = [sql`cm.org_id = ${scope.orgId}`, sql`cm.status = ${input.status}`, visibleClientCondition(scope, "cm", "client_id")];
  if (input.coachId) {
    conditions.push(sql`exists (select 1 from coach_assignments ca_f where ca_f.org_id = cm.org_id
      and ca_f.coach_membership_id = ${input.coachId} and ca_f.client_membership_id = cm.client_id)`);
  }
  if (input.cohortId) {
    conditions.push(sql`exists (select 1 from cohort_members cmb where cmb.org_id = cm.org_id
      and cmb.cohort_id = ${input.cohortId} and cmb.client_membership_id = cm.client_id)`);
  }
  if (input.search) {
    const pattern = `%${input.search.replace(/[%_\\]/g, "\\$&")}%`;
    conditions.push(sql`(cm.name ilike ${pattern} or cm.email ilike ${pattern})`);
  }
  if (input.goneQuiet !== undefined) {
    const quiet = goneQuietSql(scope, now);
    conditions.push(input.goneQuiet ? quiet : sql`not ${quiet}`);
  }
  if (input.hasOverdue !== undefined) conditions.push(input.hasOverdue ? sql`cm.overdue > 0` : sql`cm.overdue = 0`);
  return sql.join(conditions, sql` and `);
}

/** No activity (or, with none, no membership) for the policy's days, as of `now`. */
export const goneQuietSql = (scope: CoachScope, now: Date): SQL =>
  sql`(cm.quiet_since < ${now.toISOString()}::timestamptz - make_interval(days => ${scope.policy.goneQuietDays}::int))`;

/** `column`: the term's name in a CTE selecting `sort_value`, `sort_name` and `client_id`. */
type Term = { expr: SQL; column: string; dir: "asc" | "desc"; nullable: boolean };

/** The overview's order: the sort column (nulls last), then name, then id — total, so pages never overlap. */
function orderTerms(sort: OverviewSortKey, direction: "asc" | "desc"): Term[] {
  const { column, kind } = SORT_COLUMN[sort];
  if (sort === "name") {
    // Name and id in the same direction: one index serves both ways.
    return [
      { expr: sql`cm.sort_name`, column: "sort_name", dir: direction, nullable: false },
      { expr: sql`cm.client_id`, column: "client_id", dir: direction, nullable: false },
    ];
  }
  return [
    { expr: sql.raw(`cm.${column}`), column: "sort_value", dir: direction, nullable: kind !== "number" || column.endsWith("_rate") },
    { expr: sql`cm.sort_name`, column: "sort_name", dir: "asc", nullable: false },
    { expr: sql`cm.client_id`, column: "client_id", dir: "asc", nullable: false },
  ];
}

/** ORDER BY for the terms, or for their exact reverse (walking back from a cursor). */
function orderSql(terms: Term[], reversed: boolean, alias?: string): SQL {
  return sql.join(
    terms.map((t) => {
      if (alias) t = { ...t, expr: sql.raw(`${alias}.${t.column}`) };
      const forward = t.dir === "asc";
      const asc = reversed ? !forward : forward;
      // Nulls last in the forward order, so first when walking back.
      return sql`${t.expr} ${sql.raw(asc ? "asc" : "desc")} ${sql.raw(reversed ? "nulls first" : "nulls last")}`;
    }),
    sql`, `,
  );
}

/**
 * Rows strictly after (or before) the cursor's row in the forward order, lexicographically over
 * the terms; a null sort value sorts last in either direction.
 */
function keysetSql(terms: Term[], values: Array<unknown>, way: "after" | "before"): SQL {
  const ors: SQL[] = [];
  for (let i = 0; i < terms.length; i++) {
    const parts: SQL[] = [];
    for (let j = 0; j < i; j++) parts.push(equalSql(terms[j]!, values[j]));
    const strict = strictSql(terms[i]!, values[i], way);
    if (!strict) continue;
    parts.push(strict);
    ors.push(sql`(${sql.join(parts, sql` and `)})`);
  }
  return ors.length ? sql`(${sql.join(ors, sql` or `)})` : sql`false`;
}

const equalSql = (t: Term, value: unknown): SQL => (value === null ? sql`${t.expr} is null` : sql`${t.expr} = ${value}`);

function strictSql(t: Term, value: unknown, way: "after" | "before"): SQL | null {
  const greater = (t.dir === "asc") === (way === "after");
  const op = sql.raw(greater ? ">" : "<");
  if (way === "after") {
    if (value === null) return null; // nothing sorts after a null
    return t.nullable ? sql`(${t.expr} ${op} ${value} or ${t.expr} is null)` : sql`${t.expr} ${op} ${value}`;
  }
  if (value === null) return sql`${t.expr} is not null`;
  return sql`${t.expr} ${op} ${value}`;
}

/** The sort value as SQL compares it: instants as exact UTC text (microseconds a JS Date would lose). */
function keySelect(sort: OverviewSortKey): SQL {
  const { column, kind } = SORT_COLUMN[sort];
  if (kind === "instant") return sql.raw(`to_char(cm.${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`);
  return sql.raw(`cm.${column}`);
}

/** A cursor's values as SQL literals typed like the terms. */
function cursorValues(sort: OverviewSortKey, cursor: OverviewCursor): unknown[] {
  const { kind, column } = SORT_COLUMN[sort];
  const typed = (value: OverviewCursor["key"]) => {
    if (value === null) return null;
    if (kind === "instant") return sql`${String(value)}::timestamptz`;
    if (kind === "number") return column.endsWith("_rate") ? sql`${Number(value)}::float8` : sql`${Math.trunc(Number(value))}::int`;
    return sql`${String(value)}`;
  };
  if (sort === "name") return [sql`${cursor.name}`, sql`${cursor.id}::uuid`];
  return [typed(cursor.key), sql`${cursor.name}`, sql`${cursor.id}::uuid`];
}

export type OverviewRawRow = OverviewColumns & { sort_name: string; sort_key: number | string | null };

/** The kept columns every reader of a row wants, over `client_metrics cm`. */
export const rowColumns = (scope: CoachScope, now: Date): SQL => sql`
  cm.client_id, cm.name, cm.email, cm.status, cm.sort_name,
  cm.active_applications, cm.interviews_this_week, cm.interviews_next_week, cm.follow_ups_due,
  cm.overdue_reminders, cm.overdue_commitments, cm.overdue,
  cm.thank_you_due, cm.thank_you_on_time, cm.check_ins_due, cm.check_ins_on_time, cm.commitments_due, cm.commitments_on_time,
  cm.thank_you_rate, cm.check_in_rate, cm.commitment_rate, cm.follow_through_rate,
  cm.last_activity_at, ${goneQuietSql(scope, now)} as gone_quiet`;

/** The page's ordering and keyset, shared with the export (which walks the same order in batches). */
export function overviewOrder(sort: OverviewSortKey, direction: "asc" | "desc") {
  const terms = orderTerms(sort, direction);
  return {
    key: keySelect(sort),
    /** The raw sort column, as `sort_value`, for ordering a CTE of the page again (`order(reversed, alias)`). */
    value: sql.raw(`cm.${SORT_COLUMN[sort].column}`),
    order: (reversed = false, alias?: string) => orderSql(terms, reversed, alias),
    from: (cursor: OverviewCursor) => keysetSql(terms, cursorValues(sort, cursor), cursor.way),
  };
}

const toCursor = (row: { sort_key: number | string | null; sort_name: string; client_id: string }, way: OverviewCursor["way"]): string =>
  encodeCursor({ key: row.sort_key, name: row.sort_name, id: row.client_id, way });

/**
 * The coach portal's clients overview: one row per visible client (owners: all; coaches: their
 * assigned clients), read from the kept numbers (`client_metrics`, brought up to date first by
 * one statement), sorted and filtered on indexed columns and paged by keyset: a cursor holds the
 * sort value, name and id of the row beside the page, so a page costs the same at 500 and 20,000
 * clients and rows that tie are neither repeated nor skipped. Two statements of its own, at
 * every size: the upkeep, then the page (with its coaches and cohorts) and the total.
 * What each number means is documented on the direct computation (overview-direct.ts).
 */
export async function coachOverview(db: Executor, scope: CoachScope, input: TParsedOverviewInput, now: Date = new Date()) {
  await refreshVisibleMetrics(db, scope, now);
  const where = overviewConditions(scope, input, now);
  const ordering = overviewOrder(input.sort, input.direction);
  const cursor = input.cursor;
  const backwards = cursor?.way === "before";
  // A search reads every visible client: under row-level security no index can answer ILIKE (it
  // is not leakproof, so it may not run before the policy). Its matches are found once, for the
  // page and the total, instead of once each.
  const { matches, pageWhere, counted } = input.search
    ? {
        matches: sql`matches as materialized (select cm.client_id from client_metrics cm where ${where}),`,
        pageWhere: sql`cm.org_id = ${scope.orgId} and cm.client_id in (select client_id from matches)`,
        counted: sql`matches`,
      }
    : { matches: sql``, pageWhere: where, counted: sql`client_metrics cm where ${where}` };
  const query = sql`
    with ${matches} page as materialized (
      select ${rowColumns(scope, now)}, ${ordering.key} as sort_key, ${ordering.value} as sort_value
      from client_metrics cm
      where ${pageWhere} ${cursor ? sql`and ${ordering.from(cursor)}` : sql``}
      order by ${ordering.order(backwards)}
      limit ${input.pageSize + 1}
    ),
    total as (select count(*)::int as total from ${counted})
    select total.total, page.*, co.coaches, cb.cohorts
    from total
    left join page on true
    left join lateral (
      select coalesce(json_agg(json_build_object('membershipId', cmm.id, 'name', coalesce(cu.name, cu.email)) order by coalesce(cu.name, cu.email)), '[]'::json) as coaches
      from coach_assignments ca
      join memberships cmm on cmm.org_id = ca.org_id and cmm.id = ca.coach_membership_id
      join users cu on cu.id = cmm.user_id
      where ca.org_id = ${scope.orgId} and ca.client_membership_id = page.client_id
    ) co on page.client_id is not null
    left join lateral (
      -- Staff see every cohort's name (cohort.list); archived cohorts are history, not a label.
      select coalesce(json_agg(json_build_object('id', c.id, 'name', c.name) order by lower(c.name)), '[]'::json) as cohorts
      from cohort_members cmb
      join cohorts c on c.org_id = cmb.org_id and c.id = cmb.cohort_id
      where cmb.org_id = ${scope.orgId} and cmb.client_membership_id = page.client_id and c.archived_at is null
    ) cb on page.client_id is not null
    order by ${ordering.order(backwards, "page")}
  `;
  // One statement for the page and the total: with no row on the page, one row carries the total alone.
  const result = await rows<OverviewRawRow & { coaches: unknown; cohorts: unknown; total: number }>(db, query);
  const count = result[0];
  const fetched = result.filter((r) => r.client_id !== null);
  // Rows come back in the statement's order; walking back, that is reversed.
  const ordered = sortLike(fetched, input.pageSize, backwards);
  const more = fetched.length > input.pageSize;
  const first = ordered[0];
  const last = ordered.at(-1);
  const hasNext = backwards ? Boolean(last) : more;
  const hasPrevious = backwards ? more : Boolean(cursor) && Boolean(first);
  return {
    pageSize: input.pageSize,
    total: count?.total ?? 0,
    nextCursor: hasNext && last ? toCursor(last, "after") : null,
    previousCursor: hasPrevious && first ? toCursor(first, "before") : null,
    rows: ordered.map(overviewRow),
  };
}

function sortLike<T>(fetched: T[], pageSize: number, backwards: boolean): T[] {
  const page = fetched.slice(0, pageSize);
  return backwards ? page.reverse() : page;
}

export type OverviewResult = Awaited<ReturnType<typeof coachOverview>>;
