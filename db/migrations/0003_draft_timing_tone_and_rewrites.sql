CREATE TYPE "public"."draft_tone" AS ENUM('warm', 'formal');--> statement-breakpoint
ALTER TABLE "organizations" ALTER COLUMN "policy" SET DEFAULT '{"prepareLocalTime":"18:00","debriefDelayMinutes":60,"thankYouWindowHours":24,"commitmentLeadHours":24,"checkInDefaultDays":7,"reconnectAfterDays":90,"quietHoursStart":"21:00","quietHoursEnd":"08:00","goneQuietDays":14,"aiRewriting":true}'::jsonb;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "draft_tone" "draft_tone" DEFAULT 'warm' NOT NULL;--> statement-breakpoint
ALTER TABLE "drafts" ADD COLUMN "available_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "drafts" ADD COLUMN "rewritten_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "drafts" ADD COLUMN "rewrite_model" text;--> statement-breakpoint
ALTER TABLE "drafts" ADD COLUMN "rewrite_instruction" text;--> statement-breakpoint
ALTER TABLE "drafts" ADD COLUMN "body_before_rewrite" text;--> statement-breakpoint
-- Drafts written before this change were all shown at once: they stay available from when they were made.
UPDATE "drafts" SET "available_at" = "created_at";
