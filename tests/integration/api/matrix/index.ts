import { applicationsMatrix } from "./applications";
import { coachMatrix } from "./coach";
import { cohortsMatrix } from "./cohorts";
import { coreMatrix } from "./core";
import type { MatrixEntry } from "./shared";
import { transferMatrix } from "./transfer";
import { workspaceMatrix } from "./workspace";

/**
 * Every procedure of the app router, called from every point of view. The coverage test fails
 * when a procedure is missing here, so a new procedure cannot skip authorization tests. Each
 * domain keeps its entries in its own file; add the import and spread below.
 */
export const matrix: Record<string, MatrixEntry> = {
  ...coreMatrix,
  ...coachMatrix,
  ...applicationsMatrix,
  ...workspaceMatrix,
  ...transferMatrix,
  ...cohortsMatrix,
};
