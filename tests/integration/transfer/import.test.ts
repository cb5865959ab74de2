import { TRPCError } from "@trpc/server";
import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "../../../db";
import * as s from "../../../db/schema";
import { MAX_DATA_ROWS } from "../../../server/services/imports/applications-csv";
import { createCompany, createOrg, createPractice } from "../../factories";
import { callerFor } from "../../helpers/callers";
import { useTestDatabase } from "../../helpers/db";

type Ref = { orgId: string; clientId: string };

async function counts(db: Database, ref: Ref) {
  const mine = (table: typeof s.companies | typeof s.applications | typeof s.applicationStatusHistory | typeof s.activities) =>
    and(eq(table.orgId, ref.orgId), eq(table.clientId, ref.clientId));
  const [[companies], [applications], [history], [activities]] = await Promise.all([
    db.select({ n: count() }).from(s.companies).where(mine(s.companies)),
    db.select({ n: count() }).from(s.applications).where(mine(s.applications)),
    db.select({ n: count() }).from(s.applicationStatusHistory).where(mine(s.applicationStatusHistory)),
    db.select({ n: count() }).from(s.activities).where(mine(s.activities)),
  ]);
  return { companies: companies!.n, applications: applications!.n, history: history!.n, activities: activities!.n };
}

const VALID = [
  "Employer,Job title,Stage,Date applied,Link,Notes",
  "Acme Robotics,Designer,Applied,2026-03-02,acme.example/jobs/1,Referred by Sam",
  "acme robotics,Lead designer,interviewing,14/03/2026,,",
  "Globex,Analyst,,,https://globex.example/careers/9,",
  "Initech,Engineer,rejected,03/04/2026,,\"Two lines\nof notes\"",
].join("\n");

describe("CSV import of applications", () => {
  const test = useTestDatabase();

  async function setup() {
    const p = await createPractice(test.db);
    const ref = { orgId: p.org.id, clientId: p.client.membership.id };
    return { p, ref, api: callerFor(test.db, p.client.user), slug: { orgSlug: p.org.slug } };
  }

  it("previews the proposed mapping, the first rows and the count of valid rows without writing", async () => {
    const { ref, api, slug } = await setup();
    const before = await counts(test.db, ref);
    const preview = await api.transfer.previewImport({ ...slug, csv: VALID });
    expect(preview.headers).toEqual(["Employer", "Job title", "Stage", "Date applied", "Link", "Notes"]);
    expect(preview.mapping).toEqual({ company: 0, roleTitle: 1, status: 2, appliedOn: 3, jobUrl: 4, notes: 5 });
    expect(preview.preview).toHaveLength(4);
    expect(preview.preview[0]!.application!.company).toBe("Acme Robotics");
    expect(preview.problemGroups).toEqual([]);
    expect(preview.counts.create).toBe(4);
    expect(preview.canImport).toBe(true);
    expect(preview.fields.map((f) => f.field)).toContain("roleTitle");
    expect(await counts(test.db, ref)).toEqual(before);

    // A changed mapping is applied to the preview.
    const remapped = await api.transfer.previewImport({ ...slug, csv: VALID, mapping: { company: 1, roleTitle: 0 } });
    expect(remapped.preview[0]!.application!.company).toBe("Designer");
  });

  it("imports every row with its history, reusing the client's company whatever its case", async () => {
    const { p, ref, api, slug } = await setup();
    const existing = await createCompany(test.db, ref, { name: "ACME Robotics" });
    // Another client's company of the same name is never reused.
    await createCompany(test.db, { orgId: p.org.id, clientId: p.otherClient.membership.id }, { name: "Globex" });

    const preview = await api.transfer.previewImport({ ...slug, csv: VALID });
    const result = await api.transfer.importApplications({ ...slug, csv: VALID, mapping: preview.mapping });
    expect(result).toEqual({ imported: true, created: 4, updated: 0, skipped: 0, companiesCreated: 2, companiesReused: 1 });

    const rows = await test.db
      .select({ application: s.applications, company: s.companies })
      .from(s.applications)
      .innerJoin(s.companies, eq(s.companies.id, s.applications.companyId))
      .where(and(eq(s.applications.orgId, ref.orgId), eq(s.applications.clientId, ref.clientId)));
    const byRole = new Map(rows.map((r) => [r.application.roleTitle, r]));
    expect(byRole.get("Designer")!.company.id).toBe(existing.id);
    expect(byRole.get("Lead designer")!.company.id).toBe(existing.id);
    expect(byRole.get("Designer")!.application).toMatchObject({ status: "applied", jobUrl: "https://acme.example/jobs/1", notes: "Referred by Sam" });
    expect(byRole.get("Analyst")!.application.status).toBe("saved");
    expect(byRole.get("Engineer")!.application.notes).toBe("Two lines\nof notes");
    const globex = rows.filter((r) => r.company.name === "Globex");
    expect(globex).toHaveLength(1);
    expect(globex[0]!.company.clientId).toBe(ref.clientId);

    const history = await test.db
      .select()
      .from(s.applicationStatusHistory)
      .where(and(eq(s.applicationStatusHistory.orgId, ref.orgId), eq(s.applicationStatusHistory.clientId, ref.clientId)));
    expect(history).toHaveLength(4);
    for (const entry of history) {
      expect(entry.fromStatus).toBeNull();
      expect(entry.changedByUserId).toBe(p.client.user.id);
    }
    const lead = history.find((h) => h.applicationId === byRole.get("Lead designer")!.application.id)!;
    // 14/03/2026 made the file day-first, so 03/04/2026 is the 3rd of April.
    expect(lead.changedAt.toISOString().slice(0, 10)).toBe("2026-03-14");
    const engineer = history.find((h) => h.applicationId === byRole.get("Engineer")!.application.id)!;
    expect(engineer).toMatchObject({ toStatus: "rejected" });
    expect(engineer.changedAt.toISOString().slice(0, 10)).toBe("2026-04-03");

    const activities = await test.db
      .select()
      .from(s.activities)
      .where(and(eq(s.activities.orgId, ref.orgId), eq(s.activities.clientId, ref.clientId)));
    expect(activities.map((a) => [a.kind, a.summary])).toEqual([["application.imported", "Imported 4 applications"]]);
  });

  it("imports nothing when any row has a problem, and says which row and column", async () => {
    const { ref, api, slug } = await setup();
    const csv = [
      "Company,Role,Status,Date applied,Link",
      "Acme,Designer,applied,2026-03-02,",
      ",Analyst,applied,2026-03-02,",
      "Globex,Engineer,pending,31/02/2026,javascript:alert(1)",
      "Initech,Tester,saved,,",
    ].join("\n");
    const mapping = { company: 0, roleTitle: 1, status: 2, appliedOn: 3, jobUrl: 4 };
    const before = await counts(test.db, ref);

    const preview = await api.transfer.previewImport({ ...slug, csv, mapping });
    expect(preview.counts).toMatchObject({ create: 2, invalid: 2 });
    expect(preview.canImport).toBe(false);
    expect(preview.summary).toMatch(/^Nothing can be imported yet: 2 rows have problems/);
    expect(preview.problemGroups.map((g) => [g.kind, g.column, g.count, g.rows])).toEqual([
      ["missing", "Company", 1, [2]],
      ["bad_date", "Date applied", 1, [3]],
      ["bad_url", "Link", 1, [3]],
      ["unknown_status", "Status", 1, [3]],
    ]);

    const result = await api.transfer.importApplications({ ...slug, csv, mapping });
    expect(result).toEqual({ imported: false, reason: preview.summary });
    expect(await counts(test.db, ref)).toEqual(before);

    // Skipping the bad rows is an explicit choice.
    const skipping = await api.transfer.importApplications({ ...slug, csv, mapping, skipInvalidRows: true });
    expect(skipping).toMatchObject({ imported: true, created: 2, skipped: 2 });
  });

  it("refuses a mapping without the required columns and an oversized or empty upload", async () => {
    const { ref, api, slug } = await setup();
    const before = await counts(test.db, ref);
    const result = await api.transfer.importApplications({ ...slug, csv: "Role\nDesigner\n", mapping: { roleTitle: 0 } });
    expect(result.imported).toBe(false);
    if (!result.imported) expect(result.reason).toMatch(/No column is mapped to Company/);

    const tooBig = `Company,Role\n${"Acme,Designer\n".repeat(160_000)}`;
    const error = await api.transfer.previewImport({ ...slug, csv: tooBig }).catch((e: unknown) => e);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    const empty = await api.transfer.previewImport({ ...slug, csv: "  " }).catch((e: unknown) => e);
    expect((empty as TRPCError).code).toBe("BAD_REQUEST");
    expect(await counts(test.db, ref)).toEqual(before);
  });

  it("writes only into the caller's own organisation and client", async () => {
    const { p, api } = await setup();
    const foreign = await createOrg(test.db);
    const error = await api.transfer
      .importApplications({ orgSlug: foreign.slug, csv: VALID, mapping: { company: 0, roleTitle: 1 } })
      .catch((e: unknown) => e);
    expect((error as TRPCError).code).toBe("NOT_FOUND");
    const asOther = await api.transfer
      .importApplications({ orgSlug: p.org.slug, clientId: p.otherClient.membership.id, csv: VALID, mapping: { company: 0, roleTitle: 1 } })
      .catch((e: unknown) => e);
    expect((asOther as TRPCError).code).toBe("NOT_FOUND");
    const asCoach = await callerFor(test.db, p.coach.user)
      .transfer.importApplications({ orgSlug: p.org.slug, clientId: p.client.membership.id, csv: VALID, mapping: { company: 0, roleTitle: 1 } })
      .catch((e: unknown) => e);
    expect((asCoach as TRPCError).code).toBe("FORBIDDEN");
  });

  it(`imports ${MAX_DATA_ROWS.toLocaleString("en-GB")} rows in one transaction`, async () => {
    const { ref, api, slug } = await setup();
    const statuses = ["saved", "applied", "interviewing", "rejected"];
    const lines = ["Company,Role,Status,Date applied,Source,Notes"];
    for (let i = 0; i < MAX_DATA_ROWS; i++) {
      lines.push(`Company ${i % 700},Role ${i},${statuses[i % statuses.length]},2026-0${(i % 9) + 1}-1${i % 10},Job board,"Row ${i}, imported"`);
    }
    const csv = lines.join("\n");
    const started = performance.now();
    const result = await api.transfer.importApplications({ ...slug, csv, mapping: { company: 0, roleTitle: 1, status: 2, appliedOn: 3, source: 4, notes: 5 } });
    console.log(`Imported ${MAX_DATA_ROWS} rows in ${Math.round(performance.now() - started)} ms`);
    expect(result).toEqual({ imported: true, created: MAX_DATA_ROWS, updated: 0, skipped: 0, companiesCreated: 700, companiesReused: 0 });
    expect(await counts(test.db, ref)).toEqual({ companies: 700, applications: MAX_DATA_ROWS, history: MAX_DATA_ROWS, activities: 1 });
  });
});
