import { badRequest, forbidden } from "../../errors";
import type { Role } from "../../trpc/init";

/** Who acts, on which client: what `clientProcedure` put in ctx, flattened for the services. */
export type ClientScope = {
  orgId: string;
  clientId: string;
  clientStatus: "active" | "archived";
  membership: { id: string; role: Role };
  actorUserId: string;
};

/** The coach's side of a client's page: clients reading their own data get FORBIDDEN here. */
export function assertStaff(scope: Pick<ClientScope, "membership">) {
  if (scope.membership.role === "client") throw forbidden("Only coaches can do this.");
}

/** An archived client is kept read-only until an owner restores them. */
export function assertWritable(scope: Pick<ClientScope, "clientStatus">) {
  if (scope.clientStatus === "archived") throw badRequest("This client is archived. An owner can restore them to make changes.");
}
