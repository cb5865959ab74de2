import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database } from "../../db";
import { rows } from "../../db/sql";
import { createInvitation } from "../../server/services/org/invitations";
import { createCaller } from "../../server/trpc/root";
import { createMember, createPractice, createOrg } from "../factories";

export type Caller = ReturnType<typeof createCaller>;

/** A caller as a person would call the API: signed in as `user`, or anonymous. */
export function callerFor(db: Database, user: { id: string; email: string } | null, ip = "203.0.113.7"): Caller {
  return createCaller({ db, session: user && { userId: user.id, email: user.email }, ip });
}

/** The seven points of view every procedure is tested from. */
export const ROLES = ["anonymous", "clientSelf", "otherClient", "assignedCoach", "unassignedCoach", "owner", "outsider"] as const;
export type RoleName = (typeof ROLES)[number];

/** A practice seen from each role, plus a member of another organisation (the outsider). */
export async function createWorld(db: Database) {
  const practice = await createPractice(db);
  const foreignOrg = await createOrg(db);
  const outsider = await createMember(db, foreignOrg.id, "owner");
  const people: Record<RoleName, { id: string; email: string } | null> = {
    anonymous: null,
    clientSelf: practice.client.user,
    otherClient: practice.otherClient.user,
    assignedCoach: practice.coach.user,
    unassignedCoach: practice.otherCoach.user,
    owner: practice.owner.user,
    outsider: outsider.user,
  };
  const pending = await createInvitation(
    db,
    { orgId: practice.org.id, actorUserId: practice.owner.user.id },
    { email: `invitee-${randomUUID().slice(0, 8)}@test.example`, role: "client" },
  );
  const pendingInvitation = { id: pending.invitation.id, email: pending.invitation.email, token: pending.token };
  // `db` lets matrix entries make the rows a procedure needs (factories) inside `call`.
  return { ...practice, db, foreignOrg, outsider, people, pendingInvitation, as: (role: RoleName) => callerFor(db, people[role]) };
}
export type World = Awaited<ReturnType<typeof createWorld>>;

/**
 * A digest of every row in every table of the schema (read from the catalogue, so a new table is
 * covered without a list to keep): equal before and after means nothing changed.
 */
export async function fingerprint(db: Database): Promise<string> {
  const tables = await rows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const parts = tables.map(
    ({ name }) => `(select coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from "${name}" t)`,
  );
  const [row] = await rows<{ digest: string }>(db, sql.raw(`select md5(concat_ws(',', ${parts.join(", ")})) as digest`));
  return row!.digest;
}
