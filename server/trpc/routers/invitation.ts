import { z } from "zod";
import {
  acceptInvitation,
  inviteMember,
  listInvitations,
  previewInvitation,
  revokeInvitation,
} from "../../services/org/invitations";
import { ZCreateInvitationInput, ZInvitationToken, ZRevokeInvitationInput } from "../../services/org/schemas";
import { authedProcedure, ownerProcedure, publicProcedure, router } from "../init";

const ZTokenInput = z.object({ token: ZInvitationToken });

export const invitationRouter = router({
  create: ownerProcedure
    .input(ZCreateInvitationInput)
    .mutation(({ ctx, input }) => inviteMember({ db: ctx.db, orgId: ctx.org.id, actorUserId: ctx.session.userId }, ctx.org, input)),
  list: ownerProcedure.query(({ ctx }) => listInvitations({ db: ctx.db, orgId: ctx.org.id })),
  revoke: ownerProcedure
    .input(ZRevokeInvitationInput)
    .mutation(({ ctx, input }) => revokeInvitation({ db: ctx.db, orgId: ctx.org.id, actorUserId: ctx.session.userId }, input.invitationId)),

  /** Public: what the link leads to, before the person signs in. */
  preview: publicProcedure.input(ZTokenInput).query(({ ctx, input }) => previewInvitation(ctx.db, input.token)),
  accept: authedProcedure
    .input(ZTokenInput)
    .mutation(({ ctx, input }) => acceptInvitation(ctx.db, { id: ctx.session.userId, email: ctx.session.email }, input.token)),
});
