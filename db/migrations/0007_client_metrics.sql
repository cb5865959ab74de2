CREATE SEQUENCE "client_metric_mark_version";
--> statement-breakpoint
CREATE TABLE "client_metric_marks" (
	"org_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"version" bigint DEFAULT nextval('client_metric_mark_version') NOT NULL,
	CONSTRAINT "client_metric_marks_org_id_client_id_pk" PRIMARY KEY("org_id","client_id")
);
--> statement-breakpoint
CREATE TABLE "client_metrics" (
	"org_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"status" "membership_status" NOT NULL,
	"name" text,
	"email" text NOT NULL,
	"sort_name" text GENERATED ALWAYS AS (lower(coalesce(name, email))) STORED NOT NULL,
	"joined_at" timestamp with time zone NOT NULL,
	"active_applications" integer NOT NULL,
	"interviews_this_week" integer NOT NULL,
	"interviews_next_week" integer NOT NULL,
	"follow_ups_due" integer NOT NULL,
	"overdue_reminders" integer NOT NULL,
	"overdue_commitments" integer NOT NULL,
	"overdue" integer GENERATED ALWAYS AS (overdue_reminders + overdue_commitments) STORED NOT NULL,
	"thank_you_due" integer NOT NULL,
	"thank_you_on_time" integer NOT NULL,
	"check_ins_due" integer NOT NULL,
	"check_ins_on_time" integer NOT NULL,
	"commitments_due" integer NOT NULL,
	"commitments_on_time" integer NOT NULL,
	"thank_you_rate" double precision GENERATED ALWAYS AS (thank_you_on_time::float8 / nullif(thank_you_due, 0)) STORED,
	"check_in_rate" double precision GENERATED ALWAYS AS (check_ins_on_time::float8 / nullif(check_ins_due, 0)) STORED,
	"commitment_rate" double precision GENERATED ALWAYS AS (commitments_on_time::float8 / nullif(commitments_due, 0)) STORED,
	"follow_through_rate" double precision GENERATED ALWAYS AS ((thank_you_on_time + check_ins_on_time + commitments_on_time)::float8 / nullif(thank_you_due + check_ins_due + commitments_due, 0)) STORED,
	"last_activity_at" timestamp with time zone,
	"quiet_since" timestamp with time zone GENERATED ALWAYS AS (coalesce(last_activity_at, joined_at)) STORED NOT NULL,
	"first_interview_at" timestamp with time zone,
	"first_offer_at" timestamp with time zone,
	"placed_at" timestamp with time zone,
	"weeks" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"funnel" integer[] DEFAULT '{0,0,0,0,0}' NOT NULL,
	"changes_at" timestamp with time zone NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"basis" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "client_metrics_org_id_client_id_pk" PRIMARY KEY("org_id","client_id")
);
--> statement-breakpoint
ALTER TABLE "client_metric_marks" ADD CONSTRAINT "client_metric_marks_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_metric_marks" ADD CONSTRAINT "client_metric_marks_org_id_client_id_memberships_org_id_id_fk" FOREIGN KEY ("org_id","client_id") REFERENCES "public"."memberships"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_metrics" ADD CONSTRAINT "client_metrics_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_metrics" ADD CONSTRAINT "client_metrics_org_id_client_id_memberships_org_id_id_fk" FOREIGN KEY ("org_id","client_id") REFERENCES "public"."memberships"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "client_metrics_org_changes_idx" ON "client_metrics" USING btree ("org_id","changes_at");--> statement-breakpoint
CREATE INDEX "client_metrics_org_computed_idx" ON "client_metrics" USING btree ("org_id","computed_at");--> statement-breakpoint
CREATE INDEX "client_metrics_org_name_idx" ON "client_metrics" USING btree ("org_id","sort_name","client_id");--> statement-breakpoint
CREATE INDEX "client_metrics_org_quiet_idx" ON "client_metrics" USING btree ("org_id","quiet_since");--> statement-breakpoint
CREATE INDEX "client_metrics_org_active_applications_asc_idx" ON "client_metrics" USING btree ("org_id","active_applications","sort_name","client_id");--> statement-breakpoint
CREATE INDEX "client_metrics_org_active_applications_desc_idx" ON "client_metrics" USING btree ("org_id","active_applications" DESC NULLS LAST,"sort_name","client_id");--> statement-breakpoint
CREATE INDEX "client_metrics_org_interviews_this_week_asc_idx" ON "client_metrics" USING btree ("org_id","interviews_this_week","sort_name","client_id");--> statement-breakpoint
CREATE INDEX "client_metrics_org_interviews_this_week_desc_idx" ON "client_metrics" USING btree ("org_id","interviews_this_week" DESC NULLS LAST,"sort_name","client_id");--> statement-breakpoint
CREATE INDEX "client_metrics_org_interviews_next_week_asc_idx" ON "client_metrics" USING btree ("org_id","interviews_next_week","sort_name","client_id");--> statement-breakpoint
CREATE INDEX "client_metrics_org_interviews_next_week_desc_idx" ON "client_metrics" USING btree ("org_id","interviews_next_week" DESC NULLS LAST,"sort_name","client_id");--> statement-breakpoint
CREATE INDEX "client_metrics_org_follow_ups_due_asc_idx" ON "client_metrics" USING btree ("org_id","follow_ups_due","sort_name","client_id");--> statement-breakpoint
CREATE INDEX "client_metrics_org_follow_ups_due_desc_idx" ON "client_metrics" USING btree ("org_id","follow_ups_due" DESC NULLS LAST,"sort_name","client_id");--> statement-breakpoint
CREATE INDEX "client_metrics_org_overdue_asc_idx" ON "client_metrics" USING btree ("org_id","overdue","sort_name","client_id");--> statement-breakpoint
CREATE INDEX "client_metrics_org_overdue_desc_idx" ON "client_metrics" USING btree ("org_id","overdue" DESC NULLS LAST,"sort_name","client_id");--> statement-breakpoint
CREATE INDEX "client_metrics_org_thank_you_rate_asc_idx" ON "client_metrics" USING btree ("org_id","thank_you_rate","sort_name","client_id");--> statement-breakpoint
CREATE INDEX "client_metrics_org_thank_you_rate_desc_idx" ON "client_metrics" USING btree ("org_id","thank_you_rate" DESC NULLS LAST,"sort_name","client_id");--> statement-breakpoint
CREATE INDEX "client_metrics_org_check_in_rate_asc_idx" ON "client_metrics" USING btree ("org_id","check_in_rate","sort_name","client_id");--> statement-breakpoint
CREATE INDEX "client_metrics_org_check_in_rate_desc_idx" ON "client_metrics" USING btree ("org_id","check_in_rate" DESC NULLS LAST,"sort_name","client_id");--> statement-breakpoint
CREATE INDEX "client_metrics_org_commitment_rate_asc_idx" ON "client_metrics" USING btree ("org_id","commitment_rate","sort_name","client_id");--> statement-breakpoint
CREATE INDEX "client_metrics_org_commitment_rate_desc_idx" ON "client_metrics" USING btree ("org_id","commitment_rate" DESC NULLS LAST,"sort_name","client_id");--> statement-breakpoint
CREATE INDEX "client_metrics_org_follow_through_rate_asc_idx" ON "client_metrics" USING btree ("org_id","follow_through_rate","sort_name","client_id");--> statement-breakpoint
CREATE INDEX "client_metrics_org_follow_through_rate_desc_idx" ON "client_metrics" USING btree ("org_id","follow_through_rate" DESC NULLS LAST,"sort_name","client_id");--> statement-breakpoint
CREATE INDEX "client_metrics_org_last_activity_at_asc_idx" ON "client_metrics" USING btree ("org_id","last_activity_at","sort_name","client_id");--> statement-breakpoint
CREATE INDEX "client_metrics_org_last_activity_at_desc_idx" ON "client_metrics" USING btree ("org_id","last_activity_at" DESC NULLS LAST,"sort_name","client_id");
--> statement-breakpoint
-- Hand-written: row-level security, as for every tenant table.
GRANT SELECT, INSERT, UPDATE, DELETE ON "client_metrics" TO followthrough_app;
--> statement-breakpoint
ALTER TABLE "client_metrics" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "client_metrics" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "client_metrics_tenant_isolation" ON "client_metrics" TO followthrough_app
  USING (org_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (org_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "client_metrics_system" ON "client_metrics" TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "client_metric_marks" TO followthrough_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE "client_metric_mark_version" TO followthrough_app;
--> statement-breakpoint
ALTER TABLE "client_metric_marks" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "client_metric_marks" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "client_metric_marks_tenant_isolation" ON "client_metric_marks" TO followthrough_app
  USING (org_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (org_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "client_metric_marks_system" ON "client_metric_marks" TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
-- Every write to a table the kept numbers read marks the clients it touched, in the writer's own
-- transaction: statement-level triggers over the transition tables, so a bulk insert of 100,000
-- rows costs one upsert of its distinct clients, not 100,000. Bumping `version` on every write
-- (never "already marked, skip") is what lets a concurrent recomputation notice it read too early.
CREATE FUNCTION client_metrics_mark() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO client_metric_marks AS mk (org_id, client_id)
      SELECT DISTINCT org_id, client_id FROM new_rows WHERE client_id IS NOT NULL ORDER BY 1, 2
      ON CONFLICT (org_id, client_id) DO UPDATE SET version = nextval('client_metric_mark_version');
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO client_metric_marks AS mk (org_id, client_id)
      SELECT org_id, client_id FROM (SELECT org_id, client_id FROM new_rows UNION SELECT org_id, client_id FROM old_rows) touched
      WHERE client_id IS NOT NULL ORDER BY 1, 2
      ON CONFLICT (org_id, client_id) DO UPDATE SET version = nextval('client_metric_mark_version');
  ELSE
    -- A client's own deletion cascades here too: mark only clients that still exist.
    INSERT INTO client_metric_marks AS mk (org_id, client_id)
      SELECT DISTINCT o.org_id, o.client_id FROM old_rows o
      WHERE o.client_id IS NOT NULL AND EXISTS (SELECT 1 FROM memberships m WHERE m.org_id = o.org_id AND m.id = o.client_id)
      ORDER BY 1, 2
      ON CONFLICT (org_id, client_id) DO UPDATE SET version = nextval('client_metric_mark_version');
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['applications', 'application_status_history', 'interviews', 'interview_participants', 'reminders',
    'commitments', 'drafts', 'activities'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION client_metrics_mark()', t || '_metrics_insert', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION client_metrics_mark()', t || '_metrics_update', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION client_metrics_mark()', t || '_metrics_delete', t);
  END LOOP;
END $$;
--> statement-breakpoint
-- A client membership: joining creates the row (through a mark), and its status, role or joining
-- date are kept numbers too.
CREATE FUNCTION client_metrics_mark_membership() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO client_metric_marks AS mk (org_id, client_id)
    SELECT DISTINCT org_id, id FROM new_rows WHERE role = 'client' ORDER BY 1, 2
    ON CONFLICT (org_id, client_id) DO UPDATE SET version = nextval('client_metric_mark_version');
  IF TG_OP = 'UPDATE' THEN
    -- No longer a client: the kept row goes.
    DELETE FROM client_metrics cm USING new_rows n WHERE n.role <> 'client' AND cm.org_id = n.org_id AND cm.client_id = n.id;
    DELETE FROM client_metric_marks mk USING new_rows n WHERE n.role <> 'client' AND mk.org_id = n.org_id AND mk.client_id = n.id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER memberships_metrics_insert AFTER INSERT ON memberships REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION client_metrics_mark_membership();
--> statement-breakpoint
CREATE TRIGGER memberships_metrics_update AFTER UPDATE ON memberships REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION client_metrics_mark_membership();
--> statement-breakpoint
-- A person's name or email is the overview's name column in every organisation they belong to;
-- SECURITY DEFINER because a tenant transaction sees only its own organisation's memberships.
CREATE FUNCTION client_metrics_mark_user() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF NEW.name IS DISTINCT FROM OLD.name OR NEW.email IS DISTINCT FROM OLD.email THEN
    INSERT INTO client_metric_marks AS mk (org_id, client_id)
      SELECT org_id, id FROM memberships WHERE user_id = NEW.id AND role = 'client' ORDER BY 1, 2
      ON CONFLICT (org_id, client_id) DO UPDATE SET version = nextval('client_metric_mark_version');
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER users_metrics_update AFTER UPDATE OF name, email ON users FOR EACH ROW EXECUTE FUNCTION client_metrics_mark_user();
--> statement-breakpoint
-- The organisation's zone and policy (thank-you window, default check-in day) shape every number.
CREATE FUNCTION client_metrics_mark_organization() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF NEW.time_zone IS DISTINCT FROM OLD.time_zone OR NEW.policy IS DISTINCT FROM OLD.policy THEN
    INSERT INTO client_metric_marks AS mk (org_id, client_id)
      SELECT org_id, id FROM memberships WHERE org_id = NEW.id AND role = 'client' ORDER BY 1, 2
      ON CONFLICT (org_id, client_id) DO UPDATE SET version = nextval('client_metric_mark_version');
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER organizations_metrics_update AFTER UPDATE OF time_zone, policy ON organizations FOR EACH ROW EXECUTE FUNCTION client_metrics_mark_organization();
--> statement-breakpoint
-- Existing clients: computed at the first read.
INSERT INTO client_metric_marks (org_id, client_id) SELECT org_id, id FROM memberships WHERE role = 'client';
