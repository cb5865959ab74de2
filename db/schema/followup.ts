import { boolean, check, index, integer, json, pgEnum, pgTable, text, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { createdAt, id, instant, updatedAt } from "./_columns";
import { clientMembershipFk, sameClientFk } from "./_tenancy";
import { contacts } from "./network";
import { invitations, memberships, orgIdColumn } from "./org";
import { foreignKey } from "drizzle-orm/pg-core";
import { applications, interviews } from "./pipeline";

export const commitmentSource = pgEnum("commitment_source", ["promise", "coach_task", "self"]);

/** Something the client promised (or a coach asked for), to whom, due when, done when. */
export const commitments = pgTable(
  "commitments",
  {
    id: id(),
    orgId: orgIdColumn(),
    clientId: uuid("client_id").notNull(),
    applicationId: uuid("application_id"),
    interviewId: uuid("interview_id"),
    contactId: uuid("contact_id"),
    description: text("description").notNull(),
    source: commitmentSource("source").notNull().default("promise"),
    assignedByMembershipId: uuid("assigned_by_membership_id"),
    dueAt: instant("due_at").notNull(),
    doneAt: instant("done_at"),
    /**
     * Set when its application closed (rejected, withdrawn, accepted or archived) while the promise
     * was still open: no longer needed, so it is neither owed nor overdue. Reopening clears it.
     */
    releasedAt: instant("released_at"),
    /** The client chose to keep it although its application closed: closing never releases it. */
    keptAfterClose: boolean("kept_after_close").notNull().default(false),
    planVersion: integer("plan_version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("commitments_org_client_id_key").on(t.orgId, t.clientId, t.id),
    index("commitments_org_client_due_idx").on(t.orgId, t.clientId, t.dueAt),
    clientMembershipFk(t.orgId, t.clientId),
    sameClientFk({ orgId: t.orgId, clientId: t.clientId, ref: t.applicationId }, applications),
    sameClientFk({ orgId: t.orgId, clientId: t.clientId, ref: t.interviewId }, interviews),
    sameClientFk({ orgId: t.orgId, clientId: t.clientId, ref: t.contactId }, contacts, "no action"),
    foreignKey({
      columns: [t.orgId, t.assignedByMembershipId],
      foreignColumns: [memberships.orgId, memberships.id],
    }).onDelete("cascade"),
  ],
);

export const draftKind = pgEnum("draft_kind", [
  "thank_you",
  "follow_up_letter",
  "check_in",
  "proposal",
  "networking_ask",
  "rejection_reply",
  "references",
]);
export const draftStatus = pgEnum("draft_status", ["draft", "sent", "discarded"]);

/** A message prepared for the client to send themselves. */
export const drafts = pgTable(
  "drafts",
  {
    id: id(),
    orgId: orgIdColumn(),
    clientId: uuid("client_id").notNull(),
    applicationId: uuid("application_id"),
    interviewId: uuid("interview_id"),
    contactId: uuid("contact_id"),
    kind: draftKind("kind").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    status: draftStatus("status").notNull().default("draft"),
    /** Thank-you notes written by hand count as sent. */
    handwritten: boolean("handwritten").notNull().default(false),
    sentAt: instant("sent_at"),
    /** Stable key of what generated it (e.g. thank_you/{interviewId}/{contactId}): generation never duplicates. */
    generationKey: text("generation_key"),
    /** When its moment in the playbook comes; the drafts page lists it as "coming up" until then. */
    availableAt: instant("available_at").notNull().defaultNow(),
    /** Set when the configured model last rewrote the body (kept when the client edits afterwards). */
    rewrittenAt: instant("rewritten_at"),
    /** The model and the instruction of that rewrite ("shorter", "coach_suggestion", …). */
    rewriteModel: text("rewrite_model"),
    rewriteInstruction: text("rewrite_instruction"),
    /** The body before the last rewrite, so the client can go back to it. */
    bodyBeforeRewrite: text("body_before_rewrite"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("drafts_org_client_id_key").on(t.orgId, t.clientId, t.id),
    index("drafts_org_client_status_idx").on(t.orgId, t.clientId, t.status),
    uniqueIndex("drafts_org_generation_key").on(t.orgId, t.generationKey),
    clientMembershipFk(t.orgId, t.clientId),
    sameClientFk({ orgId: t.orgId, clientId: t.clientId, ref: t.applicationId }, applications),
    sameClientFk({ orgId: t.orgId, clientId: t.clientId, ref: t.interviewId }, interviews),
    sameClientFk({ orgId: t.orgId, clientId: t.clientId, ref: t.contactId }, contacts, "no action"),
  ],
);

export const reminderKind = pgEnum("reminder_kind", [
  "prepare",
  "debrief",
  "thank_you_due",
  "commitment_due",
  "commitment_overdue",
  "check_in",
  "proposal_suggestion",
  "networking_suggestion",
  "rejection_follow_through",
  "reconnect",
  "client_digest",
  "coach_digest",
  "coach_nudge",
  "invitation",
]);
export const reminderStatus = pgEnum("reminder_status", ["pending", "sent", "cancelled", "failed"]);

export const emailBatchStatus = pgEnum("email_batch_status", ["sending", "sent", "abandoned", "failed"]);

/** One email of a batch, exactly as handed to the Resend SDK's `batch.send`. */
export type BatchEmailPayload = {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
  tags?: Array<{ name: string; value: string }>;
};

/**
 * A request to the provider's batch endpoint, written before it is sent. Resend's batch
 * Idempotency-Key covers the whole request, so a retry after a crash or a lost answer must repeat
 * the same emails, byte for byte, under the same key: the payload is kept until the provider has
 * answered. A system table across tenants (no org_id, no grant to the application role): only
 * the delivery worker reads it, on the owner connection.
 */
export const emailBatches = pgTable(
  "email_batches",
  {
    id: id(),
    idempotencyKey: text("idempotency_key").notNull(),
    /** The members, in payload order: the provider answers with ids in the same order. */
    reminderIds: uuid("reminder_ids").array().notNull(),
    /**
     * `json`, not `jsonb`: jsonb reorders object keys, and a resent body that differs from the
     * first would be refused as a different payload under the same key. Dropped once resolved.
     */
    payload: json("payload").$type<BatchEmailPayload[]>(),
    status: emailBatchStatus("status").notNull().default("sending"),
    attempts: integer("attempts").notNull().default(1),
    /**
     * An attempt may have reached the provider without our hearing the answer (a crash, a
     * timeout, a 5xx, a request still in flight). From then on the batch is only ever resent as
     * is, never abandoned and rebuilt under another key: that could send its emails twice.
     */
    inDoubt: boolean("in_doubt").notNull().default(false),
    leaseUntil: instant("lease_until"),
    nextAttemptAt: instant("next_attempt_at"),
    lastError: text("last_error"),
    sentAt: instant("sent_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("email_batches_idempotency_key").on(t.idempotencyKey),
    // The sweep looks for unresolved batches to resume; there are only ever a few.
    index("email_batches_sending_idx").on(t.createdAt).where(sql`status = 'sending'`),
  ],
);

/**
 * The email outbox: a reminder is a row here first, written in the same transaction as the
 * change that caused it; workflows only deliver rows. `dedupe_key` is unique and doubles as the
 * provider's idempotency key, so a reminder can never be sent twice.
 */
export const reminders = pgTable(
  "reminders",
  {
    id: id(),
    orgId: orgIdColumn(),
    /** Who gets it; null only for an invitation, whose recipient is not a member yet. */
    recipientMembershipId: uuid("recipient_membership_id"),
    /** The invitation an `invitation` email delivers (its address is the recipient). */
    invitationId: uuid("invitation_id"),
    /** The client this is about (null for a coach's digest). */
    clientId: uuid("client_id"),
    applicationId: uuid("application_id"),
    interviewId: uuid("interview_id"),
    commitmentId: uuid("commitment_id"),
    kind: reminderKind("kind").notNull(),
    /** Why this reminder exists, in words a person can read. */
    reason: text("reason").notNull(),
    dueAt: instant("due_at").notNull(),
    planVersion: integer("plan_version").notNull().default(1),
    dedupeKey: text("dedupe_key").notNull(),
    status: reminderStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: instant("next_attempt_at"),
    /** A worker's claim on the row while it talks to the provider; expires so a crash is retried. */
    leaseUntil: instant("lease_until"),
    lastError: text("last_error"),
    providerMessageId: text("provider_message_id"),
    sentAt: instant("sent_at"),
    cancelledAt: instant("cancelled_at"),
    /**
     * Set while the reminder is a member of an unresolved batch: then only the batch decides its
     * fate, and neither the sweep nor a per-reminder run picks it on its own.
     */
    batchId: uuid("batch_id").references(() => emailBatches.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("reminders_dedupe_key").on(t.dedupeKey),
    index("reminders_batch_idx").on(t.batchId).where(sql`batch_id is not null`),
    index("reminders_org_client_due_idx").on(t.orgId, t.clientId, t.dueAt),
    index("reminders_org_recipient_due_idx").on(t.orgId, t.recipientMembershipId, t.dueAt),
    // The sweep looks for due pending rows across tenants (a system job, not a tenant query).
    index("reminders_pending_due_idx").on(t.dueAt).where(sql`status = 'pending'`),
    foreignKey({
      columns: [t.orgId, t.recipientMembershipId],
      foreignColumns: [memberships.orgId, memberships.id],
    }).onDelete("cascade"),
    foreignKey({ columns: [t.orgId, t.invitationId], foreignColumns: [invitations.orgId, invitations.id] }).onDelete("cascade"),
    index("reminders_org_invitation_idx").on(t.orgId, t.invitationId).where(sql`invitation_id is not null`),
    // A member is the recipient, or (an invitation email) an invitation's address: exactly one.
    check("reminders_recipient_or_invitation", sql`(${t.recipientMembershipId} is null) = (${t.invitationId} is not null)`),
    foreignKey({ columns: [t.orgId, t.clientId], foreignColumns: [memberships.orgId, memberships.id] }).onDelete(
      "cascade",
    ),
    sameClientFk({ orgId: t.orgId, clientId: t.clientId, ref: t.applicationId }, applications),
    sameClientFk({ orgId: t.orgId, clientId: t.clientId, ref: t.interviewId }, interviews),
    sameClientFk({ orgId: t.orgId, clientId: t.clientId, ref: t.commitmentId }, commitments),
  ],
);
