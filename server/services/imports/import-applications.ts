import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db";
import { applications, applicationStatusHistory, companies } from "@/db/schema";
import { recordActivity } from "../activity";
import type { ClientScope } from "../applications/scope";
import { insertJsonRows } from "./bulk-insert";
import { MAX_DATA_ROWS, parseApplicationsCsv, type ApplicationsCsvResult, type ImportError, type ValidRow } from "./applications-csv";
import { APPLICATION_FIELDS, FIELD_LABELS, ZColumnMapping, ZDateOrder } from "./schemas";

/**
 * Importing a CSV of applications: a preview that writes nothing, and an import that writes
 * everything or nothing. Both re-parse the text on the server, so what is imported is exactly what
 * the parser accepts, whatever the browser showed.
 */

/** 2 MB of UTF-8 is ~5,000 rows of a generous tracker; the parser reads the whole text at once. */
export const MAX_CSV_BYTES = 2 * 1024 * 1024;
/** Enough to fix a file by; the counts still tell how many rows have problems. */
export const MAX_ERRORS_RETURNED = 500;
/** Rows per INSERT: keeps each statement well under Postgres' 65,535 bind parameters. */
const CHUNK_ROWS = 1000;

const ZCsvText = z
  .string()
  // A cheap bound before counting bytes: a UTF-8 character is at least one byte.
  .max(MAX_CSV_BYTES, "The file is larger than 2 MB. Split it and import each part.")
  .refine((text) => Buffer.byteLength(text, "utf8") <= MAX_CSV_BYTES, "The file is larger than 2 MB. Split it and import each part.")
  .refine((text) => text.trim() !== "", "Choose a CSV file or paste its text.");

export const ZPreviewImportInput = z.object({
  csv: ZCsvText,
  mapping: ZColumnMapping.optional(),
  dateOrder: ZDateOrder.optional(),
});
export type TPreviewImportInput = z.infer<typeof ZPreviewImportInput>;

/** The import repeats the mapping the person confirmed in the preview. */
export const ZImportApplicationsInput = ZPreviewImportInput.extend({ mapping: ZColumnMapping });
export type TImportApplicationsInput = z.infer<typeof ZImportApplicationsInput>;

/** What the preview screen needs: the mapping to confirm, a few mapped rows and every problem. */
export function previewImport(input: TPreviewImportInput) {
  const result = parseApplicationsCsv(input.csv, input.mapping, { dateOrder: input.dateOrder });
  return {
    headers: result.headers,
    mapping: result.mapping,
    dateOrder: result.dateOrder,
    fields: APPLICATION_FIELDS.map((field) => ({ field, label: FIELD_LABELS[field], required: field === "company" || field === "roleTitle" })),
    preview: result.preview,
    ...problems(result),
    validCount: result.rows.length,
  };
}

export type ImportApplicationsResult =
  | { imported: false; errors: ImportError[]; errorCount: number; invalidRowCount: number }
  | { imported: true; applicationCount: number; companiesCreated: number; companiesReused: number };

/**
 * All or nothing: a file with any problem imports no row, so fixing it and importing again never
 * creates duplicates. Runs inside the procedure's tenant transaction; rows are written with a few
 * multi-row INSERTs (ids made here, so no statement depends on the order RETURNING gives back).
 * Imported applications have no interviews yet, so there is nothing for the planner to re-plan.
 */
export async function importApplications(
  db: Executor,
  scope: ClientScope,
  input: TImportApplicationsInput,
  now: Date = new Date(),
): Promise<ImportApplicationsResult> {
  const result = parseApplicationsCsv(input.csv, input.mapping, { dateOrder: input.dateOrder });
  if (result.errors.length > 0 || result.rows.length === 0) {
    const found = problems(result);
    return { imported: false, ...found };
  }

  const companyIds = await resolveCompanies(db, scope, result.rows, now);
  const rows = result.rows.map((row) => {
    const changedAt = row.appliedOn ? appliedAt(row.appliedOn) : now;
    return { row, id: randomUUID(), companyId: companyIds.byKey.get(companyKey(row.company))!, changedAt };
  });

  for (const chunk of chunks(rows)) {
    await insertJsonRows(
      db,
      applications,
      chunk.map(({ row, id, companyId, changedAt }) => ({
        id,
        orgId: scope.orgId,
        clientId: scope.clientId,
        companyId,
        roleTitle: row.roleTitle,
        jobUrl: row.jobUrl,
        source: row.source,
        status: row.status,
        statusChangedAt: changedAt,
        notes: row.notes,
        createdAt: now,
        updatedAt: now,
      })),
    );
    await insertJsonRows(
      db,
      applicationStatusHistory,
      chunk.map(({ row, id, changedAt }) => ({
        orgId: scope.orgId,
        clientId: scope.clientId,
        applicationId: id,
        fromStatus: null,
        toStatus: row.status,
        changedAt,
        changedByUserId: scope.actorUserId,
      })),
    );
  }

  await recordActivity(db, {
    orgId: scope.orgId,
    clientId: scope.clientId,
    actorUserId: scope.actorUserId,
    kind: "application.imported",
    summary: `Imported ${rows.length} application${rows.length === 1 ? "" : "s"}`,
    data: { count: rows.length, companiesCreated: companyIds.created, companiesReused: companyIds.reused },
  });
  return { imported: true, applicationCount: rows.length, companiesCreated: companyIds.created, companiesReused: companyIds.reused };
}

/**
 * One company id per distinct name (case-insensitive): the client's existing company when they
 * have one (the oldest, as `findOrCreateCompany` picks), else one new company per name, spelled as
 * it first appears in the file.
 */
async function resolveCompanies(db: Executor, scope: ClientScope, rows: readonly ValidRow[], now: Date) {
  const existing = await db
    .select({ id: companies.id, name: companies.name })
    .from(companies)
    .where(and(eq(companies.orgId, scope.orgId), eq(companies.clientId, scope.clientId)))
    .orderBy(asc(companies.createdAt), asc(companies.id));
  const known = new Map<string, string>();
  for (const company of existing) {
    const key = companyKey(company.name);
    if (!known.has(key)) known.set(key, company.id);
  }

  const byKey = new Map<string, string>();
  const toCreate: Array<{ id: string; name: string }> = [];
  let reused = 0;
  for (const row of rows) {
    const key = companyKey(row.company);
    if (byKey.has(key)) continue;
    const id = known.get(key);
    if (id) {
      reused++;
      byKey.set(key, id);
    } else {
      const created = { id: randomUUID(), name: row.company };
      toCreate.push(created);
      byKey.set(key, created.id);
    }
  }
  for (const chunk of chunks(toCreate)) {
    await insertJsonRows(
      db,
      companies,
      chunk.map((c) => ({ id: c.id, orgId: scope.orgId, clientId: scope.clientId, name: c.name, createdAt: now, updatedAt: now })),
    );
  }
  return { byKey, created: toCreate.length, reused };
}

/** The parser already trimmed and collapsed spaces; case is what remains to ignore. */
function companyKey(name: string): string {
  return name.trim().toLowerCase();
}

/**
 * A date without a time: noon UTC falls on the same calendar day in every zone from UTC−11 to
 * UTC+11, so the applied date reads the same to the client and their coach wherever they are.
 */
function appliedAt(isoDate: string): Date {
  return new Date(`${isoDate}T12:00:00Z`);
}

function problems(result: ApplicationsCsvResult) {
  const rowsWithErrors = new Set(result.errors.filter((e) => e.row > 0 && e.row <= MAX_DATA_ROWS).map((e) => e.row));
  const errors =
    result.errors.length === 0 && result.rows.length === 0
      ? [{ row: 0, message: "The file has no rows to import." }]
      : result.errors;
  return { errors: errors.slice(0, MAX_ERRORS_RETURNED), errorCount: errors.length, invalidRowCount: rowsWithErrors.size };
}

function chunks<T>(items: readonly T[], size = CHUNK_ROWS): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
