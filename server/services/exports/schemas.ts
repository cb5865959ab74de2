import { z } from "zod";

export const EXPORT_FORMATS = ["json", "csv"] as const;

export const ZExportDataInput = z.object({
  format: z.enum(EXPORT_FORMATS, "Choose JSON or CSV."),
});
export type TExportDataInput = z.infer<typeof ZExportDataInput>;
