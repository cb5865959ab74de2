import type { Executor } from "@/db";
import type { FollowUpPolicy } from "@/db/schema";

/**
 * Who a service acts for. The procedure chain (server/trpc/init.ts) resolves it and puts it on
 * the context as `ctx.scope`; services take it as `(db, scope, input)`, or the part of it they
 * use (the `Pick`s below), so a service can be called from a test or a job with just that part.
 * Declared once, here: services never import types from the API layer.
 */

export type Db = Executor;

export type Role = "owner" | "coach" | "client";

/**
 * The signed-in person, in no particular organisation: what `authedProcedure` resolved. Services
 * that take only this cross tenants by design (their own account, their organisations, their
 * calendar feed), so they read rows keyed by this person and nothing else.
 */
export type UserScope = {
  /** The person acting, for the timeline and the audit log. */
  actorUserId: string;
  email: string;
};

/** The caller in one organisation: what `orgProcedure` resolved (never an org id as sent). */
export type OrgScope = UserScope & {
  orgId: string;
  orgSlug: string;
  timeZone: string;
  policy: FollowUpPolicy;
  membership: { id: string; role: Role };
};

/** The caller acting on one client they may see: what `clientProcedure` resolved. */
export type ClientScope = OrgScope & {
  clientId: string;
  clientUserId: string;
  /** An archived client is read-only: `staffClientWriteProcedure` refuses changes. */
  clientStatus: "active" | "archived";
};

/** Reading one client's records: the organisation and the client. */
export type ClientRef = Pick<ClientScope, "orgId" | "clientId">;

/** Changing one client's records: also who acts. */
export type ClientActor = Pick<ClientScope, "orgId" | "clientId" | "actorUserId">;

/** A coach or owner acting on one client (notes, nudges, tasks): also their membership. */
export type StaffActor = Pick<ClientScope, "orgId" | "clientId" | "actorUserId" | "membership">;

/** An owner or other member changing the organisation itself. */
export type OrgActor = Pick<OrgScope, "orgId" | "actorUserId">;
