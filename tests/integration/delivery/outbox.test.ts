import { addDays, addHours, addSeconds } from "date-fns";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as s from "../../../db/schema";
import { deliverReminder, type Send } from "../../../server/delivery/deliver";
import { createDeliveryScheduler } from "../../../server/delivery/scheduler";
import { deliverDueReminders } from "../../../server/delivery/sweep";
import { signUnsubscribeToken, unsafeApplyUnsubscribe, verifyUnsubscribeToken } from "../../../server/delivery/unsubscribe";
import { sendEmail } from "../../../server/email/send";
import { createContact, createInterview, createMember } from "../../factories";
import { useTestDatabase } from "../../helpers/db";
import { createClientWithPipeline, insertReminders, reminderById, reminderFor, T0, type Pipeline } from "./fixtures";

/** Without RESEND_API_KEY (the embedded default) every reminder lands in the local outbox, once. */
describe("delivery into the local outbox", () => {
  const test = useTestDatabase();

  beforeAll(() => {
    vi.stubEnv("RESEND_API_KEY", "");
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  const outboxFor = (keys: string[]) =>
    test.db.select().from(s.outboxEmails).where(inArray(s.outboxEmails.idempotencyKey, keys));

  /** A client with something for every reminder kind the playbook plans, and a coach's nudge. */
  async function richPipeline() {
    const p = await createClientWithPipeline(test.db, { commitments: 2 });
    const { ref, application } = p;
    const priya = await createContact(test.db, ref, { name: "Priya Raman", title: "Head of Design", companyId: application.companyId });
    const sam = await createContact(test.db, ref, { name: "Sam Okafor", role: "peer", howWeKnow: "the design meetup in Leeds" });
    await test.db.insert(s.contactLinks).values({ ...ref, contactId: sam.id, knowsContactId: priya.id });
    const debriefed = await createInterview(
      test.db,
      { ...ref, applicationId: application.id },
      {
        startsAt: addDays(T0, -8),
        endsAt: addHours(addDays(T0, -8), 1),
        status: "completed",
        debriefedAt: addDays(T0, -8),
        agreedCheckInOn: "2026-03-02",
        preferredChannel: "email",
      },
    );
    await test.db.insert(s.interviewParticipants).values({ ...ref, interviewId: debriefed.id, contactId: priya.id, discussed: "onboarding" });
    await test.db.update(s.commitments).set({ contactId: priya.id }).where(eq(s.commitments.id, p.commitments[0]!.id));
    const [thankYou, checkIn] = await test.db
      .insert(s.drafts)
      .values([
        { ...ref, applicationId: application.id, interviewId: debriefed.id, contactId: priya.id, kind: "thank_you", subject: "Thank you, Priya", body: "Thanks for the chat." },
        { ...ref, applicationId: application.id, interviewId: debriefed.id, contactId: priya.id, kind: "check_in", subject: "Checking in", body: "Any news?" },
        { ...ref, applicationId: application.id, contactId: sam.id, kind: "networking_ask", subject: "A small favour", body: "Would you mention me?" },
        { ...ref, applicationId: application.id, kind: "rejection_reply", subject: "Thank you for considering me", body: "Thanks all the same." },
      ])
      .returning();
    const coach = await createMember(test.db, ref.orgId, "coach");
    const [nudge] = await test.db
      .insert(s.nudges)
      .values({ ...ref, coachMembershipId: coach.membership.id, message: "How did the portfolio review go?" })
      .returning();
    const onDebriefed = (kind: "thank_you_due" | "check_in") =>
      reminderFor(p, kind, { interviewId: debriefed.id, planVersion: 1, dedupeKey: `${kind}/${debriefed.id}/v1` });
    const rows = await insertReminders(test.db, [
      reminderFor(p, "prepare"),
      reminderFor(p, "debrief"),
      onDebriefed("thank_you_due"),
      onDebriefed("check_in"),
      reminderFor(p, "commitment_due", { commitmentId: p.commitments[0]!.id }),
      reminderFor(p, "commitment_overdue", { commitmentId: p.commitments[1]!.id }),
      reminderFor(p, "proposal_suggestion"),
      reminderFor(p, "networking_suggestion"),
      reminderFor(p, "rejection_follow_through"),
      reminderFor(p, "reconnect"),
      reminderFor(p, "coach_nudge", { applicationId: null, dedupeKey: `coach_nudge/${nudge!.id}` }),
    ]);
    return { p, rows, thankYou: thankYou!, checkIn: checkIn!, coach };
  }

  it("delivers every planned kind and a coach's nudge, one outbox email per reminder, even when swept twice", async () => {
    const { p, rows, thankYou, checkIn, coach } = await richPipeline();
    const first = await deliverDueReminders(test.db, { now: T0 });
    expect(first).toMatchObject({ picked: rows.length, sent: rows.length, failed: 0, cancelled: 0, errors: 0 });
    expect(await deliverDueReminders(test.db, { now: addHours(T0, 1) })).toMatchObject({ picked: 0 });

    const outbox = await outboxFor(rows.map((r) => r.dedupeKey));
    expect(outbox).toHaveLength(rows.length);
    const byKey = new Map(outbox.map((email) => [email.idempotencyKey, email]));
    for (const row of rows) {
      const email = byKey.get(row.dedupeKey)!;
      expect(email.to).toBe(p.user.email);
      expect(email.orgId).toBe(p.ref.orgId);
      expect(email.tags).toEqual({ kind: row.kind, reminder_id: row.id });
      expect(email.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
      expect(email.text).toContain(`Hi ${p.user.name!.split(" ")[0]}`);
      expect(await reminderById(test.db, row.id)).toMatchObject({ status: "sent", providerMessageId: email.id });
    }
    const text = (kind: string) => byKey.get(rows.find((r) => r.kind === kind)!.dedupeKey)!.text;
    expect(text("thank_you_due")).toContain("Priya Raman");
    expect(text("thank_you_due")).toContain(`/drafts/${thankYou.id}`);
    expect(text("check_in")).toContain("Any news?");
    expect(text("check_in")).toContain(`/drafts/${checkIn.id}`);
    expect(text("networking_suggestion")).toContain("Sam Okafor knows Priya Raman");
    expect(text("commitment_due")).toContain("Priya Raman");
    expect(text("proposal_suggestion")).toContain("slow onboarding");
    expect(text("coach_nudge")).toContain("How did the portfolio review go?");
    expect(text("coach_nudge")).toContain(coach.user.name!);
    expect(text("prepare")).toContain(`/${p.org.slug}/interviews/${p.interview.id}`);
  });

  it("keeps one outbox email through crashes after the store and through racing workers", async () => {
    const p = await createClientWithPipeline(test.db, { commitments: 2 });
    const [crashing, raced] = await insertReminders(test.db, [
      reminderFor(p, "commitment_due", { commitmentId: p.commitments[0]!.id }),
      reminderFor(p, "commitment_due", { commitmentId: p.commitments[1]!.id }),
    ]);
    const crashAfterStore: Send = async (db, email) => {
      await sendEmail(db, email);
      throw new Error("killed after the outbox insert");
    };
    await expect(deliverReminder(test.db, crashing!.id, { now: T0, send: crashAfterStore })).rejects.toThrow("killed");
    const retried = await deliverReminder(test.db, crashing!.id, { now: addSeconds(T0, 61) });

    const outcomes = await Promise.all([1, 2, 3].map(() => deliverReminder(test.db, raced!.id, { now: T0 })));
    expect(outcomes.filter((o) => o.status === "sent")).toHaveLength(1);

    const outbox = await outboxFor([crashing!.dedupeKey, raced!.dedupeKey]);
    expect(outbox).toHaveLength(2);
    expect(retried).toMatchObject({ status: "sent", providerMessageId: outbox.find((e) => e.idempotencyKey === crashing!.dedupeKey)!.id });
  });

  it("sends nothing for a switched-off kind or a suppressed address", async () => {
    const p = await createClientWithPipeline(test.db, { commitments: 1 });
    const [off, on] = await insertReminders(test.db, [reminderFor(p, "debrief"), reminderFor(p, "prepare")]);
    await test.db.update(s.users).set({ reminderPreferences: { debrief: false } }).where(eq(s.users.id, p.user.id));
    expect(await deliverReminder(test.db, off!.id, { now: T0 })).toMatchObject({ status: "cancelled", reason: "preference_off" });
    expect(await deliverReminder(test.db, on!.id, { now: T0 })).toMatchObject({ status: "sent" });

    const q = await createClientWithPipeline(test.db, { commitments: 1 });
    const [bounced] = await insertReminders(test.db, [reminderFor(q, "prepare")]);
    await test.db.insert(s.emailSuppressions).values({ email: q.user.email, reason: "complaint" });
    expect(await deliverReminder(test.db, bounced!.id, { now: T0 })).toMatchObject({ status: "failed", reason: "suppressed" });

    expect(await outboxFor([off!.dedupeKey, bounced!.dedupeKey])).toHaveLength(0);
    expect(await outboxFor([on!.dedupeKey])).toHaveLength(1);
  });

  it("honours the unsubscribe link: a signed token switches that kind off for the person, and nothing else", async () => {
    const p: Pipeline = await createClientWithPipeline(test.db, { commitments: 1 });
    const token = signUnsubscribeToken(p.membership.id, "prepare");
    expect(verifyUnsubscribeToken(token)).toEqual({ membershipId: p.membership.id, kind: "prepare" });
    expect(verifyUnsubscribeToken(token.replace("prepare", "debrief"))).toBeNull();
    expect(verifyUnsubscribeToken(`${token.slice(0, -2)}xx`)).toBeNull();
    expect(verifyUnsubscribeToken(signUnsubscribeToken(p.membership.id, "prepare", "another-secret-of-16+"))).toBeNull();
    expect(await unsafeApplyUnsubscribe(test.db, "not.a.token")).toBeNull();

    expect(await unsafeApplyUnsubscribe(test.db, token)).toEqual({ userId: p.user.id, kind: "prepare" });
    expect(await unsafeApplyUnsubscribe(test.db, token)).toEqual({ userId: p.user.id, kind: "prepare" });
    const [user] = await test.db.select().from(s.users).where(eq(s.users.id, p.user.id));
    expect(user!.reminderPreferences).toEqual({ prepare: false });

    const [prepare, debrief] = await insertReminders(test.db, [reminderFor(p, "prepare"), reminderFor(p, "debrief")]);
    expect(await deliverReminder(test.db, prepare!.id, { now: T0 })).toMatchObject({ status: "cancelled", reason: "preference_off" });
    expect(await deliverReminder(test.db, debrief!.id, { now: T0 })).toMatchObject({ status: "sent" });
  });

  it("runs from the in-process schedule without overlapping sweeps", async () => {
    const p = await createClientWithPipeline(test.db, { commitments: 3 });
    const dueAt = new Date(Date.now() - 60_000);
    const rows = await insertReminders(
      test.db,
      p.commitments.map((c) => reminderFor(p, "commitment_due", { commitmentId: c.id, dueAt })),
    );
    const log = { info: vi.fn(), error: vi.fn() };
    const scheduler = createDeliveryScheduler({ db: () => test.db, intervalMs: 10, log });
    const [first, overlapping] = await Promise.all([scheduler.tick(), scheduler.tick()]);
    expect(overlapping).toBeNull();
    expect(first).toMatchObject({ sent: rows.length });

    const [late] = await insertReminders(test.db, [reminderFor(p, "prepare", { dueAt })]);
    scheduler.start();
    await vi.waitFor(async () => expect((await reminderById(test.db, late!.id)).status).toBe("sent"), { timeout: 10_000 });
    await scheduler.stop();
    expect(log.error).not.toHaveBeenCalled();
    expect(await outboxFor([...rows, late!].map((r) => r.dedupeKey))).toHaveLength(rows.length + 1);
  });
});
