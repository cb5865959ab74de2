import { assignClients, changeRole, listMembers, removeMember, unassignClient } from "../../services/org/members";
import { bulkAssignCoach } from "../../services/org/bulk-assign";
import { ZAssignInput, ZBulkAssignInput, ZChangeRoleInput, ZRemoveMemberInput, ZUnassignInput } from "../../services/org/schemas";
import { ownerProcedure, router } from "../init";

export const memberRouter = router({
  list: ownerProcedure.query(({ ctx }) => listMembers(ctx.db, ctx.scope)),
  changeRole: ownerProcedure.input(ZChangeRoleInput).mutation(({ ctx, input }) => changeRole(ctx.db, ctx.scope, input.membershipId, input.role)),
  remove: ownerProcedure.input(ZRemoveMemberInput).mutation(({ ctx, input }) => removeMember(ctx.db, ctx.scope, input.membershipId)),
  assign: ownerProcedure.input(ZAssignInput).mutation(({ ctx, input }) => assignClients(ctx.db, ctx.scope, input.coachMembershipId, input.clientMembershipIds)),
  /** A coach for a selection of clients or a whole cohort (its pending invitations too); one audit entry. */
  bulkAssign: ownerProcedure.input(ZBulkAssignInput).mutation(({ ctx, input }) => bulkAssignCoach(ctx.db, ctx.scope, input)),
  unassign: ownerProcedure
    .input(ZUnassignInput)
    .mutation(({ ctx, input }) => unassignClient(ctx.db, ctx.scope, input.coachMembershipId, input.clientMembershipId)),
});
