import { sql } from "drizzle-orm";
import { foreignKey, index, jsonb, pgEnum, pgTable, primaryKey, text, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, instant, updatedAt } from "./_columns";
import { users } from "./auth";

/**
 * The follow-up playbook's defaults, owned by each organisation. Every number a rule of the
 * playbook uses lives here so owners can change it without a deploy.
 */
export type FollowUpPolicy = {
  /** Rule 1: local time on the day before an interview to send the "prepare" reminder. */
  prepareLocalTime: string;
  /** Rule 2: minutes after an interview ends to ask for the debrief. */
  debriefDelayMinutes: number;
  /** Rule 3: hours after the interview ends by which thank-you notes should be sent. */
  thankYouWindowHours: number;
  /** Rule 5: hours before a commitment is due to remind the client. */
  commitmentLeadHours: number;
  /** Rule 6: days after the interview to check in when the employer named no date. */
  checkInDefaultDays: number;
  /** Rule 10: days after a rejection to suggest reconnecting. */
  reconnectAfterDays: number;
  /** No reminder is delivered between these local times; it moves to the end of the window. */
  quietHoursStart: string;
  quietHoursEnd: string;
  /** Coach portal: a client with no activity for this many days is flagged as gone quiet. */
  goneQuietDays: number;
  /** Clients may have drafts rewritten by the configured model (only when AI_BASE_URL is set). */
  aiRewriting: boolean;
};

export const DEFAULT_POLICY: FollowUpPolicy = {
  prepareLocalTime: "18:00",
  debriefDelayMinutes: 60,
  thankYouWindowHours: 24,
  commitmentLeadHours: 24,
  checkInDefaultDays: 7,
  reconnectAfterDays: 90,
  quietHoursStart: "21:00",
  quietHoursEnd: "08:00",
  goneQuietDays: 14,
  aiRewriting: true,
};

/** A coaching practice: the tenant. Every client-domain row belongs to exactly one. */
export const organizations = pgTable(
  "organizations",
  {
    id: id(),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    timeZone: text("time_zone").notNull().default("UTC"),
    brandColor: text("brand_color").notNull().default("#0f766e"),
    logoUrl: text("logo_url"),
    policy: jsonb("policy").$type<FollowUpPolicy>().notNull().default(DEFAULT_POLICY),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("organizations_slug_key").on(t.slug)],
);

export const memberRole = pgEnum("member_role", ["owner", "coach", "client"]);
export const membershipStatus = pgEnum("membership_status", ["active", "archived"]);

/** A person's role in one organisation. Client-domain rows point at the client's membership. */
export const memberships = pgTable(
  "memberships",
  {
    id: id(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: memberRole("role").notNull(),
    status: membershipStatus("status").notNull().default("active"),
    /** When its member last opened this organisation: signing in lands there again. */
    lastUsedAt: instant("last_used_at"),
    createdAt: createdAt(),
  },
  (t) => [
    unique("memberships_org_user_key").on(t.orgId, t.userId),
    unique("memberships_org_id_key").on(t.orgId, t.id),
    index("memberships_user_id_idx").on(t.userId),
  ],
);

/** Which coach looks after which client. Both memberships must be of the same organisation. */
export const coachAssignments = pgTable(
  "coach_assignments",
  {
    id: id(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    coachMembershipId: uuid("coach_membership_id").notNull(),
    clientMembershipId: uuid("client_membership_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique("coach_assignments_pair_key").on(t.orgId, t.coachMembershipId, t.clientMembershipId),
    index("coach_assignments_org_client_idx").on(t.orgId, t.clientMembershipId),
    foreignKey({ columns: [t.orgId, t.coachMembershipId], foreignColumns: [memberships.orgId, memberships.id] }).onDelete(
      "cascade",
    ),
    foreignKey({ columns: [t.orgId, t.clientMembershipId], foreignColumns: [memberships.orgId, memberships.id] }).onDelete(
      "cascade",
    ),
  ],
);

export const invitations = pgTable(
  "invitations",
  {
    id: id(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    role: memberRole("role").notNull(),
    /** sha-256 of the token in the link: a database leak does not hand out working invitations. */
    tokenHash: text("token_hash").notNull(),
    invitedByUserId: uuid("invited_by_user_id").references(() => users.id, { onDelete: "set null" }),
    /** For a client invitation: the coach to assign on acceptance. */
    coachMembershipId: uuid("coach_membership_id"),
    /** For a client invitation: the cohort they join on acceptance. */
    cohortId: uuid("cohort_id"),
    /** The name the inviter gave (a roster upload); becomes the person's name if they have none. */
    name: text("name"),
    /** The roster upload that created it, so its emails' progress can be followed. */
    importId: uuid("import_id"),
    expiresAt: instant("expires_at").notNull(),
    acceptedAt: instant("accepted_at"),
    revokedAt: instant("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("invitations_token_hash_key").on(t.tokenHash),
    unique("invitations_org_id_key").on(t.orgId, t.id),
    index("invitations_org_email_idx").on(t.orgId, t.email),
    index("invitations_org_import_idx").on(t.orgId, t.importId).where(sql`import_id is not null`),
    foreignKey({ columns: [t.orgId, t.coachMembershipId], foreignColumns: [memberships.orgId, memberships.id] }).onDelete(
      "cascade",
    ),
    // Cohorts are archived, never deleted, while anything points at them.
    foreignKey({ columns: [t.orgId, t.cohortId], foreignColumns: [cohorts.orgId, cohorts.id] }),
  ],
);

/** Sensitive actions (roles, assignments, deletions, policy edits), visible to owners. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: id(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index("audit_log_org_created_idx").on(t.orgId, t.createdAt)],
);

/** The `org_id` column every tenant-owned table starts with: not null, cascades with its tenant. */
export const orgIdColumn = () =>
  uuid("org_id")
    .notNull()
    .references(() => organizations.id, { onDelete: "cascade" });

/**
 * A group of clients the organisation reports on together: a programme, a graduating class, a
 * funder's intake. A client may belong to several; owners filter the overview, charts, export
 * and outcomes by one. Archived cohorts keep their members for past reports.
 */
export const cohorts = pgTable(
  "cohorts",
  {
    id: id(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    archivedAt: instant("archived_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("cohorts_org_name_key").on(t.orgId, sql`lower(${t.name})`),
    unique("cohorts_org_id_key").on(t.orgId, t.id),
  ],
);

/** Which client is in which cohort; both of the same organisation (composite keys). */
export const cohortMembers = pgTable(
  "cohort_members",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    cohortId: uuid("cohort_id").notNull(),
    clientMembershipId: uuid("client_membership_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.cohortId, t.clientMembershipId] }),
    index("cohort_members_org_client_idx").on(t.orgId, t.clientMembershipId),
    foreignKey({ columns: [t.orgId, t.cohortId], foreignColumns: [cohorts.orgId, cohorts.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.orgId, t.clientMembershipId], foreignColumns: [memberships.orgId, memberships.id] }).onDelete(
      "cascade",
    ),
  ],
);
