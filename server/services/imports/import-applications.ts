import { randomUUID } from "node:crypto";
import { companyOfApplication } from "@/server/services/joins";
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db";
import { applications, applicationStatusHistory, companies } from "@/db/schema";
import { recordActivity } from "../activity";
import { insertJsonRows } from "./bulk-insert";
import { count, parseApplicationsCsv, type ApplicationsCsvResult, type ImportError, type ParsedRow } from "./applications-csv";
import { PRESET_IDS, PRESETS } from "./presets";
import { groupProblems } from "./problems";
import { APPLICATION_FIELDS, FIELD_LABELS, REQUIRED_FIELDS, ZColumnMapping, ZDateOrder, ZStatusTarget, type ImportedRow } from "./schemas";
import type { ClientActor, ClientRef } from "../scope";

/**
 * Importing a CSV of applications: a preview that writes nothing, and an import that writes
 * everything it promised or nothing. Both re-parse the text on the server with the same options,
 * so what is imported is exactly what the preview showed, whatever the browser sends.
 */

/** 2 MB of UTF-8 is ~5,000 rows of a generous tracker; the parser reads the whole text at once. */
export const MAX_CSV_BYTES = 2 * 1024 * 1024;
/** Rows per INSERT: keeps each statement well under Postgres' 65,535 bind parameters. */
const CHUNK_ROWS = 1000;

const TOO_BIG = "The file is larger than 2 MB. Split it and import each part.";
const ZCsvText = z
  .string()
  // A cheap bound before counting bytes: a UTF-8 character is at least one byte.
  .max(MAX_CSV_BYTES, TOO_BIG)
  .refine((text) => Buffer.byteLength(text, "utf8") <= MAX_CSV_BYTES, TOO_BIG)
  .refine((text) => text.trim() !== "", "Choose a CSV file or paste its text.");

export const DUPLICATE_POLICIES = ["skip", "update"] as const;

export const ZPreviewImportInput = z.object({
  csv: ZCsvText,
  preset: z.enum(PRESET_IDS).optional(),
  mapping: ZColumnMapping.optional(),
  dateOrder: ZDateOrder.optional(),
  statusMap: z.record(z.string().max(200), ZStatusTarget).optional(),
  emptyValues: z.array(z.string().trim().max(50)).max(20).optional(),
  unmappedToNotes: z.boolean().optional(),
  skipInvalidRows: z.boolean().default(false),
  duplicates: z.enum(DUPLICATE_POLICIES).default("skip"),
});
export type TPreviewImportInput = z.input<typeof ZPreviewImportInput>;

/** The import repeats the choices the person confirmed in the preview. */
export const ZImportApplicationsInput = ZPreviewImportInput.extend({ mapping: ZColumnMapping });
export type TImportApplicationsInput = z.input<typeof ZImportApplicationsInput>;

type Plan = {
  parsed: ApplicationsCsvResult;
  create: Array<{ row: number; application: ImportedRow }>;
  update: Array<{ row: number; application: ImportedRow; existingId: string }>;
  duplicatesInFile: number;
  duplicatesExisting: number;
  invalidRows: number;
  /** Rows that repeat one earlier in the file, or an application the client already has. */
  duplicateOf: Map<number, "file" | "existing">;
  fileErrors: ImportError[];
  canImport: boolean;
  summary: string;
};

/** What the preview screen needs: the choices to confirm, interpreted rows, grouped problems, counts. */
export async function previewImport(db: Executor, scope: ClientActor, rawInput: TPreviewImportInput) {
  const input = ZPreviewImportInput.parse(rawInput);
  const plan = await planImport(db, scope, input);
  const { parsed } = plan;
  return {
    headers: parsed.headers,
    preset: { id: parsed.preset, label: PRESETS[parsed.preset].label },
    presets: PRESET_IDS.map((id) => ({ id, label: PRESETS[id].label })),
    mapping: parsed.mapping,
    fields: APPLICATION_FIELDS.map((field) => ({ field, label: FIELD_LABELS[field], required: (REQUIRED_FIELDS as readonly string[]).includes(field) })),
    dateOrder: parsed.dateOrder,
    emptyValues: parsed.emptyValues,
    unmappedToNotes: parsed.unmappedToNotes,
    unmappedColumns: parsed.unmappedColumns,
    statuses: parsed.statuses,
    preview: parsed.rows.slice(0, 10).map((row) => ({
      row: row.row,
      application: row.application,
      problems: row.problems.map((p) => p.message),
      duplicate: plan.duplicateOf.get(row.row) ?? null,
    })),
    problemGroups: groupProblems(parsed.rows, parsed.headers, parsed.mapping),
    fileErrors: plan.fileErrors,
    extraCellRows: parsed.extraCellRows.length,
    counts: {
      total: parsed.total,
      create: plan.create.length,
      update: plan.update.length,
      invalid: plan.invalidRows,
      duplicatesInFile: plan.duplicatesInFile,
      duplicatesExisting: plan.duplicatesExisting,
    },
    skipInvalidRows: input.skipInvalidRows,
    duplicates: input.duplicates,
    canImport: plan.canImport,
    summary: plan.summary,
  };
}

export type ImportApplicationsResult =
  | { imported: false; reason: string }
  | { imported: true; created: number; updated: number; skipped: number; companiesCreated: number; companiesReused: number };

/**
 * All or nothing: either every row the preview promised is written, or none is (a file with a
 * problem the person did not choose to skip imports nothing, so fixing and importing again never
 * duplicates). The writes run in a savepoint inside the procedure's tenant transaction: a database
 * failure rolls them back and the person reads a short message, never the query.
 */
export async function importApplications(
  db: Executor,
  scope: ClientActor,
  rawInput: TImportApplicationsInput,
  now: Date = new Date(),
): Promise<ImportApplicationsResult> {
  const input = ZImportApplicationsInput.parse(rawInput);
  const plan = await planImport(db, scope, input);
  if (!plan.canImport) return { imported: false, reason: plan.summary };
  const skipped = plan.invalidRows + plan.duplicatesInFile + (input.duplicates === "skip" ? plan.duplicatesExisting : 0);
  try {
    const written = await db.transaction((tx) => writePlan(tx, scope, plan, now));
    return { imported: true, ...written, skipped };
  } catch (error) {
    console.error("Import of applications failed", error);
    return { imported: false, reason: "The import could not be saved, so nothing was imported. Try again in a moment." };
  }
}

async function planImport(db: Executor, scope: ClientActor, input: z.output<typeof ZPreviewImportInput>): Promise<Plan> {
  const parsed = parseApplicationsCsv(input.csv, input);
  const fileErrors = parsed.fileErrors;
  const valid = parsed.rows.filter((r): r is ParsedRow & { application: ImportedRow } => r.application !== null);
  const invalidRows = parsed.rows.length - valid.length;

  // Same company + role + link is the same application; in the file, the first row wins when
  // skipping and the last when updating.
  const byKey = new Map<string, { row: number; application: ImportedRow }>();
  const existing = await existingKeys(db, scope);
  const duplicateOf = new Map<number, "file" | "existing">();
  let duplicatesInFile = 0;
  for (const { row, application } of valid) {
    const key = duplicateKey(application.company, application.roleTitle, application.jobUrl);
    if (existing.has(key)) duplicateOf.set(row, "existing");
    if (byKey.has(key)) {
      duplicatesInFile++;
      duplicateOf.set(row, "file");
      if (input.duplicates === "skip") continue;
    }
    byKey.set(key, { row, application });
  }
  const create: Plan["create"] = [];
  const update: Plan["update"] = [];
  let duplicatesExisting = 0;
  for (const [key, entry] of byKey) {
    const existingId = existing.get(key);
    if (!existingId) create.push(entry);
    else {
      duplicatesExisting++;
      if (input.duplicates === "update") update.push({ ...entry, existingId });
    }
  }
  create.sort((a, b) => a.row - b.row);

  const blocking = fileErrors.length > 0 || (invalidRows > 0 && !input.skipInvalidRows);
  const writes = create.length + update.length;
  const canImport = !blocking && writes > 0;
  const summary = summarise({ parsed, fileErrors, invalidRows, skipInvalid: input.skipInvalidRows, create, update, duplicatesInFile, duplicatesExisting, policy: input.duplicates });
  return { parsed, create, update, duplicatesInFile, duplicatesExisting, invalidRows, duplicateOf, fileErrors, canImport, summary };
}

/** One sentence that matches the Import button's state: it says why when nothing can be imported. */
function summarise(p: {
  parsed: ApplicationsCsvResult;
  fileErrors: ImportError[];
  invalidRows: number;
  skipInvalid: boolean;
  create: unknown[];
  update: unknown[];
  duplicatesInFile: number;
  duplicatesExisting: number;
  policy: "skip" | "update";
}): string {
  const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;
  if (p.fileErrors.length > 0) return `Nothing can be imported yet: ${p.fileErrors[0]!.message}`;
  if (p.invalidRows > 0 && !p.skipInvalid) {
    return `Nothing can be imported yet: ${plural(p.invalidRows, "row has", "rows have")} problems. Fix them with the choices above, or choose to skip those rows.`;
  }
  const parts: string[] = [];
  if (p.create.length > 0) parts.push(`${plural(p.create.length, "new application")} will be added`);
  if (p.update.length > 0) parts.push(`${plural(p.update.length, "application")} you already have will be updated`);
  if (p.duplicatesExisting > 0 && p.policy === "skip") parts.push(`${plural(p.duplicatesExisting, "row")} you already have will be skipped`);
  if (p.duplicatesInFile > 0) parts.push(`${plural(p.duplicatesInFile, "repeated row")} in the file will be skipped`);
  if (p.invalidRows > 0) parts.push(`${plural(p.invalidRows, "row")} with problems will be skipped`);
  if (p.create.length + p.update.length === 0) return `Nothing to import: every row is already in your applications${parts.length ? ` (${parts.join("; ")})` : ""}.`;
  return `${parts.join("; ")}.`;
}

/** Company and role compared case-insensitively; links without scheme, "www.", query or trailing slash. */
export function duplicateKey(company: string, roleTitle: string, jobUrl: string | null): string {
  const link = (jobUrl ?? "")
    .toLowerCase()
    .replace(/^https?:\/\/(www\.)?/, "")
    .replace(/[?#].*$/, "")
    .replace(/\/+$/, "");
  return [company.trim().toLowerCase(), roleTitle.trim().toLowerCase(), link].join("\u0000");
}

async function existingKeys(db: Executor, scope: ClientActor): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: applications.id, company: companies.name, roleTitle: applications.roleTitle, jobUrl: applications.jobUrl })
    .from(applications)
    .innerJoin(companies, companyOfApplication)
    .where(and(eq(applications.orgId, scope.orgId), eq(applications.clientId, scope.clientId)))
    .orderBy(asc(applications.createdAt), asc(applications.id));
  const keys = new Map<string, string>();
  for (const row of rows) {
    const key = duplicateKey(row.company, row.roleTitle, row.jobUrl);
    if (!keys.has(key)) keys.set(key, row.id);
  }
  return keys;
}

async function writePlan(db: Executor, scope: ClientActor, plan: Plan, now: Date) {
  const companyIds = await resolveCompanies(db, scope, plan.create.map((e) => e.application.company), now);
  const rows = plan.create.map(({ application }) => ({
    application,
    id: randomUUID(),
    companyId: companyIds.byKey.get(companyKey(application.company))!,
    changedAt: statusDate(application, now),
  }));

  for (const chunk of chunks(rows)) {
    await insertJsonRows(
      db,
      applications,
      chunk.map(({ application: a, id, companyId, changedAt }) => ({
        id,
        orgId: scope.orgId,
        clientId: scope.clientId,
        companyId,
        ...fieldsOf(a),
        status: a.status,
        statusChangedAt: changedAt,
        archivedAt: a.archived ? now : null,
        createdAt: now,
        updatedAt: now,
      })),
    );
    await insertJsonRows(
      db,
      applicationStatusHistory,
      chunk.map(({ application, id, changedAt }) => ({
        orgId: scope.orgId,
        clientId: scope.clientId,
        applicationId: id,
        fromStatus: null,
        toStatus: application.status,
        changedAt,
        changedByUserId: scope.actorUserId,
      })),
    );
  }
  for (const { application, existingId } of plan.update) await updateExisting(db, scope, existingId, application, now);

  await recordActivity(db, {
    orgId: scope.orgId,
    clientId: scope.clientId,
    actorUserId: scope.actorUserId,
    kind: "application.imported",
    summary: `Imported ${rows.length} application${rows.length === 1 ? "" : "s"}${plan.update.length ? ` and updated ${plan.update.length}` : ""}`,
    data: { count: rows.length, updated: plan.update.length, companiesCreated: companyIds.created, companiesReused: companyIds.reused },
  });
  return { created: rows.length, updated: plan.update.length, companiesCreated: companyIds.created, companiesReused: companyIds.reused };
}

/** The columns an imported row sets, shared by inserts and updates. */
function fieldsOf(a: ImportedRow) {
  return {
    roleTitle: a.roleTitle,
    jobUrl: a.jobUrl,
    source: a.source,
    notes: a.notes,
    location: a.location,
    workplaceType: a.workplaceType,
    jobType: a.jobType,
    salaryMin: a.salaryMin,
    salaryMax: a.salaryMax,
    salaryCurrency: a.salaryCurrency,
    deadlineOn: a.deadlineOn,
    excitement: a.excitement,
    tags: a.tags,
    savedOn: a.savedOn,
    appliedOn: a.appliedOn,
    postingSnapshot: a.postingSnapshot,
  };
}

/** An update fills in what the file knows and keeps what it leaves empty; a new status joins the history. */
async function updateExisting(db: Executor, scope: ClientActor, id: string, a: ImportedRow, now: Date) {
  const where = and(eq(applications.orgId, scope.orgId), eq(applications.clientId, scope.clientId), eq(applications.id, id));
  const [current] = await db.select({ status: applications.status, archivedAt: applications.archivedAt }).from(applications).where(where);
  if (!current) return;
  const known = Object.fromEntries(Object.entries(fieldsOf(a)).filter(([, v]) => v !== null && v !== "" && !(Array.isArray(v) && v.length === 0)));
  const statusChanged = current.status !== a.status;
  await db
    .update(applications)
    .set({
      ...known,
      ...(statusChanged && { status: a.status, statusChangedAt: statusDate(a, now) }),
      ...(a.archived && !current.archivedAt && { archivedAt: now }),
    })
    .where(where);
  if (statusChanged) {
    await db.insert(applicationStatusHistory).values({
      orgId: scope.orgId,
      clientId: scope.clientId,
      applicationId: id,
      fromStatus: current.status,
      toStatus: a.status,
      changedAt: statusDate(a, now),
      changedByUserId: scope.actorUserId,
    });
  }
}

/**
 * One company id per distinct name (case-insensitive): the client's existing company when they
 * have one (the oldest, as `findOrCreateCompany` picks), else one new company per name, spelled as
 * it first appears in the file.
 */
export async function resolveCompanies(db: Executor, scope: ClientRef, names: readonly string[], now: Date) {
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
  for (const name of names) {
    const key = companyKey(name);
    if (byKey.has(key)) continue;
    const id = known.get(key);
    if (id) {
      reused++;
      byKey.set(key, id);
    } else {
      const created = { id: randomUUID(), name };
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
export function companyKey(name: string): string {
  return name.trim().toLowerCase();
}

/**
 * When the imported status began: the applied date, else the saved date, else now. A date without
 * a time is stored at noon UTC, which falls on the same calendar day in every zone from UTC−11 to
 * UTC+11, so the client and their coach read the same day wherever they are.
 */
function statusDate(a: ImportedRow, now: Date): Date {
  const day = a.status !== "saved" ? (a.appliedOn ?? a.savedOn) : (a.savedOn ?? a.appliedOn);
  return day ? new Date(`${day}T12:00:00Z`) : now;
}

function chunks<T>(items: readonly T[], size = CHUNK_ROWS): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
