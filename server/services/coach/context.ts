import type { Database } from "@/db";
import type { CoachScope } from "./scope";
import type { ClientScope } from "../notes/access";
import type { OrgContext, Session } from "../../trpc/init";

type OrgCtx = OrgContext & { session: Session; db: Database };

/** The coach portal's view of the caller, from the org procedure's context. */
export const coachScope = (ctx: OrgCtx): CoachScope => ({
  orgId: ctx.org.id,
  timeZone: ctx.org.timeZone,
  policy: ctx.org.policy,
  membership: ctx.membership,
});

/** The caller acting on the client `clientProcedure` resolved. */
export const clientScope = (ctx: OrgCtx & { client: { id: string; status: "active" | "archived" } }): ClientScope => ({
  orgId: ctx.org.id,
  clientId: ctx.client.id,
  clientStatus: ctx.client.status,
  membership: ctx.membership,
  actorUserId: ctx.session.userId,
});
