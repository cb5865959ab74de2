import { commitRoster, listRosterImports, previewRoster, rosterProgress } from "../../services/onboarding/roster";
import { ZCommitRosterInput, ZPreviewRosterInput, ZRosterProgressInput } from "../../services/onboarding/schemas";
import { ownerProcedure, router } from "../init";

const scope = (ctx: { org: { id: string }; session: { userId: string } }) => ({
  orgId: ctx.org.id,
  actorUserId: ctx.session.userId,
});

/** Owners: a roster of clients uploaded as CSV, checked, committed whole, and its invitations' progress. */
export const onboardingRouter = router({
  /** A mutation only because the file is large (a POST body); it writes nothing. */
  preview: ownerProcedure.input(ZPreviewRosterInput).mutation(({ ctx, input }) => previewRoster(ctx.db, scope(ctx), input)),
  commit: ownerProcedure.input(ZCommitRosterInput).mutation(({ ctx, input }) => commitRoster(ctx.db, scope(ctx), input)),
  progress: ownerProcedure.input(ZRosterProgressInput).query(({ ctx, input }) => rosterProgress(ctx.db, scope(ctx), input)),
  imports: ownerProcedure.query(({ ctx }) => listRosterImports(ctx.db, scope(ctx))),
});
