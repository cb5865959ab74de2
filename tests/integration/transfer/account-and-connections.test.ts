import { readFileSync } from "node:fs";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as s from "../../../db/schema";
import { createApplication, createCompany, createContact, createOrgWithEveryTable, createPractice } from "../../factories";
import { callerFor } from "../../helpers/callers";
import { useTestDatabase } from "../../helpers/db";

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/imports/${name}`, import.meta.url), "utf8");

/** An export's sections with ids replaced by what they point at, so two accounts compare by content. */
function comparable(data: Record<string, unknown>) {
  const json = data as Record<string, Array<Record<string, unknown>>>;
  const names = new Map<string, string>();
  for (const c of json.companies!) names.set(c.id as string, `company:${c.name}`);
  for (const a of json.applications!) names.set(a.id as string, `application:${a.roleTitle}`);
  for (const c of json.contacts!) names.set(c.id as string, `contact:${c.name}`);
  for (const i of json.interviews!) names.set(i.id as string, `interview:${names.get(i.applicationId as string)}:${i.round}`);
  const strip = (rows: Array<Record<string, unknown>>, drop: string[] = []) =>
    rows.map((row) =>
      Object.fromEntries(
        Object.entries(row)
          .filter(([key]) => !["id", "updatedAt", ...drop].includes(key))
          .map(([key, value]) => [key, typeof value === "string" && names.has(value) ? names.get(value) : value]),
      ),
    );
  return {
    companies: strip(json.companies!),
    applications: strip(json.applications!),
    applicationStatusHistory: strip(json.applicationStatusHistory!),
    interviews: strip(json.interviews!),
    interviewParticipants: strip(json.interviewParticipants!),
    contacts: strip(json.contacts!),
    contactLinks: strip(json.contactLinks!),
    commitments: strip(json.commitments!),
    drafts: strip(json.drafts!),
  };
}

describe("JSON import of a whole export", () => {
  const test = useTestDatabase();

  it("restores everything into an empty account: the same records, new ids", async () => {
    const p = await createOrgWithEveryTable(test.db);
    const api = callerFor(test.db, p.client.user);
    const exported = await api.transfer.exportData({ orgSlug: p.org.slug, format: "json" });
    const json = exported.files[0]!.content;

    const other = await createPractice(test.db);
    const otherApi = callerFor(test.db, other.client.user);
    const result = await otherApi.transfer.importAccount({ orgSlug: other.org.slug, json });
    expect(result).toMatchObject({ imported: true, counts: { applications: 1, interviews: 1, contacts: 2, commitments: 1, drafts: 1 } });

    const again = await otherApi.transfer.exportData({ orgSlug: other.org.slug, format: "json" });
    const before = JSON.parse(json) as Record<string, unknown>;
    const after = JSON.parse(again.files[0]!.content) as Record<string, unknown>;
    expect(comparable(after)).toEqual(comparable(before));
    const ids = (data: Record<string, unknown>) => (data.applications as Array<{ id: string }>).map((a) => a.id);
    expect(ids(after)).not.toEqual(ids(before));
  });

  it("refuses what does not fit, with the reason, and writes nothing", async () => {
    const p = await createOrgWithEveryTable(test.db);
    const api = callerFor(test.db, p.client.user);
    const json = (await api.transfer.exportData({ orgSlug: p.org.slug, format: "json" })).files[0]!.content;
    const other = await createPractice(test.db);
    const otherApi = callerFor(test.db, other.client.user);
    const slug = { orgSlug: other.org.slug };

    expect(await otherApi.transfer.importAccount({ ...slug, json: "not json" })).toEqual({ imported: false, reason: expect.stringMatching(/not valid JSON/) });
    expect(await otherApi.transfer.importAccount({ ...slug, json: JSON.stringify({ ...JSON.parse(json), schemaVersion: 99 }) })).toEqual({
      imported: false,
      reason: expect.stringMatching(/format version/),
    });
    const broken = JSON.parse(json) as { companies: unknown[] };
    broken.companies = [];
    expect(await otherApi.transfer.importAccount({ ...slug, json: JSON.stringify(broken) })).toEqual({
      imported: false,
      reason: expect.stringMatching(/^Application ".+" refers to a company \(.+\) that is not in the file/),
    });
    const rows = await test.db.select().from(s.applications).where(eq(s.applications.clientId, other.client.membership.id));
    expect(rows).toEqual([]);

    // Only into an empty account: the exporter's own account is not.
    expect(await api.transfer.importAccount({ orgSlug: p.org.slug, json })).toEqual({ imported: false, reason: expect.stringMatching(/only goes into an empty account/) });
  });
});

describe("LinkedIn connections", () => {
  const test = useTestDatabase();

  it("imports Connections.csv into contacts, skipping the notes above the header and matching people already there", async () => {
    const p = await createPractice(test.db);
    const ref = { orgId: p.org.id, clientId: p.client.membership.id };
    const api = callerFor(test.db, p.client.user);
    const slug = { orgSlug: p.org.slug };
    const acme = await createCompany(test.db, ref, { name: "Acme Inc" });
    const application = await createApplication(test.db, ref, { companyId: acme.id });
    const globex = await createCompany(test.db, ref, { name: "GLOBEX" });
    const globexApp = await createApplication(test.db, ref, { companyId: globex.id });
    await createContact(test.db, ref, { name: "Priya Raman", email: null, title: null });

    const csv = fixture("linkedin-connections.csv");
    const preview = await api.contact.previewLinkedInConnections({ ...slug, csv });
    expect(preview).toMatchObject({ error: null, total: 5, newCount: 4, matchedCount: 1 });

    const result = await api.contact.importLinkedInConnections({ ...slug, csv });
    expect(result).toEqual({ imported: true, created: 4, matched: 1, updated: 1 });
    const people = await test.db.select().from(s.contacts).where(and(eq(s.contacts.orgId, ref.orgId), eq(s.contacts.clientId, ref.clientId)));
    expect(people).toHaveLength(5);
    expect(people.find((c) => c.name === "José Álvarez")).toMatchObject({ email: "jose@example.com", employer: "Acme, Inc.", title: "Recruiter", companyId: acme.id, connectedOn: "2024-03-02", linkedinUrl: "https://www.linkedin.com/in/jose-alvarez" });
    expect(people.find((c) => c.name === "Priya Raman")).toMatchObject({ employer: "Globex", title: "Engineering Director", linkedinUrl: "https://www.linkedin.com/in/priya-raman" });

    // Twice is once.
    const again = await api.contact.importLinkedInConnections({ ...slug, csv });
    expect(again).toMatchObject({ imported: true, created: 0, matched: 5 });

    // "You know 2 people at Acme": "Acme, Inc." and "Acme Inc." both work there.
    const detail = await api.application.byId({ ...slug, applicationId: application.id });
    expect(detail.peopleAtCompany.map((person) => person.name).sort()).toEqual(["José Álvarez", "Mei Chen"]);
    const globexDetail = await api.application.byId({ ...slug, applicationId: globexApp.id });
    expect(globexDetail.peopleAtCompany.map((person) => person.name).sort()).toEqual(["Priya Raman", "Sam Okafor"]);

    // The networking-ask rule names them once the application is re-planned.
    await api.application.changeStatus({ ...slug, applicationId: globexApp.id, status: "interviewing" });
    const suggestions = await test.db
      .select()
      .from(s.reminders)
      .where(and(eq(s.reminders.orgId, ref.orgId), eq(s.reminders.applicationId, globexApp.id), eq(s.reminders.kind, "networking_suggestion")));
    expect(suggestions).toHaveLength(1);
    expect(suggestions[0]!.reason).toMatch(/Priya Raman knows GLOBEX/);

    // Another client sees none of them.
    const otherApi = callerFor(test.db, p.otherClient.user);
    const otherCompany = await createCompany(test.db, { orgId: p.org.id, clientId: p.otherClient.membership.id }, { name: "Acme Inc" });
    const otherApp = await createApplication(test.db, { orgId: p.org.id, clientId: p.otherClient.membership.id }, { companyId: otherCompany.id });
    expect((await otherApi.application.byId({ ...slug, applicationId: otherApp.id })).peopleAtCompany).toEqual([]);
  });

  it("refuses a file that is not Connections.csv", async () => {
    const p = await createPractice(test.db);
    const api = callerFor(test.db, p.client.user);
    const result = await api.contact.importLinkedInConnections({ orgSlug: p.org.slug, csv: "Company,Role\nAcme,Designer\n" });
    expect(result).toEqual({ imported: false, reason: expect.stringMatching(/not LinkedIn's Connections.csv/) });
  });
});
