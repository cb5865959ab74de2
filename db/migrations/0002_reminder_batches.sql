CREATE TYPE "public"."email_batch_status" AS ENUM('sending', 'sent', 'abandoned', 'failed');--> statement-breakpoint
CREATE TABLE "email_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"idempotency_key" text NOT NULL,
	"reminder_ids" uuid[] NOT NULL,
	"payload" json,
	"status" "email_batch_status" DEFAULT 'sending' NOT NULL,
	"attempts" integer DEFAULT 1 NOT NULL,
	"in_doubt" boolean DEFAULT false NOT NULL,
	"lease_until" timestamp with time zone,
	"next_attempt_at" timestamp with time zone,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reminders" ADD COLUMN "batch_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "email_batches_idempotency_key" ON "email_batches" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "email_batches_sending_idx" ON "email_batches" USING btree ("created_at") WHERE status = 'sending';--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_batch_id_email_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."email_batches"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reminders_batch_idx" ON "reminders" USING btree ("batch_id") WHERE batch_id is not null;--> statement-breakpoint
-- email_batches holds rendered emails of every tenant: a system table that only the delivery
-- worker reads, on the owner connection. The application role is granted nothing on it (tenant
-- requests get "permission denied"), and neither is PUBLIC.
REVOKE ALL ON "email_batches" FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON "email_batches" FROM followthrough_app;
