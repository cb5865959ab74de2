import type { Executor } from "@/db";

/**
 * Who a client-domain service works for: the organisation, the client whose rows it touches
 * (already checked by `clientProcedure`), and the person acting (for the timeline).
 */
export type ClientScope = { orgId: string; clientId: string; actorUserId: string };

export type Db = Executor;

/** The scope of a `clientProcedure` call. */
export const scopeOf = (ctx: { org: { id: string }; client: { id: string }; session: { userId: string } }): ClientScope => ({
  orgId: ctx.org.id,
  clientId: ctx.client.id,
  actorUserId: ctx.session.userId,
});
