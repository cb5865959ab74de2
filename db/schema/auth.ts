import { boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { createdAt, id, instant } from "./_columns";

export type ReminderPreferences = Partial<Record<string, boolean>>;

/** The register drafts are written in: "warm" greets "Hi Elena,", "formal" greets "Dear Elena,". */
export const draftTone = pgEnum("draft_tone", ["warm", "formal"]);

/**
 * People. A person signs in once and may belong to several organisations, so nothing here is
 * tenant-owned: the profile (headline, accomplishments, time zone, reminder preferences) follows
 * the person. Columns name/email/emailVerified/image are the ones the Auth.js adapter expects.
 */
export const users = pgTable(
  "users",
  {
    id: id(),
    name: text("name"),
    email: text("email").notNull(),
    emailVerified: instant("email_verified"),
    image: text("image"),
    timeZone: text("time_zone").notNull().default("UTC"),
    headline: text("headline"),
    accomplishments: text("accomplishments").array().notNull().default(sql`'{}'::text[]`),
    draftTone: draftTone("draft_tone").notNull().default("warm"),
    reminderPreferences: jsonb("reminder_preferences").$type<ReminderPreferences>().notNull().default({}),
    passwordHash: text("password_hash"),
    /** Secret of the private iCalendar feed; null when the person has revoked it. */
    calendarToken: text("calendar_token"),
    isDemo: boolean("is_demo").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    // Emails are stored lower-cased; the unique index makes "one account per address" a fact.
    uniqueIndex("users_email_key").on(t.email),
    uniqueIndex("users_calendar_token_key").on(t.calendarToken),
  ],
);

export const accounts = pgTable(
  "accounts",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] }), index("accounts_user_id_idx").on(t.userId)],
);

export const sessions = pgTable(
  "sessions",
  {
    sessionToken: text("session_token").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expires: instant("expires").notNull(),
  },
  (t) => [index("sessions_user_id_idx").on(t.userId)],
);

export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: instant("expires").notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

/**
 * One row per sign-in email requested, kept to rate-limit by address and by IP. Addresses are
 * stored whether or not an account exists, so the limit itself never reveals who has one.
 */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: id(),
    email: text("email").notNull(),
    ip: text("ip"),
    createdAt: createdAt(),
  },
  (t) => [index("sign_in_attempts_email_idx").on(t.email, t.createdAt), index("sign_in_attempts_ip_idx").on(t.ip, t.createdAt)],
);
