import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import * as s from "../../../db/schema";
import { EXPORT_SCHEMA_VERSION } from "../../../server/services/exports/export-data";
import { createApplication, createCompany, createOrg, createOrgWithEveryTable, createMember } from "../../factories";
import { callerFor } from "../../helpers/callers";
import { useTestDatabase } from "../../helpers/db";

const SECTIONS = [
  "profile",
  "companies",
  "applications",
  "applicationStatusHistory",
  "interviews",
  "interviewParticipants",
  "contacts",
  "contactLinks",
  "commitments",
  "drafts",
  "draftComments",
  "reminders",
  "activities",
  "sharedCoachNotes",
  "nudges",
];

describe("data export", () => {
  const test = useTestDatabase();

  /** A practice with a row in every table for the client, plus noise the export must leave out. */
  async function setup() {
    const p = await createOrgWithEveryTable(test.db);
    const ref = { orgId: p.org.id, clientId: p.client.membership.id };
    await test.db
      .update(s.users)
      .set({ passwordHash: "scrypt$secret-hash", calendarToken: `calendar-secret-token-${randomUUID()}` })
      .where(eq(s.users.id, p.client.user.id));
    await test.db.insert(s.coachNotes).values({ ...ref, authorMembershipId: p.coach.membership.id, visibility: "shared", body: "Shared: great energy" });
    // The factory's note is private; add one more, unmistakable.
    await test.db.insert(s.coachNotes).values({ ...ref, authorMembershipId: p.coach.membership.id, visibility: "private", body: "PRIVATE-NOTE-MARKER" });
    // A reminder about the client but addressed to their coach is the coach's, not the client's.
    await test.db.insert(s.reminders).values({
      orgId: p.org.id,
      recipientMembershipId: p.coach.membership.id,
      clientId: p.client.membership.id,
      kind: "coach_nudge",
      reason: "COACH-REMINDER-MARKER",
      dueAt: new Date(),
      dedupeKey: `coach-reminder/${p.client.membership.id}`,
    });
    // Another client in the same practice, and the same person as a client in another practice.
    const theirs = await createApplication(test.db, { orgId: p.org.id, clientId: p.otherClient.membership.id }, { roleTitle: "OTHER-CLIENT-ROLE" });
    const elsewhere = await createOrg(test.db);
    const sameUserElsewhere = await createMember(test.db, elsewhere.id, "client", p.client.user);
    await createCompany(test.db, { orgId: elsewhere.id, clientId: sameUserElsewhere.membership.id }, { name: "OTHER-ORG-COMPANY" });
    return { p, ref, theirs, api: callerFor(test.db, p.client.user), slug: { orgSlug: p.org.slug } };
  }

  it("exports every table of the client's own data as one JSON file", async () => {
    const { p, theirs, api, slug } = await setup();
    const result = await api.transfer.exportData({ ...slug, format: "json" });
    expect(result.format).toBe("json");
    expect(result.files).toHaveLength(1);
    const [file] = result.files;
    expect(file!.fileName).toMatch(/^followthrough-export-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(file!.content);

    expect(data.schemaVersion).toBe(EXPORT_SCHEMA_VERSION);
    expect(Number.isNaN(Date.parse(data.exportedAt))).toBe(false);
    for (const section of SECTIONS) expect(data, section).toHaveProperty(section);
    expect(data.profile).toMatchObject({ userId: p.client.user.id, email: p.client.user.email, organizationSlug: p.org.slug, membershipId: p.client.membership.id });
    expect(data.applications.map((a: { id: string }) => a.id)).toEqual([p.application.id]);
    expect(data.interviews.map((i: { id: string }) => i.id)).toEqual([p.interview.id]);
    expect(data.interviewParticipants).toHaveLength(1);
    expect(data.contacts).toHaveLength(2);
    expect(data.contactLinks).toHaveLength(1);
    expect(data.commitments.map((c: { id: string }) => c.id)).toEqual([p.commitment.id]);
    expect(data.drafts.map((d: { id: string }) => d.id)).toEqual([p.draft.id]);
    expect(data.draftComments).toHaveLength(1);
    expect(data.applicationStatusHistory).toHaveLength(1);
    expect(data.reminders.map((r: { kind: string }) => r.kind)).toEqual(["commitment_due"]);
    expect(data.activities).toHaveLength(1);
    expect(data.sharedCoachNotes.map((n: { body: string }) => n.body)).toEqual(["Shared: great energy"]);
    expect(data.nudges).toHaveLength(1);

    const text = file!.content;
    for (const leak of ["PRIVATE-NOTE-MARKER", "Strong start", "COACH-REMINDER-MARKER", "OTHER-CLIENT-ROLE", "OTHER-ORG-COMPANY", theirs.id]) {
      expect(text, leak).not.toContain(leak);
    }
    for (const secret of ["scrypt$secret-hash", "calendar-secret-token", "passwordHash", "calendarToken", "dedupeKey", "providerMessageId"]) {
      expect(text, secret).not.toContain(secret);
    }
  });

  it("exports one CSV file per table, guarding cells against formula injection", async () => {
    const { p, api, slug } = await setup();
    await createApplication(test.db, { orgId: p.org.id, clientId: p.client.membership.id }, { roleTitle: '=HYPERLINK("http://evil.example","x")', notes: "@SUM(A1)" });
    const result = await api.transfer.exportData({ ...slug, format: "csv" });
    expect(result.format).toBe("csv");
    expect(result.files.map((f) => f.fileName.replace(/^followthrough-export-\d{4}-\d{2}-\d{2}-/, ""))).toEqual([
      "profile.csv",
      "companies.csv",
      "applications.csv",
      "application-status-history.csv",
      "interviews.csv",
      "interview-participants.csv",
      "contacts.csv",
      "contact-links.csv",
      "commitments.csv",
      "drafts.csv",
      "draft-comments.csv",
      "reminders.csv",
      "activities.csv",
      "shared-coach-notes.csv",
      "nudges.csv",
    ]);
    const applications = result.files.find((f) => f.fileName.endsWith("-applications.csv"))!;
    expect(applications.content.startsWith("\uFEFF")).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(applications.content.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.data).toHaveLength(2);
    const evil = parsed.data.find((row) => row.roleTitle?.includes("HYPERLINK"))!;
    expect(evil.roleTitle).toBe(`'=HYPERLINK("http://evil.example","x")`);
    expect(evil.notes).toBe("'@SUM(A1)");

    const all = result.files.map((f) => f.content).join("\n");
    for (const leak of ["PRIVATE-NOTE-MARKER", "OTHER-CLIENT-ROLE", "OTHER-ORG-COMPANY", "scrypt$secret-hash", "calendar-secret-token"]) {
      expect(all, leak).not.toContain(leak);
    }
    // An empty table still has its header row.
    const emptyish = result.files.find((f) => f.fileName.endsWith("-shared-coach-notes.csv"))!;
    expect(emptyish.content.split("\r\n")[0]).toBe("\uFEFFid,authorName,body,createdAt,updatedAt");
  });

  it("is the client's alone: coaches and owners are refused, other tenants are not found", async () => {
    const { p, slug } = await setup();
    const about = { ...slug, clientId: p.client.membership.id, format: "json" as const };
    const code = (promise: Promise<unknown>) => promise.then(() => "ok", (e: unknown) => (e instanceof TRPCError ? e.code : String(e)));
    expect(await code(callerFor(test.db, p.coach.user).transfer.exportData(about))).toBe("FORBIDDEN");
    expect(await code(callerFor(test.db, p.owner.user).transfer.exportData(about))).toBe("FORBIDDEN");
    expect(await code(callerFor(test.db, p.otherCoach.user).transfer.exportData(about))).toBe("NOT_FOUND");
    expect(await code(callerFor(test.db, p.otherClient.user).transfer.exportData(about))).toBe("NOT_FOUND");
    const foreign = await createOrg(test.db);
    expect(await code(callerFor(test.db, p.client.user).transfer.exportData({ orgSlug: foreign.slug, format: "json" }))).toBe("NOT_FOUND");
  });
});
