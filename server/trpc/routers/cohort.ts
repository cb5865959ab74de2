import {
  addClientsToCohort,
  archiveCohort,
  createCohort,
  listCohorts,
  removeClientsFromCohort,
  renameCohort,
  type CohortScope,
} from "../../services/cohorts/cohorts";
import {
  ZArchiveCohortInput,
  ZCohortClientsInput,
  ZCreateCohortInput,
  ZListCohortsInput,
  ZRenameCohortInput,
} from "../../services/cohorts/schemas";
import { ownerProcedure, router, staffProcedure, type Role } from "../init";

const scope = (ctx: { org: { id: string }; session: { userId: string }; membership: { id: string; role: Role } }): CohortScope => ({
  orgId: ctx.org.id,
  actorUserId: ctx.session.userId,
  membership: ctx.membership,
});

export const cohortRouter = router({
  /** Staff: every cohort's name; a coach's counts cover only their own clients. */
  list: staffProcedure.input(ZListCohortsInput).query(({ ctx, input }) => listCohorts(ctx.db, scope(ctx), input)),
  create: ownerProcedure.input(ZCreateCohortInput).mutation(({ ctx, input }) => createCohort(ctx.db, scope(ctx), input)),
  rename: ownerProcedure.input(ZRenameCohortInput).mutation(({ ctx, input }) => renameCohort(ctx.db, scope(ctx), input)),
  archive: ownerProcedure.input(ZArchiveCohortInput).mutation(({ ctx, input }) => archiveCohort(ctx.db, scope(ctx), input)),
  addClients: ownerProcedure.input(ZCohortClientsInput).mutation(({ ctx, input }) => addClientsToCohort(ctx.db, scope(ctx), input)),
  removeClients: ownerProcedure.input(ZCohortClientsInput).mutation(({ ctx, input }) => removeClientsFromCohort(ctx.db, scope(ctx), input)),
});
