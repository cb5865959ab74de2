import { eq } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import { sendInvitationEmail } from "../../email/messages";
import {
  acceptInvitation,
  createInvitation,
  listInvitations,
  previewInvitation,
  revokeInvitation,
} from "../../services/org/invitations";
import { ZCreateInvitationInput, ZInvitationToken, ZRevokeInvitationInput } from "../../services/org/schemas";
import { authedProcedure, ownerProcedure, publicProcedure, router } from "../init";

const ZTokenInput = z.object({ token: ZInvitationToken });

export const invitationRouter = router({
  create: ownerProcedure.input(ZCreateInvitationInput).mutation(async ({ ctx, input }) => {
    const scope = { db: ctx.db, orgId: ctx.org.id, actorUserId: ctx.session.userId };
    const { invitation, token } = await createInvitation(scope, input);
    const [inviter] = await ctx.db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, ctx.session.userId));
    // Sent once the invitation is committed, so the link in the email always works.
    ctx.afterCommit.push(async () => {
      await sendInvitationEmail(ctx.rootDb, invitation, { org: ctx.org, inviterName: inviter?.name ?? inviter?.email ?? "Your coach", token });
    });
    return { id: invitation.id, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt };
  }),
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
