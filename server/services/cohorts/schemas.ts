import { z } from "zod";

export const ZCohortName = z.string().trim().min(1, "Give the cohort a name.").max(80, "Use at most 80 characters.");

/** A selection of clients: at most a career centre's largest cohort in one call. */
export const ZClientSelection = z.array(z.uuid()).min(1, "Choose at least one client.").max(5000, "Choose at most 5,000 clients at once.");

export const ZListCohortsInput = z.object({ includeArchived: z.boolean().optional() });
export const ZCreateCohortInput = z.object({ name: ZCohortName });
export type TCreateCohortInput = z.infer<typeof ZCreateCohortInput>;
export const ZRenameCohortInput = z.object({ cohortId: z.uuid(), name: ZCohortName });
export type TRenameCohortInput = z.infer<typeof ZRenameCohortInput>;
export const ZArchiveCohortInput = z.object({ cohortId: z.uuid(), archived: z.boolean() });
export type TArchiveCohortInput = z.infer<typeof ZArchiveCohortInput>;
export const ZCohortClientsInput = z.object({ cohortId: z.uuid(), clientIds: ZClientSelection });
export type TCohortClientsInput = z.infer<typeof ZCohortClientsInput>;
