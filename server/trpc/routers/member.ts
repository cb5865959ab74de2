import { assignClients, changeRole, listMembers, removeMember, unassignClient } from "../../services/org/members";
import { ZAssignInput, ZChangeRoleInput, ZRemoveMemberInput, ZUnassignInput } from "../../services/org/schemas";
import { ownerProcedure, router } from "../init";

export const memberRouter = router({
  list: ownerProcedure.query(({ ctx }) => listMembers(ctx.db, ctx.scope)),
  changeRole: ownerProcedure.input(ZChangeRoleInput).mutation(({ ctx, input }) => changeRole(ctx.db, ctx.scope, input.membershipId, input.role)),
  remove: ownerProcedure.input(ZRemoveMemberInput).mutation(({ ctx, input }) => removeMember(ctx.db, ctx.scope, input.membershipId)),
  assign: ownerProcedure.input(ZAssignInput).mutation(({ ctx, input }) => assignClients(ctx.db, ctx.scope, input.coachMembershipId, input.clientMembershipIds)),
  unassign: ownerProcedure
    .input(ZUnassignInput)
    .mutation(({ ctx, input }) => unassignClient(ctx.db, ctx.scope, input.coachMembershipId, input.clientMembershipId)),
});
