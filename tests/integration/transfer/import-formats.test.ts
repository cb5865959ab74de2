import { readFileSync } from "node:fs";
import { and, asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "../../../db";
import * as s from "../../../db/schema";
import { createPractice } from "../../factories";
import { callerFor } from "../../helpers/callers";
import { useTestDatabase } from "../../helpers/db";

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/imports/${name}`, import.meta.url), "utf8");

type Ref = { orgId: string; clientId: string };

/** The client's applications as a person would compare them: what they say, not their ids. */
async function applicationsOf(db: Database, ref: Ref) {
  const rows = await db
    .select({ a: s.applications, company: s.companies.name })
    .from(s.applications)
    .innerJoin(s.companies, eq(s.companies.id, s.applications.companyId))
    .where(and(eq(s.applications.orgId, ref.orgId), eq(s.applications.clientId, ref.clientId)))
    .orderBy(asc(s.companies.name), asc(s.applications.roleTitle));
  return rows.map(({ a, company }) => ({
    company,
    roleTitle: a.roleTitle,
    status: a.status,
    archived: a.archivedAt !== null,
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
  }));
}

describe("importing the trackers people leave", () => {
  const test = useTestDatabase();

  async function setup() {
    const p = await createPractice(test.db);
    const ref = { orgId: p.org.id, clientId: p.client.membership.id };
    return { p, ref, api: callerFor(test.db, p.client.user), slug: { orgSlug: p.org.slug } };
  }

  it.each([
    ["jobsync-jobs.csv", "jobsync", 7],
    ["huntr-jobs.csv", "huntr", 5],
    ["teal-job-tracker.csv", "teal", 10],
    ["linkedin-job-applications.csv", "linkedin", 3],
  ])("%s imports with nothing to fix beyond confirming the preview", async (name, preset, rows) => {
    const { ref, api, slug } = await setup();
    const csv = fixture(name);
    const preview = await api.transfer.previewImport({ ...slug, csv });
    expect(preview.preset.id).toBe(preset);
    expect(preview.problemGroups).toEqual([]);
    expect(preview.statuses.filter((status) => status.target === null)).toEqual([]);
    expect(preview.canImport).toBe(true);
    const result = await api.transfer.importApplications({ ...slug, csv, preset: preview.preset.id, mapping: preview.mapping });
    expect(result).toMatchObject({ imported: true, created: rows });
    expect(await applicationsOf(test.db, ref)).toHaveLength(rows);
  });

  it("JobSync: Expired mapped to withdrawn, Archived archived, N/A stored as nothing", async () => {
    const { ref, api, slug } = await setup();
    const csv = fixture("jobsync-jobs.csv");
    const preview = await api.transfer.previewImport({ ...slug, csv, statusMap: { Expired: "withdrawn" } });
    expect(preview.statuses.find((st) => st.value === "Expired")!.target).toBe("withdrawn");
    await api.transfer.importApplications({ ...slug, csv, mapping: preview.mapping, statusMap: { Expired: "withdrawn" } });
    const apps = await applicationsOf(test.db, ref);
    expect(apps.find((a) => a.company === "Umbrella")).toMatchObject({ status: "withdrawn", archived: false, appliedOn: "2026-01-16" });
    expect(apps.find((a) => a.company === "Hooli")).toMatchObject({ status: "saved", archived: true, source: null });
    expect(apps.some((a) => a.company === "N/A" || a.location === "N/A")).toBe(false);
    const history = await test.db.select().from(s.applicationStatusHistory).where(eq(s.applicationStatusHistory.clientId, ref.clientId));
    const umbrella = history.find((h) => h.toStatus === "withdrawn")!;
    expect(umbrella.changedAt.toISOString()).toBe("2026-01-16T12:00:00.000Z");
  });

  it("the same file twice adds nothing the second time; 'update' refreshes what changed", async () => {
    const { ref, api, slug } = await setup();
    const csv = fixture("teal-job-tracker.csv");
    const first = await api.transfer.previewImport({ ...slug, csv });
    await api.transfer.importApplications({ ...slug, csv, mapping: first.mapping });

    const again = await api.transfer.previewImport({ ...slug, csv });
    expect(again.counts).toMatchObject({ create: 0, duplicatesExisting: 10 });
    expect(again.canImport).toBe(false);
    expect(again.summary).toMatch(/^Nothing to import: every row is already in your applications/);
    expect(again.preview[0]!.duplicate).toBe("existing");
    const refused = await api.transfer.importApplications({ ...slug, csv, mapping: first.mapping });
    expect(refused.imported).toBe(false);
    expect(await applicationsOf(test.db, ref)).toHaveLength(10);

    const changed = csv.replace("Data Engineer,Initech,Austin,,,Applied", "Data Engineer,Initech,Austin,,,Interviewing");
    const updating = await api.transfer.previewImport({ ...slug, csv: changed, duplicates: "update" });
    expect(updating.counts).toMatchObject({ create: 0, update: 10 });
    const result = await api.transfer.importApplications({ ...slug, csv: changed, mapping: first.mapping, duplicates: "update" });
    expect(result).toMatchObject({ imported: true, created: 0, updated: 10 });
    const apps = await applicationsOf(test.db, ref);
    expect(apps).toHaveLength(10);
    expect(apps.find((a) => a.company === "Initech")!.status).toBe("interviewing");
  });

  it("imported fields are filterable in the table", async () => {
    const { api, slug } = await setup();
    for (const name of ["teal-job-tracker.csv", "jobsync-jobs.csv"]) {
      const csv = fixture(name);
      const preview = await api.transfer.previewImport({ ...slug, csv });
      await api.transfer.importApplications({ ...slug, csv, mapping: preview.mapping });
    }
    const roles = async (filter: Record<string, unknown>) =>
      (await api.application.list({ ...slug, includeArchived: true, sort: "role", direction: "asc", ...filter })).map((row) => row.roleTitle);
    expect(await roles({ minExcitement: 5 })).toEqual(["Engineering Manager", "Platform Engineer", "Staff Engineer"]);
    expect(await roles({ workplaceType: ["remote"] })).toEqual(["Senior Engineer", "Site Reliability Engineer"]);
    expect(await roles({ jobType: ["contract"] })).toEqual(["Engineer, Platform"]);
    const first = (await api.application.list({ ...slug, search: "Product Designer" }))[0]!;
    await api.application.update({ ...slug, applicationId: first.id, tags: ["Dream"] });
    expect(await roles({ tag: "dream" })).toEqual(["Product Designer"]);
  });

  it("repeated rows within one file are imported once", async () => {
    const { ref, api, slug } = await setup();
    const csv = ["Company,Role,Link", "Acme,Designer,https://acme.example/1", "ACME,designer,acme.example/1/", "Acme,Designer,https://acme.example/2"].join("\n");
    const preview = await api.transfer.previewImport({ ...slug, csv });
    expect(preview.counts).toMatchObject({ create: 2, duplicatesInFile: 1 });
    expect(preview.preview[1]!.duplicate).toBe("file");
    await api.transfer.importApplications({ ...slug, csv, mapping: preview.mapping });
    expect(await applicationsOf(test.db, ref)).toHaveLength(2);
  });

  it("a database failure imports nothing and says so in a sentence, not the query", async () => {
    const { ref, api, slug } = await setup();
    await test.db.execute(sql`create or replace function refuse_sabotage() returns trigger language plpgsql as $$
      begin if new.role_title = 'Sabotage' then raise exception 'relation secret_internal_table violates something'; end if; return new; end $$`);
    await test.db.execute(sql`create trigger refuse_sabotage before insert on applications for each row execute function refuse_sabotage()`);
    try {
      const csv = ["Company,Role", "Acme,Designer", "Globex,Sabotage"].join("\n");
      const result = await api.transfer.importApplications({ ...slug, csv, mapping: { company: 0, roleTitle: 1 } });
      expect(result).toEqual({ imported: false, reason: "The import could not be saved, so nothing was imported. Try again in a moment." });
      expect(await applicationsOf(test.db, ref)).toEqual([]);
      const companies = await test.db.select().from(s.companies).where(eq(s.companies.clientId, ref.clientId));
      expect(companies).toEqual([]);
    } finally {
      await test.db.execute(sql`drop trigger refuse_sabotage on applications`);
    }
  });

  it("CSV round trip: our export re-imports into another account as the same applications", async () => {
    const { ref, api, slug } = await setup();
    const csv = fixture("huntr-jobs.csv");
    const preview = await api.transfer.previewImport({ ...slug, csv });
    await api.transfer.importApplications({ ...slug, csv, mapping: preview.mapping });
    const [one, two] = await test.db.select().from(s.applications).where(eq(s.applications.clientId, ref.clientId));
    await api.application.update({
      ...slug,
      applicationId: one!.id,
      tags: ["dream", "remote first"],
      excitement: 5,
      workplaceType: "hybrid",
      jobType: "full_time",
      postingSnapshot: 'Line one,\n"quoted" line two',
    });
    await api.application.archive({ ...slug, applicationId: two!.id });
    const original = await applicationsOf(test.db, ref);

    const exported = await api.transfer.exportData({ ...slug, format: "csv" });
    const file = exported.files.find((f) => f.fileName.endsWith("-applications.csv"))!;

    const other = await setup();
    const again = await other.api.transfer.previewImport({ ...other.slug, csv: file.content });
    expect(again.preset.id).toBe("followthrough");
    expect(again.problemGroups).toEqual([]);
    const result = await other.api.transfer.importApplications({ ...other.slug, csv: file.content, mapping: again.mapping, preset: "followthrough" });
    expect(result).toMatchObject({ imported: true, created: original.length });
    const copied = await applicationsOf(test.db, other.ref);
    expect(copied).toEqual(original);
  });
});
