/**
 * Coach-portal workloads for the benchmarks (bench:coach, bench:load): whole organisations of
 * clients with dense histories, written by set-based INSERT … SELECT generate_series so that
 * hundreds of thousands of rows take seconds. Organisation `o` gets the slug `bench-<o>`; its
 * people are `p<o>-<k>@bench.example` (k = 0 the owner, 1..clients the clients, then the coaches,
 * who share the clients round-robin).
 */
import type postgres from "postgres";

export type PortalShape = { clients: number; applications: number; coaches: number };

/** Seeds organisations `from..to` with multi-row INSERT … SELECT generate_series. */
export async function seedPortalOrganisations(
  sql: postgres.Sql,
  from: number,
  to: number,
  { clients: C, applications: APPS, coaches: COACHES }: PortalShape,
) {
  const orgs = `generate_series(${from}, ${to}) o`;
  const people = `generate_series(0, ${C + COACHES}) k`; // 0 owner, 1..C clients, C+1.. coaches
  const clients = `generate_series(1, ${C}) k`;
  const role = `case when k = 0 then 'owner' when k <= ${C} then 'client' else 'coach' end::member_role`;
  // md5-based ids shaped as version-4 UUIDs, so rows can point at each other without joins.
  await sql.unsafe(`create or replace function bench_id(t text) returns uuid language sql immutable as
    $$ select (substr(md5(t), 1, 12) || '4' || substr(md5(t), 14, 3) || '8' || substr(md5(t), 18, 15))::uuid $$`);
  await sql.unsafe(`insert into organizations (id, name, slug, time_zone)
    select bench_id('org'||o), 'Bench practice '||o, 'bench-'||o, 'Europe/London' from ${orgs}`);
  await sql.unsafe(`insert into users (id, name, email, time_zone)
    select bench_id('u'||o||'-'||k), 'Person '||o||'-'||k, 'p'||o||'-'||k||'@bench.example', 'Europe/London' from ${orgs}, ${people}`);
  await sql.unsafe(`insert into memberships (id, org_id, user_id, role, created_at)
    select bench_id('m'||o||'-'||k), bench_id('org'||o), bench_id('u'||o||'-'||k), ${role}, now() - interval '200 days' from ${orgs}, ${people}`);
  // Each loaded table is analysed before the next statement's foreign keys look into it. A
  // connection caches its foreign-key check plan the first time it uses it; planned while a table
  // was nearly empty (say, on the connection that just loaded the demo data), that plan may pick any
  // index starting with org_id, and every check then walks the whole organisation's rows: quadratic,
  // minutes for 5,000 clients. ANALYZE gives the planner the real size and makes every connection
  // plan those checks again.
  await sql.unsafe(`analyze organizations, users, memberships`);
  await sql.unsafe(`insert into coach_assignments (org_id, coach_membership_id, client_membership_id)
    select bench_id('org'||o), bench_id('m'||o||'-'||(${C} + 1 + k % ${COACHES})), bench_id('m'||o||'-'||k) from ${orgs}, ${clients}`);
  await sql.unsafe(`insert into companies (id, org_id, client_id, name, challenges)
    select bench_id('co'||o||'-'||k||'-'||j), bench_id('org'||o), bench_id('m'||o||'-'||k), 'Company '||j, array['scaling support']
    from ${orgs}, ${clients}, generate_series(0, 9) j`);
  await sql.unsafe(`analyze companies`);
  const statuses = `(array['saved','applied','applied','interviewing','interviewing','offer','rejected','withdrawn'])[1 + (j % 8)]::application_status`;
  await sql.unsafe(`insert into applications (id, org_id, client_id, company_id, role_title, status, status_changed_at, created_at)
    select bench_id('a'||o||'-'||k||'-'||j), bench_id('org'||o), bench_id('m'||o||'-'||k), bench_id('co'||o||'-'||k||'-'||(j % 10)),
      'Role '||j, ${statuses}, now() - make_interval(days => 60 + j), now() - make_interval(days => 90 + j)
    from ${orgs}, ${clients}, generate_series(1, ${APPS}) j`);
  await sql.unsafe(`analyze applications`);
  await sql.unsafe(`insert into application_status_history (org_id, client_id, application_id, to_status, changed_at)
    select bench_id('org'||o), bench_id('m'||o||'-'||k), bench_id('a'||o||'-'||k||'-'||j), ${statuses}, now() - make_interval(days => 60 + j)
    from ${orgs}, ${clients}, generate_series(1, ${APPS}) j`);
  await sql.unsafe(`insert into contacts (id, org_id, client_id, name, email, role, company_id)
    select bench_id('ct'||o||'-'||k||'-'||j), bench_id('org'||o), bench_id('m'||o||'-'||k), 'Interviewer '||j, 'i'||j||'@co.example', 'interviewer',
      bench_id('co'||o||'-'||k||'-'||(j % 10))
    from ${orgs}, ${clients}, generate_series(1, ${APPS}) j`);
  // Two interviews per application, spread from 110 days ago to 30 days ahead.
  await sql.unsafe(`insert into interviews (id, org_id, client_id, application_id, round, kind, starts_at, ends_at, time_zone, status,
      debriefed_at, agreed_check_in_on)
    select bench_id('i'||o||'-'||k||'-'||j||'-'||r), bench_id('org'||o), bench_id('m'||o||'-'||k), bench_id('a'||o||'-'||k||'-'||j), r, 'video',
      now() + make_interval(days => ((k * 7 + j * 3 + r * 11) % 140) - 110, hours => (j % 8)),
      now() + make_interval(days => ((k * 7 + j * 3 + r * 11) % 140) - 110, hours => (j % 8) + 1),
      'Europe/London',
      case when ((k * 7 + j * 3 + r * 11) % 140) - 110 < 0 then 'completed' else 'scheduled' end::interview_status,
      case when ((k * 7 + j * 3 + r * 11) % 140) - 110 < 0 and j % 3 <> 0 then now() + make_interval(days => ((k * 7 + j * 3 + r * 11) % 140) - 110, hours => (j % 8) + 2) end,
      case when j % 4 = 0 then (now() + make_interval(days => ((k * 7 + j * 3 + r * 11) % 140) - 103))::date end
    from ${orgs}, ${clients}, generate_series(1, ${APPS}) j, generate_series(1, 2) r`);
  await sql.unsafe(`analyze contacts, interviews`);
  await sql.unsafe(`insert into interview_participants (org_id, client_id, interview_id, contact_id, thank_you_sent_at, thank_you_handwritten)
    select i.org_id, i.client_id, i.id, bench_id('ct'||o||'-'||k||'-'||j),
      case when j % 5 = 0 then null when j % 5 = 1 then i.ends_at + interval '30 hours' else i.ends_at + interval '3 hours' end,
      j % 7 = 0
    from ${orgs}, ${clients}, generate_series(1, ${APPS}) j, generate_series(1, 2) r, interviews i
    where i.id = bench_id('i'||o||'-'||k||'-'||j||'-'||r)`);
  await sql.unsafe(`insert into drafts (org_id, client_id, application_id, interview_id, kind, subject, body, status, sent_at)
    select bench_id('org'||o), bench_id('m'||o||'-'||k), bench_id('a'||o||'-'||k||'-'||j), bench_id('i'||o||'-'||k||'-'||j||'-1'),
      'check_in', 'Checking in', 'Hello', case when j % 8 = 0 then 'sent' else 'draft' end::draft_status,
      case when j % 8 = 0 then now() + make_interval(days => ((k * 7 + j * 3 + 11) % 140) - 102) end
    from ${orgs}, ${clients}, generate_series(4, ${APPS}, 4) j`);
  await sql.unsafe(`insert into commitments (id, org_id, client_id, application_id, description, source, due_at, done_at)
    select bench_id('cm'||o||'-'||k||'-'||n), bench_id('org'||o), bench_id('m'||o||'-'||k), bench_id('a'||o||'-'||k||'-'||n),
      'Send references', 'promise', now() + make_interval(days => (n * 13 + k) % 100 - 80),
      case when n % 3 = 0 then null else now() + make_interval(days => (n * 13 + k) % 100 - 80 - (n % 2) * 2 + 1) end
    from ${orgs}, ${clients}, generate_series(1, 8) n`);
  await sql.unsafe(`insert into reminders (org_id, recipient_membership_id, client_id, application_id, kind, reason, due_at, dedupe_key, status, sent_at)
    select bench_id('org'||o), bench_id('m'||o||'-'||k), bench_id('m'||o||'-'||k), bench_id('a'||o||'-'||k||'-'||j),
      (array['prepare','debrief','thank_you_due','check_in','commitment_due'])[1 + j % 5]::reminder_kind, 'Bench reminder',
      now() + make_interval(hours => (j * 37 + k) % 2400 - 1900),
      'bench/'||o||'/'||k||'/'||j,
      case when (j * 37 + k) % 2400 - 1900 > -2 then 'pending' else 'sent' end::reminder_status,
      case when (j * 37 + k) % 2400 - 1900 <= -2 then now() + make_interval(hours => (j * 37 + k) % 2400 - 1900) end
    from ${orgs}, ${clients}, generate_series(1, ${APPS}) j`);
  await sql.unsafe(`insert into activities (org_id, client_id, kind, summary, occurred_at)
    select bench_id('org'||o), bench_id('m'||o||'-'||k), 'application.created', 'Added an application',
      now() - make_interval(days => (k % 30) + n * 3)
    from ${orgs}, ${clients}, generate_series(1, 20) n`);
  await sql.unsafe(`insert into coach_notes (org_id, client_id, author_membership_id, visibility, body)
    select bench_id('org'||o), bench_id('m'||o||'-'||k), bench_id('m'||o||'-'||(${C} + 1 + k % ${COACHES})),
      case when n % 2 = 0 then 'shared' else 'private' end::note_visibility, 'Note '||n
    from ${orgs}, ${clients}, generate_series(1, 3) n`);
}

