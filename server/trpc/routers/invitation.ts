import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { withOrg } from "@/db";
import { invitations, users } from "@/db/schema";
import { renderInvitationEmail, sendRenderedEmail } from "../../email/messages";
import { log } from "../../log";
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
    // The invitation and its email are one unit. Rendered here, inside the transaction, so a
    // failure commits nothing; sent once the invitation is committed, so the link always works;
    // and if sending fails, the invitation is taken back, so there is never one nobody was told of.
    const email = await renderInvitationEmail(invitation, { org: ctx.org, inviterName: inviter?.name ?? inviter?.email ?? "Your coach", token });
    ctx.afterCommit.push(async () => {
      try {
        await sendRenderedEmail(ctx.rootDb, email, "invitation");
      } catch (error) {
        log.error({ requestId: ctx.requestId, orgId: ctx.org.id, invitationId: invitation.id, err: error }, "invitation email failed; invitation withdrawn");
        await withOrg(ctx.rootDb, ctx.org.id, (tx) =>
          tx.delete(invitations).where(and(eq(invitations.orgId, ctx.org.id), eq(invitations.id, invitation.id))),
        );
        throw new TRPCError({
          code: "SERVICE_UNAVAILABLE",
          message: "The invitation email could not be sent, so no invitation was made. Please try again in a moment.",
        });
      }
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
