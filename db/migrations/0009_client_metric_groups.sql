CREATE TABLE "client_metric_group_weeks" (
	"org_id" uuid NOT NULL,
	"week" date NOT NULL,
	"coach_ids" uuid[] NOT NULL,
	"cohort_ids" uuid[] NOT NULL,
	"due" integer NOT NULL,
	"on_time" integer NOT NULL,
	"interviews" integer NOT NULL,
	CONSTRAINT "client_metric_group_weeks_org_id_week_coach_ids_cohort_ids_pk" PRIMARY KEY("org_id","week","coach_ids","cohort_ids")
);
--> statement-breakpoint
CREATE TABLE "client_metric_groups" (
	"org_id" uuid NOT NULL,
	"coach_ids" uuid[] NOT NULL,
	"cohort_ids" uuid[] NOT NULL,
	"clients" integer NOT NULL,
	"funnel" integer[] NOT NULL,
	CONSTRAINT "client_metric_groups_org_id_coach_ids_cohort_ids_pk" PRIMARY KEY("org_id","coach_ids","cohort_ids")
);
--> statement-breakpoint
ALTER TABLE "client_metrics" ADD COLUMN "coach_ids" uuid[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "client_metrics" ADD COLUMN "cohort_ids" uuid[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "client_metric_group_weeks" ADD CONSTRAINT "client_metric_group_weeks_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_metric_groups" ADD CONSTRAINT "client_metric_groups_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Hand-written: row-level security, as for every tenant table.
GRANT SELECT, INSERT, UPDATE, DELETE ON "client_metric_groups" TO followthrough_app;
--> statement-breakpoint
ALTER TABLE "client_metric_groups" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "client_metric_groups" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "client_metric_groups_tenant_isolation" ON "client_metric_groups" TO followthrough_app
  USING (org_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (org_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "client_metric_groups_system" ON "client_metric_groups" TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "client_metric_group_weeks" TO followthrough_app;
--> statement-breakpoint
ALTER TABLE "client_metric_group_weeks" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "client_metric_group_weeks" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "client_metric_group_weeks_tenant_isolation" ON "client_metric_group_weeks" TO followthrough_app
  USING (org_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (org_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "client_metric_group_weeks_system" ON "client_metric_group_weeks" TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
-- A client's coaches and cohorts as sorted id lists: the key of their chart group.
CREATE FUNCTION client_metric_links(org uuid, client uuid, OUT coach_ids uuid[], OUT cohort_ids uuid[]) LANGUAGE sql STABLE AS $$
  SELECT
    coalesce((SELECT array_agg(ca.coach_membership_id ORDER BY ca.coach_membership_id) FROM coach_assignments ca
      WHERE ca.org_id = org AND ca.client_membership_id = client), '{}'),
    coalesce((SELECT array_agg(cb.cohort_id ORDER BY cb.cohort_id) FROM cohort_members cb
      WHERE cb.org_id = org AND cb.client_membership_id = client), '{}')
$$;
--> statement-breakpoint
-- Adds the numbers of `added` kept rows to their groups and subtracts those of `removed` ones
-- (only active clients count, as in the charts). Groups first, then weeks, each in key order,
-- so concurrent writers lock rows in the same order; a change that nets to nothing writes nothing.
CREATE FUNCTION client_metric_groups_apply(added client_metrics[], removed client_metrics[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO client_metric_groups AS g (org_id, coach_ids, cohort_ids, clients, funnel)
    SELECT org_id, coach_ids, cohort_ids, clients, funnel FROM (
      SELECT c.org_id, c.coach_ids, c.cohort_ids, sum(c.sign)::int AS clients,
        array[sum(c.sign * c.funnel[1]), sum(c.sign * c.funnel[2]), sum(c.sign * c.funnel[3]),
          sum(c.sign * c.funnel[4]), sum(c.sign * c.funnel[5])]::int[] AS funnel
      FROM (
        SELECT 1 AS sign, r.org_id, r.coach_ids, r.cohort_ids, r.funnel FROM unnest(added) r WHERE r.status = 'active'
        UNION ALL
        SELECT -1, r.org_id, r.coach_ids, r.cohort_ids, r.funnel FROM unnest(removed) r WHERE r.status = 'active'
      ) c
      GROUP BY 1, 2, 3
    ) d
    WHERE d.clients <> 0 OR d.funnel <> '{0,0,0,0,0}'
    ORDER BY 1, 2, 3
    ON CONFLICT (org_id, coach_ids, cohort_ids) DO UPDATE SET clients = g.clients + excluded.clients,
      funnel = array[g.funnel[1] + excluded.funnel[1], g.funnel[2] + excluded.funnel[2], g.funnel[3] + excluded.funnel[3],
        g.funnel[4] + excluded.funnel[4], g.funnel[5] + excluded.funnel[5]]::int[];
  INSERT INTO client_metric_group_weeks AS w (org_id, week, coach_ids, cohort_ids, due, on_time, interviews)
    SELECT org_id, week, coach_ids, cohort_ids, due, on_time, interviews FROM (
      SELECT c.org_id, e.key::date AS week, c.coach_ids, c.cohort_ids,
        sum(c.sign * (e.value->>0)::int)::int AS due, sum(c.sign * (e.value->>1)::int)::int AS on_time,
        sum(c.sign * (e.value->>2)::int)::int AS interviews
      FROM (
        SELECT 1 AS sign, r.org_id, r.coach_ids, r.cohort_ids, r.weeks FROM unnest(added) r WHERE r.status = 'active'
        UNION ALL
        SELECT -1, r.org_id, r.coach_ids, r.cohort_ids, r.weeks FROM unnest(removed) r WHERE r.status = 'active'
      ) c
      CROSS JOIN LATERAL jsonb_each(c.weeks) e
      GROUP BY 1, 2, 3, 4
    ) d
    WHERE (d.due, d.on_time, d.interviews) <> (0, 0, 0)
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (org_id, week, coach_ids, cohort_ids) DO UPDATE SET due = w.due + excluded.due,
      on_time = w.on_time + excluded.on_time, interviews = w.interviews + excluded.interviews;
END $$;
--> statement-breakpoint
-- Every change to a kept row moves its numbers in the group sums, in the same transaction. A
-- recomputation read the client's coaches and cohorts in its own snapshot; a link committed since
-- is read again here, under the row locks the write holds, and the row moved to its right group.
CREATE FUNCTION client_metric_groups_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A statement trigger fires for statements that changed nothing too (the re-read below, mostly).
  IF TG_OP = 'DELETE' THEN
    IF NOT EXISTS (SELECT 1 FROM old_rows) THEN RETURN NULL; END IF;
  ELSIF NOT EXISTS (SELECT 1 FROM new_rows) THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM client_metric_groups_apply(array(SELECT row(n.*)::client_metrics FROM new_rows n), '{}');
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM client_metric_groups_apply(array(SELECT row(n.*)::client_metrics FROM new_rows n), array(SELECT row(o.*)::client_metrics FROM old_rows o));
  ELSE
    PERFORM client_metric_groups_apply('{}', array(SELECT row(o.*)::client_metrics FROM old_rows o));
  END IF;
  IF TG_OP <> 'DELETE' THEN
    UPDATE client_metrics cm SET coach_ids = l.coach_ids, cohort_ids = l.cohort_ids
      FROM new_rows n CROSS JOIN LATERAL client_metric_links(n.org_id, n.client_id) l
      WHERE cm.org_id = n.org_id AND cm.client_id = n.client_id
        AND (cm.coach_ids <> l.coach_ids OR cm.cohort_ids <> l.cohort_ids);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A coach assignment or cohort membership written: the kept rows of its clients move to their
-- new group at once (no recomputation of their numbers). Locking the rows first makes the links
-- read next include every link committed before; a client whose row does not exist yet (or is
-- being written by a transaction this one cannot see) is marked instead, so the computation that
-- writes the row reads the links again.
CREATE FUNCTION client_metrics_follow_links() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  orgs uuid[];
  clients uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(org_id ORDER BY org_id, client_membership_id), array_agg(client_membership_id ORDER BY org_id, client_membership_id)
      INTO orgs, clients FROM (SELECT DISTINCT org_id, client_membership_id FROM new_rows) t;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(org_id ORDER BY org_id, client_membership_id), array_agg(client_membership_id ORDER BY org_id, client_membership_id)
      INTO orgs, clients FROM (SELECT org_id, client_membership_id FROM new_rows UNION SELECT org_id, client_membership_id FROM old_rows) t;
  ELSE
    SELECT array_agg(org_id ORDER BY org_id, client_membership_id), array_agg(client_membership_id ORDER BY org_id, client_membership_id)
      INTO orgs, clients FROM (SELECT DISTINCT org_id, client_membership_id FROM old_rows) t;
  END IF;
  PERFORM 1 FROM client_metrics cm JOIN unnest(orgs, clients) t(org_id, client_id) ON cm.org_id = t.org_id AND cm.client_id = t.client_id
    ORDER BY cm.org_id, cm.client_id FOR UPDATE OF cm;
  UPDATE client_metrics cm SET coach_ids = l.coach_ids, cohort_ids = l.cohort_ids
    FROM unnest(orgs, clients) t(org_id, client_id) CROSS JOIN LATERAL client_metric_links(t.org_id, t.client_id) l
    WHERE cm.org_id = t.org_id AND cm.client_id = t.client_id AND (cm.coach_ids <> l.coach_ids OR cm.cohort_ids <> l.cohort_ids);
  -- A client's own deletion cascades here too: mark only clients that still exist.
  INSERT INTO client_metric_marks AS mk (org_id, client_id)
    SELECT t.org_id, t.client_id FROM unnest(orgs, clients) t(org_id, client_id)
    WHERE NOT EXISTS (SELECT 1 FROM client_metrics cm WHERE cm.org_id = t.org_id AND cm.client_id = t.client_id)
      AND EXISTS (SELECT 1 FROM memberships m WHERE m.org_id = t.org_id AND m.id = t.client_id)
    ORDER BY 1, 2
    ON CONFLICT (org_id, client_id) DO UPDATE SET version = nextval('client_metric_mark_version');
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Existing kept rows: their links now, then the sums of every organisation's rows.
UPDATE client_metrics cm SET (coach_ids, cohort_ids) = (SELECT l.coach_ids, l.cohort_ids FROM client_metric_links(cm.org_id, cm.client_id) l);
--> statement-breakpoint
SELECT client_metric_groups_apply(array(SELECT cm FROM client_metrics cm), '{}');
--> statement-breakpoint
CREATE TRIGGER client_metrics_groups_insert AFTER INSERT ON client_metrics REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION client_metric_groups_follow();
--> statement-breakpoint
CREATE TRIGGER client_metrics_groups_update AFTER UPDATE ON client_metrics REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION client_metric_groups_follow();
--> statement-breakpoint
CREATE TRIGGER client_metrics_groups_delete AFTER DELETE ON client_metrics REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION client_metric_groups_follow();
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['coach_assignments', 'cohort_members'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION client_metrics_follow_links()', t || '_metrics_insert', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION client_metrics_follow_links()', t || '_metrics_update', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION client_metrics_follow_links()', t || '_metrics_delete', t);
  END LOOP;
END $$;
