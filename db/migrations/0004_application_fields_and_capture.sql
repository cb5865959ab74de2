CREATE TYPE "public"."job_type" AS ENUM('full_time', 'part_time', 'contract', 'temporary', 'internship', 'volunteer', 'other');--> statement-breakpoint
CREATE TYPE "public"."workplace_type" AS ENUM('onsite', 'hybrid', 'remote');--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "location" text;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "workplace_type" "workplace_type";--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "salary_min" integer;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "salary_max" integer;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "salary_currency" text;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "job_type" "job_type";--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "deadline_on" date;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "excitement" smallint;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "tags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "saved_on" date;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "applied_on" date;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "posting_snapshot" text;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "posting_captured_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "employer" text;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "linkedin_url" text;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "connected_on" date;--> statement-breakpoint
CREATE INDEX "contacts_org_client_employer_idx" ON "contacts" USING btree ("org_id","client_id",lower("employer"));--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_excitement_range" CHECK ("applications"."excitement" between 1 and 5);--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_salary_order" CHECK ("applications"."salary_min" is null or "applications"."salary_max" is null or "applications"."salary_min" <= "applications"."salary_max");