import { commitRoster, listRosterImports, previewRoster, rosterProgress } from "../../services/onboarding/roster";
import { ZCommitRosterInput, ZPreviewRosterInput, ZRosterProgressInput } from "../../services/onboarding/schemas";
import { ownerProcedure, router } from "../init";

const scope = (ctx: { db: Parameters<typeof previewRoster>[0]["db"]; org: { id: string }; session: { userId: string } }) => ({
  db: ctx.db,
  orgId: ctx.org.id,
  actorUserId: ctx.session.userId,
});

/** Owners: a roster of clients uploaded as CSV, checked, committed whole, and its invitations' progress. */
export const onboardingRouter = router({
  /** A mutation only because the file is large (a POST body); it writes nothing. */
  preview: ownerProcedure.input(ZPreviewRosterInput).mutation(({ ctx, input }) => previewRoster(scope(ctx), input)),
  commit: ownerProcedure.input(ZCommitRosterInput).mutation(({ ctx, input }) => commitRoster(scope(ctx), input)),
  progress: ownerProcedure.input(ZRosterProgressInput).query(({ ctx, input }) => rosterProgress(scope(ctx), input)),
  imports: ownerProcedure.query(({ ctx }) => listRosterImports(scope(ctx))),
});
