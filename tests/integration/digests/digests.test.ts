import { addDays, addHours } from "date-fns";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as s from "../../../db/schema";
import { deliverReminder } from "../../../server/delivery/deliver";
import { unsafePlanWeeklyDigests } from "../../../server/digests/schedule";
import {
  assignCoach,
  createApplication,
  createCommitment,
  createContact,
  createInterview,
  createMember,
  createOrg,
  createUser,
} from "../../factories";
import { useTestDatabase } from "../../helpers/db";

/** Wednesday 25 November 2026, noon in London: the next digests are due Monday 30 November. */
const WEDNESDAY = new Date("2026-11-25T12:00:00Z");
const MONDAY_0800_LONDON = new Date("2026-11-30T08:00:00Z");

describe("weekly digests", () => {
  const test = useTestDatabase();

  beforeAll(() => {
    vi.stubEnv("RESEND_API_KEY", "");
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  const digestsOf = (membershipIds: string[]) =>
    test.db.select().from(s.reminders).where(inArray(s.reminders.recipientMembershipId, membershipIds));
  const emailTo = async (email: string) => test.db.select().from(s.outboxEmails).where(eq(s.outboxEmails.to, email));

  async function practice() {
    const org = await createOrg(test.db, { name: "Harbour Coaching" });
    const client = await createMember(test.db, org.id, "client", await createUser(test.db, { name: "Jordan Lee", timeZone: "Europe/London" }));
    const coach = await createMember(test.db, org.id, "coach", await createUser(test.db, { name: "Maya Chen", timeZone: "Europe/London" }));
    await assignCoach(test.db, org.id, coach.membership.id, client.membership.id);
    return { org, client, coach, ref: { orgId: org.id, clientId: client.membership.id } };
  }

  describe("planning", () => {
    it("gives every active client, and every coach with clients, one row for their Monday 08:00", async () => {
      const { org, client, coach } = await practice();
      const idleCoach = await createMember(test.db, org.id, "coach");
      const owner = await createMember(test.db, org.id, "owner");
      const archived = await createMember(test.db, org.id, "client");
      await test.db.update(s.memberships).set({ status: "archived" }).where(eq(s.memberships.id, archived.membership.id));
      const switchedOff = await createMember(test.db, org.id, "client", await createUser(test.db, { reminderPreferences: { client_digest: false } }));

      await unsafePlanWeeklyDigests(test.db, WEDNESDAY);
      const ids = [client, coach, idleCoach, owner, archived, switchedOff].map((m) => m.membership.id);
      const rows = await digestsOf(ids);
      expect(rows.map((r) => [r.recipientMembershipId, r.kind, r.dedupeKey, r.dueAt.toISOString()]).sort()).toEqual(
        [
          [client.membership.id, "client_digest", `client_digest/${client.membership.id}/2026-W49`, MONDAY_0800_LONDON.toISOString()],
          [coach.membership.id, "coach_digest", `coach_digest/${coach.membership.id}/2026-W49`, MONDAY_0800_LONDON.toISOString()],
        ].sort(),
      );
      expect(rows.find((r) => r.kind === "client_digest")).toMatchObject({ clientId: client.membership.id, status: "pending" });
      expect(rows.find((r) => r.kind === "coach_digest")).toMatchObject({ clientId: null });
    });

    it("writes each digest once however often it runs, and re-times a pending one when the zone changes", async () => {
      const { client } = await practice();
      const first = await unsafePlanWeeklyDigests(test.db, WEDNESDAY);
      const again = await unsafePlanWeeklyDigests(test.db, addHours(WEDNESDAY, 1));
      const [row] = await digestsOf([client.membership.id]);
      expect(first.planned).toContain(row!.id);
      expect(again.planned).not.toContain(row!.id);
      expect(await digestsOf([client.membership.id])).toHaveLength(1);

      await test.db.update(s.users).set({ timeZone: "Asia/Tokyo" }).where(eq(s.users.id, client.user.id));
      const moved = await unsafePlanWeeklyDigests(test.db, addHours(WEDNESDAY, 2));
      expect(moved.planned).toContain(row!.id);
      const [retimed] = await digestsOf([client.membership.id]);
      expect(retimed).toMatchObject({ id: row!.id, dueAt: new Date("2026-11-29T23:00:00Z") });
    });

    it("never touches a digest already sent, and plans next week's once this week's has gone", async () => {
      const { client } = await practice();
      await unsafePlanWeeklyDigests(test.db, WEDNESDAY);
      const [row] = await digestsOf([client.membership.id]);
      await test.db.update(s.reminders).set({ status: "sent", sentAt: MONDAY_0800_LONDON }).where(eq(s.reminders.id, row!.id));
      // Now in New York, where this Monday's 08:00 is still ahead: the sent row keeps its time.
      await test.db.update(s.users).set({ timeZone: "America/New_York" }).where(eq(s.users.id, client.user.id));
      expect((await unsafePlanWeeklyDigests(test.db, addHours(MONDAY_0800_LONDON, 2))).planned).toEqual([]);
      expect(await digestsOf([client.membership.id])).toMatchObject([{ id: row!.id, status: "sent", dueAt: MONDAY_0800_LONDON }]);

      await unsafePlanWeeklyDigests(test.db, addHours(MONDAY_0800_LONDON, 24));
      const rows = await digestsOf([client.membership.id]);
      expect(rows.map((r) => r.dedupeKey).sort()).toEqual([row!.dedupeKey, `client_digest/${client.membership.id}/2026-W50`]);
      expect(rows.find((r) => r.id !== row!.id)!.dueAt).toEqual(new Date("2026-12-07T13:00:00Z"));
    });
  });

  describe("delivery", () => {
    it("sends a client their week: interviews, promises, overdue thank-yous, drafts and companies to research", async () => {
      const { client, ref, coach } = await practice();
      const application = await createApplication(test.db, ref, { roleTitle: "Supply Planner", status: "interviewing" });
      await test.db.update(s.companies).set({ name: "Ridgeway Foods" }).where(eq(s.companies.id, application.companyId));
      await createInterview(test.db, { ...ref, applicationId: application.id }, { startsAt: addDays(MONDAY_0800_LONDON, 2), kind: "onsite" });
      const past = await createInterview(
        test.db,
        { ...ref, applicationId: application.id },
        { startsAt: addDays(MONDAY_0800_LONDON, -4), endsAt: addHours(addDays(MONDAY_0800_LONDON, -4), 1), status: "completed" },
      );
      const priya = await createContact(test.db, ref, { name: "Priya Raman", companyId: application.companyId });
      const tomas = await createContact(test.db, ref, { name: "Tomás Alves", companyId: application.companyId });
      await test.db.insert(s.interviewParticipants).values([
        { ...ref, interviewId: past.id, contactId: priya.id },
        { ...ref, interviewId: past.id, contactId: tomas.id, thankYouSentAt: addDays(MONDAY_0800_LONDON, -4) },
      ]);
      await createCommitment(test.db, ref, { applicationId: application.id, description: "Send the route-planning spreadsheet", dueAt: addDays(MONDAY_0800_LONDON, 3) });
      await createCommitment(test.db, ref, { applicationId: application.id, description: "Share two references", dueAt: addDays(MONDAY_0800_LONDON, -2) });
      await test.db.insert(s.drafts).values({ ...ref, applicationId: application.id, interviewId: past.id, contactId: priya.id, kind: "thank_you", subject: "Thank you, Priya", body: "Thanks." });

      await unsafePlanWeeklyDigests(test.db, WEDNESDAY);
      const [digest] = (await digestsOf([client.membership.id])).filter((r) => r.kind === "client_digest");
      expect(await deliverReminder(test.db, digest!.id, { now: addDays(MONDAY_0800_LONDON, -1) })).toMatchObject({ status: "not_claimed", why: "not_due" });
      expect(await deliverReminder(test.db, digest!.id, { now: MONDAY_0800_LONDON })).toMatchObject({ status: "sent" });
      expect(await deliverReminder(test.db, digest!.id, { now: addHours(MONDAY_0800_LONDON, 1) })).toMatchObject({ status: "not_claimed", why: "sent" });

      const [email, ...more] = await emailTo(client.user.email);
      expect(more).toHaveLength(0);
      expect(email!.subject).toBe("Your week ahead: 1 interview, 2 overdue, 1 follow-up due, 1 draft waiting");
      expect(email!.text).toContain("Ridgeway Foods, Supply Planner");
      expect(email!.text).toContain("Send the route-planning spreadsheet");
      expect(email!.text).toContain("Share two references");
      expect(email!.text).toContain("Thank-you note to Priya Raman");
      expect(email!.text).not.toContain("Thank-you note to Tomás Alves");
      expect(email!.text).toContain("What's new at Ridgeway Foods?");
      expect(email!.headers).toHaveProperty("List-Unsubscribe");
      // The coach's own digest is a different email, to a different person.
      expect(await emailTo(coach.user.email)).toHaveLength(0);
    });

    it("cancels a client's digest when there is nothing to plan, instead of sending an empty email", async () => {
      const { client } = await practice();
      await unsafePlanWeeklyDigests(test.db, WEDNESDAY);
      const [digest] = (await digestsOf([client.membership.id])).filter((r) => r.kind === "client_digest");
      expect(await deliverReminder(test.db, digest!.id, { now: MONDAY_0800_LONDON })).toMatchObject({ status: "cancelled", reason: "subject_closed" });
      expect(await emailTo(client.user.email)).toHaveLength(0);
    });

    it("tells a coach about their own clients only: what moved, what is overdue, who went quiet", async () => {
      const { org, client, coach, ref } = await practice();
      const application = await createApplication(test.db, ref, { roleTitle: "Data Analyst", status: "interviewing" });
      await test.db.update(s.companies).set({ name: "Lumen Freight" }).where(eq(s.companies.id, application.companyId));
      await test.db.insert(s.applicationStatusHistory).values({
        ...ref,
        applicationId: application.id,
        fromStatus: "applied",
        toStatus: "interviewing",
        changedAt: addDays(MONDAY_0800_LONDON, -2),
      });
      await test.db.insert(s.activities).values({ ...ref, kind: "status_changed", summary: "Moved", occurredAt: addDays(MONDAY_0800_LONDON, -2) });
      await createCommitment(test.db, ref, { description: "Send the portfolio link", dueAt: addDays(MONDAY_0800_LONDON, -1) });

      const quiet = await createMember(test.db, org.id, "client", await createUser(test.db, { name: "Amara Osei" }));
      await assignCoach(test.db, org.id, coach.membership.id, quiet.membership.id);
      await test.db.update(s.memberships).set({ createdAt: addDays(MONDAY_0800_LONDON, -60) }).where(eq(s.memberships.id, quiet.membership.id));

      // Someone else's client, in this practice and in another: never in Maya's digest.
      const stranger = await createMember(test.db, org.id, "client", await createUser(test.db, { name: "Felix Brandt" }));
      const strangerApp = await createApplication(test.db, { orgId: org.id, clientId: stranger.membership.id }, { roleTitle: "Hidden Role" });
      await createCommitment(test.db, { orgId: org.id, clientId: stranger.membership.id }, { applicationId: strangerApp.id, description: "Secret promise", dueAt: addDays(MONDAY_0800_LONDON, -1) });
      const otherOrg = await createOrg(test.db);
      const outsider = await createMember(test.db, otherOrg.id, "client", await createUser(test.db, { name: "Outside Person" }));
      await createCommitment(test.db, { orgId: otherOrg.id, clientId: outsider.membership.id }, { description: "Other practice's promise", dueAt: addDays(MONDAY_0800_LONDON, -1) });

      await unsafePlanWeeklyDigests(test.db, WEDNESDAY);
      const [digest] = (await digestsOf([coach.membership.id])).filter((r) => r.kind === "coach_digest");
      expect(await deliverReminder(test.db, digest!.id, { now: MONDAY_0800_LONDON })).toMatchObject({ status: "sent" });

      const [email] = await emailTo(coach.user.email);
      expect(email!.subject).toMatch(/1 moved/);
      expect(email!.text).toContain("Jordan Lee");
      expect(email!.text).toContain("Lumen Freight, Data Analyst: Applied → Interviewing");
      expect(email!.text).toContain("Send the portfolio link");
      expect(email!.text).toMatch(/Amara Osei[^\n]*quiet since/);
      for (const hidden of ["Felix Brandt", "Hidden Role", "Secret promise", "Outside Person", "Other practice's promise"]) {
        expect(email!.text).not.toContain(hidden);
        expect(email!.html).not.toContain(hidden);
      }
      expect(email!.text).toContain(`/${org.slug}/clients/${client.membership.id}`);
    });

    it("cancels a coach's digest once they have no clients left, and respects a switch turned off after planning", async () => {
      const { org, client, coach } = await practice();
      await unsafePlanWeeklyDigests(test.db, WEDNESDAY);
      const rows = await digestsOf([coach.membership.id, client.membership.id]);
      await test.db
        .delete(s.coachAssignments)
        .where(and(eq(s.coachAssignments.orgId, org.id), eq(s.coachAssignments.coachMembershipId, coach.membership.id)));
      await test.db.update(s.users).set({ reminderPreferences: { client_digest: false } }).where(eq(s.users.id, client.user.id));

      const coachDigest = rows.find((r) => r.kind === "coach_digest")!;
      const clientDigest = rows.find((r) => r.kind === "client_digest")!;
      expect(await deliverReminder(test.db, coachDigest.id, { now: MONDAY_0800_LONDON })).toMatchObject({ status: "cancelled", reason: "subject_closed" });
      expect(await deliverReminder(test.db, clientDigest.id, { now: MONDAY_0800_LONDON })).toMatchObject({ status: "cancelled", reason: "preference_off" });
      expect(await emailTo(coach.user.email)).toHaveLength(0);
    });
  });
});
