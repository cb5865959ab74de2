import { addDays, addHours, addMinutes, subDays, subHours } from "date-fns";
import type { Database } from "../../../db";
import * as s from "../../../db/schema";
import { createApplication, createCommitment, createContact, createInterview } from "../../factories";

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/**
 * One client's follow-through, built by hand around `now` (org zone UTC, default policy: a 24 h
 * thank-you window, check-ins 7 days after by default):
 * - thank-you notes: 4 due, 2 on time (one emailed within 2 h, one handwritten at 20 h; one late at
 *   30 h; one missing). Not due: a note for an interview that ended 2 h ago; a cancelled interview.
 * - check-ins: 2 due, 1 on time (agreed date 6 days ago, draft sent the next day; a default date
 *   5 days ago with nothing sent).
 * - commitments: 3 due, 1 on time (done early; done late; open and overdue). One due tomorrow.
 * Total 4 / 9. Follow-ups due today: 1; overdue: 1 pending reminder + 1 open commitment.
 */
export async function followThroughFixture(db: Database, ref: { orgId: string; clientId: string }, now = new Date()) {
  const application = await createApplication(db, ref, { status: "interviewing", statusChangedAt: subDays(now, 40) });
  const appRef = { ...ref, applicationId: application.id };
  const people = await Promise.all([1, 2, 3, 4, 5, 6].map(() => createContact(db, ref)));

  const i1Start = subHours(subDays(now, 10), 1);
  const i1 = await createInterview(db, appRef, {
    startsAt: i1Start, endsAt: addHours(i1Start, 1), status: "completed", debriefedAt: addHours(i1Start, 2), agreedCheckInOn: isoDate(subDays(now, 6)),
  });
  const i2Start = subHours(subDays(now, 12), 1);
  const i2 = await createInterview(db, appRef, { startsAt: i2Start, endsAt: addHours(i2Start, 1), status: "completed", debriefedAt: addHours(i2Start, 2) });
  const i3Start = subHours(now, 3);
  const i3 = await createInterview(db, appRef, { startsAt: i3Start, endsAt: addHours(i3Start, 1), status: "completed" });
  const i4Start = subDays(now, 10);
  const i4 = await createInterview(db, appRef, { startsAt: i4Start, endsAt: addHours(i4Start, 1), status: "cancelled" });

  const p = (interviewId: string, contactId: string, extra: Partial<typeof s.interviewParticipants.$inferInsert> = {}) => ({ ...ref, interviewId, contactId, ...extra });
  await db.insert(s.interviewParticipants).values([
    p(i1.id, people[0]!.id, { thankYouSentAt: addHours(i1.endsAt, 2) }),
    p(i1.id, people[1]!.id, { thankYouSentAt: addHours(i1.endsAt, 30) }),
    p(i1.id, people[2]!.id),
    p(i2.id, people[3]!.id, { thankYouSentAt: addHours(i2.endsAt, 20), thankYouHandwritten: true }),
    p(i3.id, people[4]!.id),
    p(i4.id, people[5]!.id),
  ]);
  // I1's check-in: agreed 6 days ago, sent the day after (inside the 2-day grace).
  const agreed = new Date(`${isoDate(subDays(now, 6))}T12:00:00Z`);
  await db.insert(s.drafts).values({ ...appRef, interviewId: i1.id, kind: "check_in", subject: "Checking in", body: "Hi", status: "sent", sentAt: addDays(agreed, 1) });

  await createCommitment(db, ref, { dueAt: subDays(now, 3), doneAt: subDays(now, 4) });
  await createCommitment(db, ref, { dueAt: subDays(now, 3), doneAt: subDays(now, 1) });
  await createCommitment(db, ref, { dueAt: subDays(now, 2) });
  await createCommitment(db, ref, { dueAt: addDays(now, 1) });

  const endOfToday = new Date(`${isoDate(now)}T23:59:59.000Z`);
  const reminder = (kind: (typeof s.reminderKind.enumValues)[number], dueAt: Date, status: "pending" | "sent" = "pending") => ({
    orgId: ref.orgId, recipientMembershipId: ref.clientId, clientId: ref.clientId, kind, reason: "test", dueAt, status,
    dedupeKey: `${kind}/${crypto.randomUUID()}/v1`,
  });
  await db.insert(s.reminders).values([
    reminder("prepare", new Date(Math.min(+addMinutes(now, 5), +endOfToday))),
    reminder("debrief", subHours(now, 1)),
    reminder("thank_you_due", subHours(now, 5), "sent"),
    reminder("coach_nudge", subHours(now, 1)),
    reminder("prepare", addDays(now, 2)),
  ]);
  await db.insert(s.activities).values({ ...ref, kind: "interview.debriefed", summary: "Debriefed", occurredAt: subDays(now, 1) });
  return { application };
}
