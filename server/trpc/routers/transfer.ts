import { exportClientData } from "../../services/exports/export-data";
import { ZExportDataInput } from "../../services/exports/schemas";
import { importApplications, previewImport, ZImportApplicationsInput, ZPreviewImportInput } from "../../services/imports/import-applications";
import { importAccount, ZImportAccountInput } from "../../services/imports/import-account";
import { clientSelfProcedure, router } from "../init";

/**
 * Moving a client's data in and out: CSV import of applications and the full export. Only the
 * client themself: a coach or owner may read a client's records in the app, but taking a copy of
 * everything (or writing in bulk) is the client's own decision.
 */
export const transferRouter = router({
  // A mutation although it writes nothing: the CSV (up to 2 MB) travels in a POST body, not a URL.
  previewImport: clientSelfProcedure.input(ZPreviewImportInput).mutation(({ ctx, input }) => previewImport(ctx.db, ctx.scope, input)),
  importApplications: clientSelfProcedure.input(ZImportApplicationsInput).mutation(({ ctx, input }) => importApplications(ctx.db, ctx.scope, input)),
  /** A whole JSON export of ours, into an empty account. */
  importAccount: clientSelfProcedure.input(ZImportAccountInput).mutation(({ ctx, input }) => importAccount(ctx.db, ctx.scope, input)),
  exportData: clientSelfProcedure
    .input(ZExportDataInput)
    .query(({ ctx, input }) => exportClientData(ctx.db, ctx.scope, input)),
});
