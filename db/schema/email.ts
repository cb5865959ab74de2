import { index, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./_columns";
import { organizations } from "./org";

/**
 * Emails delivered without Resend (the embedded default and tests) land here, and the
 * development-only outbox page shows them. Sign-in links have no organisation, hence nullable.
 */
export const outboxEmails = pgTable(
  "outbox_emails",
  {
    id: id(),
    orgId: uuid("org_id").references(() => organizations.id, { onDelete: "cascade" }),
    to: text("to").notNull(),
    from: text("from").notNull(),
    subject: text("subject").notNull(),
    html: text("html").notNull(),
    text: text("text").notNull(),
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
    tags: jsonb("tags").$type<Record<string, string>>().notNull().default({}),
    /** Same role as Resend's Idempotency-Key: a second send with the key stores nothing new. */
    idempotencyKey: text("idempotency_key"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("outbox_emails_idempotency_key").on(t.idempotencyKey),
    index("outbox_emails_to_idx").on(t.to, t.createdAt),
    index("outbox_emails_org_idx").on(t.orgId, t.createdAt),
  ],
);

/** Addresses that bounced or complained: nothing more is sent to them. */
export const emailSuppressions = pgTable("email_suppressions", {
  email: text("email").primaryKey(),
  reason: text("reason").notNull(),
  createdAt: createdAt(),
});

/** Provider webhooks already processed, by their id, so a redelivery is recorded once. */
export const webhookEvents = pgTable("webhook_events", {
  id: text("id").primaryKey(),
  type: text("type").notNull(),
  createdAt: createdAt(),
});
