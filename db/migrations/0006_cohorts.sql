CREATE TABLE "cohort_members" (
	"org_id" uuid NOT NULL,
	"cohort_id" uuid NOT NULL,
	"client_membership_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cohort_members_cohort_id_client_membership_id_pk" PRIMARY KEY("cohort_id","client_membership_id")
);
--> statement-breakpoint
CREATE TABLE "cohorts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cohorts_org_id_key" UNIQUE("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "cohort_members" ADD CONSTRAINT "cohort_members_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_members" ADD CONSTRAINT "cohort_members_org_id_cohort_id_cohorts_org_id_id_fk" FOREIGN KEY ("org_id","cohort_id") REFERENCES "public"."cohorts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_members" ADD CONSTRAINT "cohort_members_org_id_client_membership_id_memberships_org_id_id_fk" FOREIGN KEY ("org_id","client_membership_id") REFERENCES "public"."memberships"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohorts" ADD CONSTRAINT "cohorts_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cohort_members_org_client_idx" ON "cohort_members" USING btree ("org_id","client_membership_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cohorts_org_name_key" ON "cohorts" USING btree ("org_id",lower("name"));--> statement-breakpoint
-- Hand-written: row-level security, as for every tenant table.
GRANT SELECT, INSERT, UPDATE, DELETE ON "cohorts" TO followthrough_app;
--> statement-breakpoint
ALTER TABLE "cohorts" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "cohorts" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "cohorts_tenant_isolation" ON "cohorts" TO followthrough_app
  USING (org_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (org_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "cohorts_system" ON "cohorts" TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "cohort_members" TO followthrough_app;
--> statement-breakpoint
ALTER TABLE "cohort_members" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "cohort_members" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "cohort_members_tenant_isolation" ON "cohort_members" TO followthrough_app
  USING (org_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (org_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "cohort_members_system" ON "cohort_members" TO CURRENT_USER USING (true) WITH CHECK (true);
