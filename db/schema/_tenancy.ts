import { foreignKey, type PgColumn, type PgTableWithColumns } from "drizzle-orm/pg-core";
import { memberships } from "./org";

/**
 * Composite foreign keys carry `org_id` (and `client_id`) along with the parent id, so the
 * database itself refuses a row that points at another tenant's — or another client's — parent.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyTable = PgTableWithColumns<any>;

export const clientMembershipFk = (orgId: PgColumn, clientId: PgColumn) =>
  foreignKey({ columns: [orgId, clientId], foreignColumns: [memberships.orgId, memberships.id] }).onDelete("cascade");

export const sameClientFk = (
  cols: { orgId: PgColumn; clientId: PgColumn; ref: PgColumn },
  parent: AnyTable,
  onDelete: "cascade" | "no action" = "cascade",
) =>
  foreignKey({
    columns: [cols.orgId, cols.clientId, cols.ref],
    foreignColumns: [parent.orgId, parent.clientId, parent.id],
  }).onDelete(onDelete);
