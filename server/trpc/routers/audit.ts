import { listAudit } from "../../services/audit-log/list";
import { ZListAuditInput } from "../../services/audit-log/schemas";
import { ownerProcedure, router } from "../init";

export const auditRouter = router({
  /** Owners: the organisation's sensitive actions, newest first. */
  list: ownerProcedure.input(ZListAuditInput).query(({ ctx, input }) => listAudit(ctx.db, ctx.scope, input)),
});
