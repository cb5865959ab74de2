import type { Executor } from "@/db";
import { localDateOf } from "../../followup/time";
import { toCsv } from "../imports/applications-csv";
import { collectClientData, EXPORT_SECTIONS, sectionColumns, type ClientData, type ExportScope, type ExportSection } from "./collect";
import type { TExportDataInput } from "./schemas";

/**
 * A client's full export in one organisation, built as text on the server so the browser only
 * has to save it.
 *
 * JSON: one file, one object with a section per table, `exportedAt` and `schemaVersion` (bump it
 * when a section or column changes meaning, so scripts reading old exports can tell).
 *
 * CSV: one file per table. We have no zip library, and one text file with several tables in it
 * would not open as a spreadsheet, so the browser saves each file on its own. Every file starts
 * with a BOM (Excel needs it for accents) and guards cells against formula injection (`toCsv`).
 */

export const EXPORT_SCHEMA_VERSION = 2;

export type ExportFile = { fileName: string; mimeType: string; content: string };
export type DataExport = { format: "json"; files: [ExportFile] } | { format: "csv"; files: ExportFile[] };

export async function exportClientData(
  db: Executor,
  scope: ExportScope,
  input: TExportDataInput,
  now: Date = new Date(),
): Promise<DataExport> {
  const data = await collectClientData(db, scope);
  const base = `followthrough-export-${isoDay(now, data.profile.timeZone)}`;
  if (input.format === "json") {
    const content = JSON.stringify({ schemaVersion: EXPORT_SCHEMA_VERSION, exportedAt: now.toISOString(), ...data }, null, 2);
    return { format: "json", files: [{ fileName: `${base}.json`, mimeType: "application/json", content }] };
  }
  return {
    format: "csv",
    files: EXPORT_SECTIONS.map((section) => ({
      fileName: `${base}-${kebab(section)}.csv`,
      mimeType: "text/csv",
      content: toCsv(rowsOf(data, section), sectionColumns(section), { bom: true }),
    })),
  };
}

function rowsOf(data: ClientData, section: ExportSection): Record<string, unknown>[] {
  const value = data[section];
  return (Array.isArray(value) ? value : [value]) as Record<string, unknown>[];
}

/** The day of the export where the client lives, so the file name matches their calendar. */
function isoDay(now: Date, timeZone: string): string {
  try {
    return localDateOf(now, timeZone);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

/** "applicationStatusHistory" → "application-status-history" */
function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
}
