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
    .mutation(({ ctx, input }) => inviteMember(ctx.db, ctx.scope, input, ctx.org)),
  list: ownerProcedure.query(({ ctx }) => listInvitations(ctx.db, ctx.scope)),
  revoke: ownerProcedure
    .input(ZRevokeInvitationInput)
    .mutation(({ ctx, input }) => revokeInvitation(ctx.db, ctx.scope, input.invitationId)),

  /** Public: what the link leads to, before the person signs in. */
  preview: publicProcedure.input(ZTokenInput).query(({ ctx, input }) => previewInvitation(ctx.db, input.token)),
  accept: authedProcedure
    .input(ZTokenInput)
    .mutation(({ ctx, input }) => acceptInvitation(ctx.db, ctx.scope, input.token)),
});
