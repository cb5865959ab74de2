ALTER TYPE "public"."reminder_kind" ADD VALUE 'invitation';--> statement-breakpoint
ALTER TABLE "reminders" ALTER COLUMN "recipient_membership_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "cohort_id" uuid;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "name" text;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "import_id" uuid;--> statement-breakpoint
ALTER TABLE "reminders" ADD COLUMN "invitation_id" uuid;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_org_id_key" UNIQUE("org_id","id");--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_org_id_cohort_id_cohorts_org_id_id_fk" FOREIGN KEY ("org_id","cohort_id") REFERENCES "public"."cohorts"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_org_id_invitation_id_invitations_org_id_id_fk" FOREIGN KEY ("org_id","invitation_id") REFERENCES "public"."invitations"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invitations_org_import_idx" ON "invitations" USING btree ("org_id","import_id") WHERE import_id is not null;--> statement-breakpoint
CREATE INDEX "reminders_org_invitation_idx" ON "reminders" USING btree ("org_id","invitation_id") WHERE invitation_id is not null;--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_recipient_or_invitation" CHECK (("reminders"."recipient_membership_id" is null) = ("reminders"."invitation_id" is not null));--> statement-breakpoint
-- Hand-written: nothing beyond the generated statements (invitations and reminders already have
-- row-level security; the new columns inherit it). The unique key on invitations (org_id, id) is
-- moved above the foreign key that needs it.
