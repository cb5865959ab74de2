import { assignClients, changeRole, listMembers, removeMember, unassignClient } from "../../services/org/members";
import { bulkAssignCoach } from "../../services/org/bulk-assign";
import { ZAssignInput, ZBulkAssignInput, ZChangeRoleInput, ZRemoveMemberInput, ZUnassignInput } from "../../services/org/schemas";
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
  /** A coach for a selection of clients or a whole cohort (its pending invitations too); one audit entry. */
  bulkAssign: ownerProcedure.input(ZBulkAssignInput).mutation(({ ctx, input }) => bulkAssignCoach(ctx.db, scope(ctx), input)),
  unassign: ownerProcedure
    .input(ZUnassignInput)
    .mutation(({ ctx, input }) => unassignClient(scope(ctx), input.coachMembershipId, input.clientMembershipId)),
});
