import { commitRoster, listRosterImports, previewRoster, rosterProgress } from "../../services/onboarding/roster";
import { ZCommitRosterInput, ZPreviewRosterInput, ZRosterProgressInput } from "../../services/onboarding/schemas";
import { ownerProcedure, router } from "../init";

/** Owners: a roster of clients uploaded as CSV, checked, committed whole, and its invitations' progress. */
export const onboardingRouter = router({
  /** A mutation only because the file is large (a POST body); it writes nothing. */
  preview: ownerProcedure.input(ZPreviewRosterInput).mutation(({ ctx, input }) => previewRoster(ctx.db, ctx.scope, input)),
  commit: ownerProcedure.input(ZCommitRosterInput).mutation(({ ctx, input }) => commitRoster(ctx.db, ctx.scope, input)),
  progress: ownerProcedure.input(ZRosterProgressInput).query(({ ctx, input }) => rosterProgress(ctx.db, ctx.scope, input)),
  imports: ownerProcedure.query(({ ctx }) => listRosterImports(ctx.db, ctx.scope)),
});
