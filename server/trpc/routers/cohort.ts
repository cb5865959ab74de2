import {
  addClientsToCohort,
  archiveCohort,
  createCohort,
  listCohorts,
  removeClientsFromCohort,
  renameCohort,
} from "../../services/cohorts/cohorts";
import {
  ZArchiveCohortInput,
  ZCohortClientsInput,
  ZCreateCohortInput,
  ZListCohortsInput,
  ZRenameCohortInput,
} from "../../services/cohorts/schemas";
import { ownerProcedure, router, staffProcedure } from "../init";

export const cohortRouter = router({
  /** Staff: every cohort's name; a coach's counts cover only their own clients. */
  list: staffProcedure.input(ZListCohortsInput).query(({ ctx, input }) => listCohorts(ctx.db, ctx.scope, input)),
  create: ownerProcedure.input(ZCreateCohortInput).mutation(({ ctx, input }) => createCohort(ctx.db, ctx.scope, input)),
  rename: ownerProcedure.input(ZRenameCohortInput).mutation(({ ctx, input }) => renameCohort(ctx.db, ctx.scope, input)),
  archive: ownerProcedure.input(ZArchiveCohortInput).mutation(({ ctx, input }) => archiveCohort(ctx.db, ctx.scope, input)),
  addClients: ownerProcedure.input(ZCohortClientsInput).mutation(({ ctx, input }) => addClientsToCohort(ctx.db, ctx.scope, input)),
  removeClients: ownerProcedure.input(ZCohortClientsInput).mutation(({ ctx, input }) => removeClientsFromCohort(ctx.db, ctx.scope, input)),
});
