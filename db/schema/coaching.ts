import { foreignKey, index, jsonb, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, instant, updatedAt } from "./_columns";
import { clientMembershipFk, sameClientFk } from "./_tenancy";
import { users } from "./auth";
import { drafts } from "./followup";
import { memberships, orgIdColumn } from "./org";

/**
 * Append-only timeline of what happened for a client; feeds the dashboard and the coach portal.
 * The application role may insert and read it, never update or delete (see the RLS migration).
 */
export const activities = pgTable(
  "activities",
  {
    id: id(),
    orgId: orgIdColumn(),
    clientId: uuid("client_id").notNull(),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    kind: text("kind").notNull(),
    summary: text("summary").notNull(),
    applicationId: uuid("application_id"),
    interviewId: uuid("interview_id"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    occurredAt: instant("occurred_at").notNull().defaultNow(),
  },
  (t) => [index("activities_org_client_occurred_idx").on(t.orgId, t.clientId, t.occurredAt), clientMembershipFk(t.orgId, t.clientId)],
);

export const noteVisibility = pgEnum("note_visibility", ["private", "shared"]);

/** A coach's note on a client: private to coaches, or shared with the client. */
export const coachNotes = pgTable(
  "coach_notes",
  {
    id: id(),
    orgId: orgIdColumn(),
    clientId: uuid("client_id").notNull(),
    authorMembershipId: uuid("author_membership_id").notNull(),
    visibility: noteVisibility("visibility").notNull().default("private"),
    body: text("body").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("coach_notes_org_client_idx").on(t.orgId, t.clientId, t.createdAt),
    clientMembershipFk(t.orgId, t.clientId),
    foreignKey({ columns: [t.orgId, t.authorMembershipId], foreignColumns: [memberships.orgId, memberships.id] }).onDelete(
      "cascade",
    ),
  ],
);

/** A short message from a coach to a client: emailed and shown on the client's dashboard. */
export const nudges = pgTable(
  "nudges",
  {
    id: id(),
    orgId: orgIdColumn(),
    clientId: uuid("client_id").notNull(),
    coachMembershipId: uuid("coach_membership_id").notNull(),
    message: text("message").notNull(),
    readAt: instant("read_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("nudges_org_client_idx").on(t.orgId, t.clientId, t.createdAt),
    clientMembershipFk(t.orgId, t.clientId),
    foreignKey({ columns: [t.orgId, t.coachMembershipId], foreignColumns: [memberships.orgId, memberships.id] }).onDelete(
      "cascade",
    ),
  ],
);

/** A coach's comment on a client's draft; the client sees it beside the draft. */
export const draftComments = pgTable(
  "draft_comments",
  {
    id: id(),
    orgId: orgIdColumn(),
    clientId: uuid("client_id").notNull(),
    draftId: uuid("draft_id").notNull(),
    authorMembershipId: uuid("author_membership_id").notNull(),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("draft_comments_org_draft_idx").on(t.orgId, t.draftId, t.createdAt),
    sameClientFk({ orgId: t.orgId, clientId: t.clientId, ref: t.draftId }, drafts),
    foreignKey({ columns: [t.orgId, t.authorMembershipId], foreignColumns: [memberships.orgId, memberships.id] }).onDelete(
      "cascade",
    ),
  ],
);
