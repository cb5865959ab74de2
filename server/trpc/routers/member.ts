import { assignClients, changeRole, listMembers, removeMember, unassignClient } from "../../services/org/members";
import { ZAssignInput, ZChangeRoleInput, ZRemoveMemberInput, ZUnassignInput } from "../../services/org/schemas";
import { ownerProcedure, router } from "../init";

const scope = (ctx: { db: Parameters<typeof listMembers>[0]["db"]; org: { id: string }; session: { userId: string } }) => ({
  db: ctx.db,
  orgId: ctx.org.id,
  actorUserId: ctx.session.userId,
});

export const memberRouter = router({
  list: ownerProcedure.query(({ ctx }) => listMembers(scope(ctx))),
  changeRole: ownerProcedure.input(ZChangeRoleInput).mutation(({ ctx, input }) => changeRole(scope(ctx), input.membershipId, input.role)),
  remove: ownerProcedure.input(ZRemoveMemberInput).mutation(({ ctx, input }) => removeMember(scope(ctx), input.membershipId)),
  assign: ownerProcedure.input(ZAssignInput).mutation(({ ctx, input }) => assignClients(scope(ctx), input.coachMembershipId, input.clientMembershipIds)),
  unassign: ownerProcedure
    .input(ZUnassignInput)
    .mutation(({ ctx, input }) => unassignClient(scope(ctx), input.coachMembershipId, input.clientMembershipId)),
});
