import { isApplicationClosed, owedCommitment } from "../applications/closing";
import { applicationTitleColumns, companyOfApplication, interviewSummaryColumns } from "@/server/services/joins";
import { INTERVIEW_KIND_LABEL } from "@/lib/vocabulary";
import { randomBytes } from "node:crypto";
import { and, asc, eq, gte, or } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { withOrg, type Database, type Executor } from "@/db";
import { applications, commitments, companies, contacts, interviews, memberships, organizations, users } from "@/db/schema";
import { env } from "../../env";
import { notFound } from "../../errors";
import { buildCalendarFeed, type CalendarEvent } from "./ics";
import type { UserScope } from "../scope";

/**
 * The private iCalendar feed: a secret URL per person that calendar apps poll without signing in.
 * The token is the only credential, so it is long (32 random bytes), can be rotated (the old URL
 * stops working at once) or revoked, and the feed shows only the holder's own client data.
 */

const TOKEN_BYTES = 32;
/** base64url of 32 bytes: 43 characters, no padding. Anything else is refused before any query. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
/** Old interviews and check-ins stop being useful in a calendar; the feed stays small. */
const HISTORY_DAYS = 180;
const DAY_MS = 24 * 60 * 60 * 1000;

export function feedUrl(token: string, appUrl: string = env().APP_URL): string {
  return new URL(`/calendar/${token}.ics`, appUrl).toString();
}

// --- Token management -----------------------------------------------------------------------------
// A feed belongs to the person, not to a membership: one URL lists their client data from every
// organisation, so it is managed outside any organisation, and turning it off turns off that one
// feed everywhere. Only the signed-in person's own row, keyed by the scope's person.

type Me = Pick<UserScope, "actorUserId">;

export async function getFeed(db: Executor, { actorUserId: userId }: Me) {
  const [user] = await db.select({ token: users.calendarToken }).from(users).where(eq(users.id, userId));
  if (!user) throw notFound("Profile not found.");
  return { url: user.token ? feedUrl(user.token) : null };
}

/** Turns the feed on; when it is already on, the existing URL stays valid. */
export async function enableFeed(db: Executor, me: Me) {
  const current = await getFeed(db, me);
  if (current.url) return current;
  return rotateFeed(db, me);
}

/** A new secret: calendars subscribed to the old URL get 404 from now on. */
export async function rotateFeed(db: Executor, { actorUserId: userId }: Me) {
  const token = randomBytes(TOKEN_BYTES).toString("base64url");
  const [updated] = await db.update(users).set({ calendarToken: token }).where(eq(users.id, userId)).returning({ id: users.id });
  if (!updated) throw notFound("Profile not found.");
  return { url: feedUrl(token) };
}

export async function revokeFeed(db: Executor, { actorUserId: userId }: Me) {
  const [updated] = await db.update(users).set({ calendarToken: null }).where(eq(users.id, userId)).returning({ id: users.id });
  if (!updated) throw notFound("Profile not found.");
  return { url: null };
}

// --- Serving the feed -----------------------------------------------------------------------------

/**
 * The person holding a feed token. `unsafe`: not tenant-scoped (the token is the credential, and
 * the feed spans organisations); it runs on the owner connection and must only be used to serve
 * that person's own feed. The lookup is one equality match on the unique index, so the time taken
 * does not depend on how much of a guessed token is right.
 */
export async function unsafeFindUserByCalendarToken(db: Database, token: string) {
  if (!TOKEN_SHAPE.test(token)) return undefined;
  const [user] = await db
    .select({ id: users.id, name: users.name, timeZone: users.timeZone })
    .from(users)
    .where(eq(users.calendarToken, token));
  return user;
}

/** The organisations where the person is an active client. `unsafe`: keyed by the person, across tenants. */
async function unsafeListClientMemberships(db: Database, userId: string) {
  return db
    .select({ orgId: organizations.id, orgSlug: organizations.slug, clientId: memberships.id })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(and(eq(memberships.userId, userId), eq(memberships.role, "client"), eq(memberships.status, "active")))
    .orderBy(asc(organizations.slug));
}

type ClientRef = { orgId: string; orgSlug: string; clientId: string };

/**
 * One client's calendar events in one organisation. Runs inside that organisation's tenant
 * transaction, with the organisation and client in every WHERE clause.
 */
export async function loadClientCalendarEvents(db: Executor, ref: ClientRef, now: Date): Promise<CalendarEvent[]> {
  const since = new Date(now.getTime() - HISTORY_DAYS * DAY_MS);
  const sinceDay = since.toISOString().slice(0, 10);
  const mine = (table: { orgId: PgColumn; clientId: PgColumn }) => and(eq(table.orgId, ref.orgId), eq(table.clientId, ref.clientId));
  const applicationOf = (applicationId: PgColumn) =>
    and(eq(applications.orgId, ref.orgId), eq(applications.clientId, ref.clientId), eq(applications.id, applicationId));

  const interviewRows = await db
    .select({
      ...interviewSummaryColumns,
      planVersion: interviews.planVersion,
      agreedCheckInOn: interviews.agreedCheckInOn,
      preferredChannel: interviews.preferredChannel,
      updatedAt: interviews.updatedAt,
      roleTitle: applications.roleTitle,
      applicationStatus: applications.status,
      archivedAt: applications.archivedAt,
      companyName: companies.name,
    })
    .from(interviews)
    .innerJoin(applications, applicationOf(interviews.applicationId))
    .innerJoin(companies, companyOfApplication)
    .where(and(mine(interviews), or(gte(interviews.endsAt, since), gte(interviews.agreedCheckInOn, sinceDay))))
    .orderBy(asc(interviews.startsAt), asc(interviews.id));

  const commitmentRows = await db
    .select({
      id: commitments.id,
      description: commitments.description,
      dueAt: commitments.dueAt,
      updatedAt: commitments.updatedAt,
      toName: contacts.name,
      ...applicationTitleColumns,
    })
    .from(commitments)
    .leftJoin(
      contacts,
      and(eq(contacts.orgId, ref.orgId), eq(contacts.clientId, ref.clientId), eq(contacts.id, commitments.contactId)),
    )
    .leftJoin(
      applications,
      and(eq(applications.orgId, ref.orgId), eq(applications.clientId, ref.clientId), eq(applications.id, commitments.applicationId)),
    )
    .leftJoin(companies, companyOfApplication)
    // Kept and released promises leave the calendar; owed ones stay, overdue included, until done.
    .where(and(mine(commitments), owedCommitment))
    .orderBy(asc(commitments.dueAt), asc(commitments.id));

  const base = `/${ref.orgSlug}`;
  const events: CalendarEvent[] = [];
  for (const row of interviewRows) {
    if (row.endsAt >= since) {
      events.push({
        kind: "interview",
        id: row.id,
        path: `${base}/interviews/${row.id}`,
        updatedAt: row.updatedAt,
        roleTitle: row.roleTitle,
        companyName: row.companyName,
        round: row.round,
        startsAt: row.startsAt,
        endsAt: row.endsAt,
        timeZone: row.timeZone,
        location: row.location,
        status: row.status,
        description: `${INTERVIEW_KIND_LABEL[row.kind]} interview`,
        sequence: row.planVersion,
      });
    }
    // A check-in only matters while the application is still open.
    const open = !isApplicationClosed({ status: row.applicationStatus, archivedAt: row.archivedAt });
    if (row.agreedCheckInOn && row.agreedCheckInOn >= sinceDay && row.status !== "cancelled" && open) {
      events.push({
        kind: "check_in",
        id: row.id,
        path: `${base}/applications/${row.applicationId}`,
        updatedAt: row.updatedAt,
        on: row.agreedCheckInOn,
        roleTitle: row.roleTitle,
        companyName: row.companyName,
        channel: row.preferredChannel,
      });
    }
  }
  for (const row of commitmentRows) {
    events.push({
      kind: "commitment",
      id: row.id,
      path: `${base}/commitments/${row.id}`,
      updatedAt: row.updatedAt,
      description: row.description,
      dueAt: row.dueAt,
      toName: row.toName,
      roleTitle: row.roleTitle,
      companyName: row.companyName,
    });
  }
  return events;
}

/**
 * The HTTP answer for a feed URL: the .ics text, or a bare 404 for a token that is malformed,
 * unknown, rotated away or revoked (the body never says which).
 */
export async function calendarFeedResponse(db: Database, rawToken: string, now: Date = new Date()): Promise<Response> {
  const token = rawToken.endsWith(".ics") ? rawToken.slice(0, -".ics".length) : rawToken;
  const user = await unsafeFindUserByCalendarToken(db, token);
  if (!user) return new Response(null, { status: 404, headers: { "Cache-Control": "no-store" } });

  const events: CalendarEvent[] = [];
  for (const ref of await unsafeListClientMemberships(db, user.id)) {
    events.push(...(await withOrg(db, ref.orgId, (tx) => loadClientCalendarEvents(tx, ref, now))));
  }
  const body = buildCalendarFeed({
    calendarName: user.name ? `Followthrough: ${user.name}` : "Followthrough",
    ownerTimeZone: user.timeZone,
    appUrl: env().APP_URL,
    generatedAt: now,
    events,
  });
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="followthrough.ics"',
      "Cache-Control": "private, max-age=300",
      // The URL is a secret: keep it out of search engines and out of Referer headers.
      "X-Robots-Tag": "noindex",
      "Referrer-Policy": "no-referrer",
    },
  });
}
