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

const scope = (ctx: { db: CohortScope["db"]; org: { id: string }; session: { userId: string }; membership: { id: string; role: Role } }): CohortScope => ({
  db: ctx.db,
  orgId: ctx.org.id,
  actorUserId: ctx.session.userId,
  membership: ctx.membership,
});

export const cohortRouter = router({
  /** Staff: every cohort's name; a coach's counts cover only their own clients. */
  list: staffProcedure.input(ZListCohortsInput).query(({ ctx, input }) => listCohorts(scope(ctx), input)),
  create: ownerProcedure.input(ZCreateCohortInput).mutation(({ ctx, input }) => createCohort(scope(ctx), input)),
  rename: ownerProcedure.input(ZRenameCohortInput).mutation(({ ctx, input }) => renameCohort(scope(ctx), input)),
  archive: ownerProcedure.input(ZArchiveCohortInput).mutation(({ ctx, input }) => archiveCohort(scope(ctx), input)),
  addClients: ownerProcedure.input(ZCohortClientsInput).mutation(({ ctx, input }) => addClientsToCohort(scope(ctx), input)),
  removeClients: ownerProcedure.input(ZCohortClientsInput).mutation(({ ctx, input }) => removeClientsFromCohort(scope(ctx), input)),
});
