import { TRPCError } from "@trpc/server";
import { addDays, addHours } from "date-fns";
import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as s from "../../../db/schema";
import { createContact, createInterview, createOrgWithEveryTable, createPractice } from "../../factories";
import { callerFor } from "../../helpers/callers";
import { useTestDatabase } from "../../helpers/db";

async function codeOf(promise: Promise<unknown>) {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

describe("applications", () => {
  const test = useTestDatabase();

  async function setup() {
    const p = await createPractice(test.db);
    const ref = { orgId: p.org.id, clientId: p.client.membership.id };
    const api = callerFor(test.db, p.client.user);
    const slug = { orgSlug: p.org.slug };
    return { p, ref, api, slug };
  }

  it("creates an application, reusing the client's company with the same name whatever its case", async () => {
    const { p, ref, api, slug } = await setup();
    const first = await api.application.create({ ...slug, companyName: "Acme Robotics", roleTitle: "Designer", jobUrl: "https://acme.example/jobs/1" });
    const second = await api.application.create({ ...slug, companyName: "  acme ROBOTICS ", roleTitle: "Lead designer", status: "applied" });
    expect(second.companyId).toBe(first.companyId);
    expect(second.companyReused).toBe(true);

    // Another client's company of the same name is never reused.
    const other = callerFor(test.db, p.otherClient.user);
    const theirs = await other.application.create({ ...slug, companyName: "Acme Robotics", roleTitle: "Designer" });
    expect(theirs.companyId).not.toBe(first.companyId);

    const companies = await test.db.select().from(s.companies).where(and(eq(s.companies.orgId, ref.orgId), eq(s.companies.clientId, ref.clientId)));
    expect(companies).toHaveLength(1);

    const detail = await api.application.byId({ ...slug, applicationId: second.id });
    expect(detail.application.status).toBe("applied");
    expect(detail.history.map((h) => [h.fromStatus, h.toStatus])).toEqual([[null, "applied"]]);
    expect(detail.timeline.map((a) => a.kind)).toEqual(["application.created"]);
    expect(detail.canEdit).toBe(true);
  });

  it("shows field errors for bad input", async () => {
    const { api, slug } = await setup();
    const error = await api.application.create({ ...slug, companyName: " ", roleTitle: "x", jobUrl: "javascript:alert(1)" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
  });

  it("records every status change in order, with an activity, and bumps the plan version", async () => {
    const { p, api, slug } = await setup();
    const { id } = await api.application.create({ ...slug, companyName: "Globex", roleTitle: "Engineer" });
    await api.application.changeStatus({ ...slug, applicationId: id, status: "applied" });
    await api.application.changeStatus({ ...slug, applicationId: id, status: "interviewing" });
    const same = await api.application.changeStatus({ ...slug, applicationId: id, status: "interviewing" });
    expect(same.changed).toBe(false);

    const history = await test.db
      .select()
      .from(s.applicationStatusHistory)
      .where(eq(s.applicationStatusHistory.applicationId, id))
      .orderBy(asc(s.applicationStatusHistory.changedAt));
    expect(history.map((h) => [h.fromStatus, h.toStatus])).toEqual([
      [null, "saved"],
      ["saved", "applied"],
      ["applied", "interviewing"],
    ]);
    for (const row of history) expect(row.changedByUserId).toBe(p.client.user.id);
    const [app] = await test.db.select().from(s.applications).where(eq(s.applications.id, id));
    expect(app!.planVersion).toBe(3);
    const activities = await test.db.select().from(s.activities).where(eq(s.activities.applicationId, id));
    expect(activities.filter((a) => a.kind === "application.status_changed")).toHaveLength(2);
  });

  it("on rejection drafts one gracious reply, discards open follow-up drafts and cancels the old reminders", async () => {
    const { ref, api, slug } = await setup();
    const { id } = await api.application.create({ ...slug, companyName: "Initech", roleTitle: "Analyst", status: "interviewing" });
    const interview = await createInterview(test.db, { ...ref, applicationId: id }, { startsAt: addDays(new Date(), 2), endsAt: addHours(addDays(new Date(), 2), 1) });
    const interviewer = await createContact(test.db, ref, { name: "Dana Reyes" });
    await test.db.insert(s.interviewParticipants).values({ ...ref, interviewId: interview.id, contactId: interviewer.id });
    const [checkIn] = await test.db
      .insert(s.drafts)
      .values({ ...ref, applicationId: id, kind: "check_in", subject: "Checking in", body: "Hello" })
      .returning();
    const [thanks] = await test.db
      .insert(s.drafts)
      .values({ ...ref, applicationId: id, kind: "thank_you", subject: "Thanks", body: "Thank you", status: "sent" })
      .returning();
    // Plan reminders for the interview as the app would have when it was scheduled.
    await api.application.update({ ...slug, applicationId: id, notes: "Scheduled" });
    await api.application.changeStatus({ ...slug, applicationId: id, status: "offer" });
    const before = await test.db.select().from(s.reminders).where(and(eq(s.reminders.applicationId, id), eq(s.reminders.status, "pending")));
    expect(before.length).toBeGreaterThan(0);

    await api.application.changeStatus({ ...slug, applicationId: id, status: "rejected" });
    await api.application.changeStatus({ ...slug, applicationId: id, status: "interviewing" });
    await api.application.changeStatus({ ...slug, applicationId: id, status: "rejected" });

    const replies = await test.db.select().from(s.drafts).where(and(eq(s.drafts.applicationId, id), eq(s.drafts.kind, "rejection_reply")));
    expect(replies).toHaveLength(1);
    expect(replies[0]!.generationKey).toBe(`rejection_reply/${id}`);
    expect(replies[0]!.contactId).toBe(interviewer.id);
    expect(replies[0]!.body).toContain("Dana");
    expect(replies[0]!.status).toBe("draft");

    const [discarded] = await test.db.select().from(s.drafts).where(eq(s.drafts.id, checkIn!.id));
    expect(discarded!.status).toBe("discarded");
    const [kept] = await test.db.select().from(s.drafts).where(eq(s.drafts.id, thanks!.id));
    expect(kept!.status).toBe("sent");

    // Every reminder planned before the rejection is cancelled; only rule 10's own remain.
    const pending = await test.db.select().from(s.reminders).where(and(eq(s.reminders.applicationId, id), eq(s.reminders.status, "pending")));
    expect(pending.map((r) => r.kind).every((kind) => kind === "rejection_follow_through" || kind === "reconnect")).toBe(true);
    for (const old of before) {
      const [row] = await test.db.select().from(s.reminders).where(eq(s.reminders.id, old.id));
      expect(row!.status).toBe("cancelled");
    }

    const detail = await api.application.byId({ ...slug, applicationId: id });
    expect(detail.drafts.filter((d) => d.kind === "rejection_reply")).toHaveLength(1);
    expect(detail.reminders.every((r) => r.status === "sent" || ["rejection_follow_through", "reconnect"].includes(r.kind))).toBe(true);
  });

  it("hides archived applications from the list and the board unless asked, and cancels their reminders", async () => {
    const { ref, api, slug } = await setup();
    const kept = await api.application.create({ ...slug, companyName: "Umbrella", roleTitle: "Chemist", status: "applied" });
    const gone = await api.application.create({ ...slug, companyName: "Hooli", roleTitle: "Engineer", status: "interviewing" });
    await createInterview(test.db, { ...ref, applicationId: gone.id });
    await api.application.update({ ...slug, applicationId: gone.id, source: "Referral" });
    await api.application.changeStatus({ ...slug, applicationId: gone.id, status: "offer" });
    await api.application.archive({ ...slug, applicationId: gone.id });

    const list = await api.application.list(slug);
    expect(list.map((r) => r.id)).toEqual([kept.id]);
    const all = await api.application.list({ ...slug, includeArchived: true });
    expect(all.map((r) => r.id).sort()).toEqual([kept.id, gone.id].sort());
    const board = await api.application.board(slug);
    const onBoard = board.columns.flatMap((c) => c.applications.map((a) => a.id));
    expect(onBoard).toEqual([kept.id]);
    expect(board.columns.find((c) => c.status === "applied")!.applications).toHaveLength(1);

    const pending = await test.db.select().from(s.reminders).where(and(eq(s.reminders.applicationId, gone.id), eq(s.reminders.status, "pending")));
    expect(pending).toHaveLength(0);

    await api.application.unarchive({ ...slug, applicationId: gone.id });
    expect((await api.application.list(slug)).map((r) => r.id).sort()).toEqual([kept.id, gone.id].sort());
  });

  it("filters by status and text, and sorts", async () => {
    const { ref, api, slug } = await setup();
    const a = await api.application.create({ ...slug, companyName: "Zeta Labs", roleTitle: "Data analyst", status: "applied" });
    const b = await api.application.create({ ...slug, companyName: "Alpha Corp", roleTitle: "Product manager", status: "interviewing" });
    const c = await api.application.create({ ...slug, companyName: "Midway 100%", roleTitle: "Data engineer", status: "saved" });
    await test.db.insert(s.commitments).values({ ...ref, applicationId: b.id, description: "Send portfolio", dueAt: addDays(new Date(), 1) });
    await test.db.insert(s.drafts).values({ ...ref, applicationId: b.id, kind: "thank_you", subject: "Thanks", body: "Thanks" });
    const upcoming = await createInterview(test.db, { ...ref, applicationId: b.id }, { startsAt: addDays(new Date(), 4) });
    await createInterview(test.db, { ...ref, applicationId: b.id }, { startsAt: addDays(new Date(), 9) });

    const data = await api.application.list({ ...slug, search: "data" });
    expect(data.map((r) => r.id).sort()).toEqual([a.id, c.id].sort());
    const byCompany = await api.application.list({ ...slug, search: "alpha" });
    expect(byCompany.map((r) => r.id)).toEqual([b.id]);
    // A percent sign is a character to find, not a wildcard.
    expect((await api.application.list({ ...slug, search: "100%" })).map((r) => r.id)).toEqual([c.id]);
    expect((await api.application.list({ ...slug, search: "%" })).map((r) => r.id)).toEqual([c.id]);

    const statuses = await api.application.list({ ...slug, status: ["applied", "interviewing"] });
    expect(statuses.map((r) => r.id).sort()).toEqual([a.id, b.id].sort());

    const companyAsc = await api.application.list({ ...slug, sort: "company", direction: "asc" });
    expect(companyAsc.map((r) => r.companyName)).toEqual(["Alpha Corp", "Midway 100%", "Zeta Labs"]);
    const statusDesc = await api.application.list({ ...slug, sort: "status", direction: "desc" });
    expect(statusDesc.map((r) => r.status)).toEqual(["interviewing", "applied", "saved"]);
    const roleAsc = await api.application.list({ ...slug, sort: "role", direction: "asc" });
    expect(roleAsc.map((r) => r.roleTitle)).toEqual(["Data analyst", "Data engineer", "Product manager"]);

    const row = statuses.find((r) => r.id === b.id)!;
    expect(row.companyName).toBe("Alpha Corp");
    expect(row.openCommitments).toBe(1);
    expect(row.openDrafts).toBe(1);
    expect(row.nextInterviewAt?.getTime()).toBe(upcoming.startsAt.getTime());
    expect(statuses.find((r) => r.id === a.id)!.nextInterviewAt).toBeNull();
  });

  it("updates the application and the company's research and challenges", async () => {
    const { api, slug } = await setup();
    const { id, companyId } = await api.application.create({ ...slug, companyName: "Vandelay", roleTitle: "Importer" });
    await api.application.update({ ...slug, applicationId: id, roleTitle: "Senior importer", jobUrl: "https://vandelay.example/job", source: "LinkedIn" });
    await api.company.update({ ...slug, companyId, researchNotes: "Latex and more", challenges: ["Slow customs clearance", "Hiring"], website: "https://vandelay.example" });
    const detail = await api.application.byId({ ...slug, applicationId: id });
    expect(detail.application).toMatchObject({ roleTitle: "Senior importer", jobUrl: "https://vandelay.example/job", source: "LinkedIn" });
    expect(detail.company).toMatchObject({ researchNotes: "Latex and more", challenges: ["Slow customs clearance", "Hiring"], website: "https://vandelay.example" });
    expect(detail.company.researchUpdatedAt).toBeInstanceOf(Date);

    await api.application.update({ ...slug, applicationId: id, jobUrl: "" });
    expect((await api.application.byId({ ...slug, applicationId: id })).application.jobUrl).toBeNull();

    expect(await codeOf(api.company.update({ ...slug, companyId, challenges: Array.from({ length: 21 }, (_, i) => `c${i}`) }))).toBe("BAD_REQUEST");
    expect(await codeOf(api.company.update({ ...slug, companyId, challenges: ["x".repeat(301)] }))).toBe("BAD_REQUEST");
    expect(await codeOf(api.company.update({ ...slug, companyId, researchNotes: "x".repeat(20_001) }))).toBe("BAD_REQUEST");

    const other = await api.application.create({ ...slug, companyName: "Kramerica", roleTitle: "Intern" });
    expect(await codeOf(api.company.update({ ...slug, companyId: other.companyId, name: "VANDELAY" }))).toBe("CONFLICT");
  });

  it("gathers who could put in a good word: contacts who know an interviewer or the company", async () => {
    const { ref, api, slug } = await setup();
    const { id, companyId } = await api.application.create({ ...slug, companyName: "Pied Piper", roleTitle: "Engineer", status: "interviewing" });
    const interview = await createInterview(test.db, { ...ref, applicationId: id });
    const interviewer = await createContact(test.db, ref, { name: "Richard", companyId });
    await test.db.insert(s.interviewParticipants).values({ ...ref, interviewId: interview.id, contactId: interviewer.id });
    const friend = await createContact(test.db, ref, { name: "Monica", role: "peer" });
    const insider = await createContact(test.db, ref, { name: "Jared", role: "referrer" });
    const stranger = await createContact(test.db, ref, { name: "Gavin" });
    const unrelated = await createContact(test.db, ref, { name: "Russ" });
    await test.db.insert(s.contactLinks).values([
      { ...ref, contactId: friend.id, knowsContactId: interviewer.id },
      { ...ref, contactId: insider.id, knowsCompanyId: companyId },
      { ...ref, contactId: stranger.id, knowsContactId: unrelated.id },
    ]);

    const detail = await api.application.byId({ ...slug, applicationId: id });
    expect(detail.goodWord.map((g) => g.name)).toEqual(["Jared", "Monica"]);
    expect(detail.contacts.map((c) => c.name)).toEqual(["Richard"]);
    expect(detail.interviews[0]!.participants.map((p) => p.name)).toEqual(["Richard"]);
    expect(detail.interviews[0]!.debriefStatus).toBe("upcoming");
  });

  it("lets the coach and owner read but not write, and hides the application from everyone else", async () => {
    const { p, api, slug } = await setup();
    const { id, companyId } = await api.application.create({ ...slug, companyName: "Hooli", roleTitle: "Engineer" });
    const about = { ...slug, clientId: p.client.membership.id };

    const coach = callerFor(test.db, p.coach.user);
    const owner = callerFor(test.db, p.owner.user);
    expect((await coach.application.byId({ ...about, applicationId: id })).canEdit).toBe(false);
    expect((await owner.application.list(about)).map((r) => r.id)).toEqual([id]);
    expect(await codeOf(coach.application.changeStatus({ ...about, applicationId: id, status: "applied" }))).toBe("FORBIDDEN");
    expect(await codeOf(owner.application.archive({ ...about, applicationId: id }))).toBe("FORBIDDEN");
    expect(await codeOf(coach.company.update({ ...about, companyId, researchNotes: "Mine" }))).toBe("FORBIDDEN");
    expect(await codeOf(coach.application.create({ ...about, companyName: "X", roleTitle: "Y" }))).toBe("FORBIDDEN");

    const otherCoach = callerFor(test.db, p.otherCoach.user);
    expect(await codeOf(otherCoach.application.byId({ ...about, applicationId: id }))).toBe("NOT_FOUND");

    // Another client asking for this id in their own scope finds nothing, and cannot change it.
    const otherClient = callerFor(test.db, p.otherClient.user);
    expect(await codeOf(otherClient.application.byId({ ...slug, applicationId: id }))).toBe("NOT_FOUND");
    expect(await codeOf(otherClient.application.changeStatus({ ...slug, applicationId: id, status: "rejected" }))).toBe("NOT_FOUND");
    expect(await codeOf(otherClient.company.update({ ...slug, companyId, researchNotes: "Mine" }))).toBe("NOT_FOUND");
    const [row] = await test.db.select().from(s.applications).where(eq(s.applications.id, id));
    expect(row!.status).toBe("saved");
  });

  it("answers NOT_FOUND for another organisation's application and company", async () => {
    const { api, slug } = await setup();
    const foreign = await createOrgWithEveryTable(test.db);
    expect(await codeOf(api.application.byId({ ...slug, applicationId: foreign.application.id }))).toBe("NOT_FOUND");
    expect(await codeOf(api.application.update({ ...slug, applicationId: foreign.application.id, notes: "x" }))).toBe("NOT_FOUND");
    expect(await codeOf(api.application.changeStatus({ ...slug, applicationId: foreign.application.id, status: "rejected" }))).toBe("NOT_FOUND");
    expect(await codeOf(api.application.archive({ ...slug, applicationId: foreign.application.id }))).toBe("NOT_FOUND");
    expect(await codeOf(api.company.update({ ...slug, companyId: foreign.application.companyId, researchNotes: "x" }))).toBe("NOT_FOUND");
    const [row] = await test.db.select().from(s.applications).where(eq(s.applications.id, foreign.application.id));
    expect(row!.status).toBe("applied");
    expect(row!.archivedAt).toBeNull();

    // The other organisation's client cannot reach this organisation's data at all.
    const { id } = await api.application.create({ ...slug, companyName: "Local", roleTitle: "Role" });
    const intruder = callerFor(test.db, foreign.client.user);
    expect(await codeOf(intruder.application.byId({ orgSlug: foreign.org.slug, applicationId: id }))).toBe("NOT_FOUND");
    expect(await codeOf(intruder.application.byId({ ...slug, applicationId: id }))).toBe("NOT_FOUND");
  });
});
