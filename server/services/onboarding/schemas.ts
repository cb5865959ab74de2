import { z } from "zod";

/** About 2 MB: a 5,000-row roster with long names fits several times over. */
export const MAX_ROSTER_CHARS = 2_000_000;
export const MAX_ROSTER_ROWS = 5000;

const ZRosterCsv = z.string().min(1, "Choose a CSV file.").max(MAX_ROSTER_CHARS, "That file is larger than 2 MB. Split it into smaller files.");

export const ZPreviewRosterInput = z.object({ csv: ZRosterCsv });
export type TPreviewRosterInput = z.infer<typeof ZPreviewRosterInput>;
export const ZCommitRosterInput = z.object({ csv: ZRosterCsv });
export type TCommitRosterInput = z.infer<typeof ZCommitRosterInput>;
export const ZRosterProgressInput = z.object({ importId: z.uuid() });
export type TRosterProgressInput = z.infer<typeof ZRosterProgressInput>;
