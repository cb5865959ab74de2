-- Row-level security: the net under the application's own tenant filters.
-- Tenant requests run inside a transaction that sets app.org_id with set_config(..., true) and
-- switches to followthrough_app, a role that owns nothing and cannot bypass RLS. Superusers
-- bypass RLS entirely, so without that role switch these policies would not apply on the
-- embedded database or in CI (both connect as the superuser postgres).
-- Each table also has a policy for the owning (migrating) role: it runs the system jobs, such as
-- the reminder sweep across tenants, and on a server where it is not a superuser FORCE would
-- otherwise lock it out of its own tables.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'followthrough_app') THEN
    CREATE ROLE followthrough_app NOLOGIN NOINHERIT NOBYPASSRLS;
  END IF;
END
$$;
--> statement-breakpoint
-- The migrating role must be able to `set local role followthrough_app` at run time.
GRANT followthrough_app TO CURRENT_USER;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO followthrough_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "memberships" TO followthrough_app;
--> statement-breakpoint
ALTER TABLE "memberships" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "memberships" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "memberships_tenant_isolation" ON "memberships" TO followthrough_app
  USING (org_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (org_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "memberships_system" ON "memberships" TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "coach_assignments" TO followthrough_app;
--> statement-breakpoint
ALTER TABLE "coach_assignments" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "coach_assignments" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "coach_assignments_tenant_isolation" ON "coach_assignments" TO followthrough_app
  USING (org_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (org_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "coach_assignments_system" ON "coach_assignments" TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "invitations" TO followthrough_app;
--> statement-breakpoint
ALTER TABLE "invitations" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "invitations" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "invitations_tenant_isolation" ON "invitations" TO followthrough_app
  USING (org_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (org_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "invitations_system" ON "invitations" TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "companies" TO followthrough_app;
--> statement-breakpoint
ALTER TABLE "companies" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "companies" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "companies_tenant_isolation" ON "companies" TO followthrough_app
  USING (org_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (org_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "companies_system" ON "companies" TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "applications" TO followthrough_app;
--> statement-breakpoint
ALTER TABLE "applications" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "applications" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "applications_tenant_isolation" ON "applications" TO followthrough_app
  USING (org_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (org_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "applications_system" ON "applications" TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "application_status_history" TO followthrough_app;
--> statement-breakpoint
ALTER TABLE "application_status_history" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "application_status_history" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "application_status_history_tenant_isolation" ON "application_status_history" TO followthrough_app
  USING (org_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (org_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "application_status_history_system" ON "application_status_history" TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "interviews" TO followthrough_app;
--> statement-breakpoint
ALTER TABLE "interviews" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "interviews" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "interviews_tenant_isolation" ON "interviews" TO followthrough_app
  USING (org_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (org_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "interviews_system" ON "interviews" TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "contacts" TO followthrough_app;
--> statement-breakpoint
ALTER TABLE "contacts" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "contacts" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "contacts_tenant_isolation" ON "contacts" TO followthrough_app
  USING (org_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (org_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "contacts_system" ON "contacts" TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "contact_links" TO followthrough_app;
--> statement-breakpoint
ALTER TABLE "contact_links" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "contact_links" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "contact_links_tenant_isolation" ON "contact_links" TO followthrough_app
  USING (org_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (org_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "contact_links_system" ON "contact_links" TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "interview_participants" TO followthrough_app;
--> statement-breakpoint
ALTER TABLE "interview_participants" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "interview_participants" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "interview_participants_tenant_isolation" ON "interview_participants" TO followthrough_app
  USING (org_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (org_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "interview_participants_system" ON "interview_participants" TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "commitments" TO followthrough_app;
--> statement-breakpoint
ALTER TABLE "commitments" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "commitments" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "commitments_tenant_isolation" ON "commitments" TO followthrough_app
  USING (org_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (org_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "commitments_system" ON "commitments" TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "drafts" TO followthrough_app;
--> statement-breakpoint
ALTER TABLE "drafts" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "drafts" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "drafts_tenant_isolation" ON "drafts" TO followthrough_app
  USING (org_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (org_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "drafts_system" ON "drafts" TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "reminders" TO followthrough_app;
--> statement-breakpoint
ALTER TABLE "reminders" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "reminders" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "reminders_tenant_isolation" ON "reminders" TO followthrough_app
  USING (org_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (org_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "reminders_system" ON "reminders" TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "coach_notes" TO followthrough_app;
--> statement-breakpoint
ALTER TABLE "coach_notes" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "coach_notes" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "coach_notes_tenant_isolation" ON "coach_notes" TO followthrough_app
  USING (org_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (org_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "coach_notes_system" ON "coach_notes" TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "nudges" TO followthrough_app;
--> statement-breakpoint
ALTER TABLE "nudges" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "nudges" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "nudges_tenant_isolation" ON "nudges" TO followthrough_app
  USING (org_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (org_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "nudges_system" ON "nudges" TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "draft_comments" TO followthrough_app;
--> statement-breakpoint
ALTER TABLE "draft_comments" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "draft_comments" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "draft_comments_tenant_isolation" ON "draft_comments" TO followthrough_app
  USING (org_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (org_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "draft_comments_system" ON "draft_comments" TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
-- Append-only: the application may add and read entries, never change or remove them.
GRANT SELECT, INSERT ON "activities" TO followthrough_app;
--> statement-breakpoint
ALTER TABLE "activities" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "activities" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "activities_tenant_isolation" ON "activities" TO followthrough_app
  USING (org_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (org_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "activities_system" ON "activities" TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
-- Append-only: the application may add and read entries, never change or remove them.
GRANT SELECT, INSERT ON "audit_log" TO followthrough_app;
--> statement-breakpoint
ALTER TABLE "audit_log" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "audit_log" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "audit_log_tenant_isolation" ON "audit_log" TO followthrough_app
  USING (org_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (org_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "audit_log_system" ON "audit_log" TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, UPDATE ON "organizations" TO followthrough_app;
--> statement-breakpoint
ALTER TABLE "organizations" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "organizations" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "organizations_tenant_isolation" ON "organizations" TO followthrough_app
  USING (id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "organizations_system" ON "organizations" TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
-- People are not tenant-owned, but inside a tenant transaction only the members of that
-- organisation are visible (the subquery itself runs under the memberships policy).
GRANT SELECT, UPDATE ON "users" TO followthrough_app;
--> statement-breakpoint
ALTER TABLE "users" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "users" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "users_tenant_isolation" ON "users" TO followthrough_app
  USING (exists (select 1 from memberships m where m.user_id = users.id)) WITH CHECK (exists (select 1 from memberships m where m.user_id = users.id));
--> statement-breakpoint
CREATE POLICY "users_system" ON "users" TO CURRENT_USER USING (true) WITH CHECK (true);
