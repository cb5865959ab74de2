import { addDays, addHours } from "date-fns";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { withOrg } from "../../../db";
import * as s from "../../../db/schema";
import { unsafeClaimDueReminders } from "../../../server/delivery/batch";
import { replanApplication } from "../../../server/services/reminders/replan";
import { createApplication, createCommitment, createContact, createInterview, createPractice } from "../../factories";
import { useTestDatabase } from "../../helpers/db";

const NOW = new Date("2026-06-01T12:00:00Z");

describe("re-planning an application's reminders", () => {
  const test = useTestDatabase();

  async function setup() {
    const p = await createPractice(test.db);
    const ref = { orgId: p.org.id, clientId: p.client.membership.id };
    const application = await createApplication(test.db, ref, { status: "interviewing", statusChangedAt: addDays(NOW, -10) });
    const interview = await createInterview(test.db, { ...ref, applicationId: application.id }, { startsAt: addDays(NOW, 3), endsAt: addHours(addDays(NOW, 3), 1) });
    const contact = await createContact(test.db, ref);
    await test.db.insert(s.interviewParticipants).values({ ...ref, interviewId: interview.id, contactId: contact.id });
    const commitment = await createCommitment(test.db, ref, { applicationId: application.id, dueAt: addDays(NOW, 2) });
    return { p, ref, application, interview, commitment };
  }

  const pending = (orgId: string, applicationId: string) =>
    test.db
      .select({ kind: s.reminders.kind, key: s.reminders.dedupeKey, dueAt: s.reminders.dueAt })
      .from(s.reminders)
      .where(and(eq(s.reminders.orgId, orgId), eq(s.reminders.applicationId, applicationId), eq(s.reminders.status, "pending")));

  it("writes the planned reminders as outbox rows inside the tenant transaction, once", async () => {
    const { p, application } = await setup();
    const first = await withOrg(test.db, p.org.id, (tx) => replanApplication(tx, { orgId: p.org.id, applicationId: application.id }, NOW));
    const rows = await pending(p.org.id, application.id);
    expect(rows.map((r) => r.kind).sort()).toEqual(["commitment_due", "commitment_overdue", "debrief", "prepare"]);
    expect(first.inserted).toHaveLength(4);
    for (const row of rows) expect(row.dueAt.getTime()).toBeGreaterThanOrEqual(NOW.getTime());

    const again = await withOrg(test.db, p.org.id, (tx) => replanApplication(tx, { orgId: p.org.id, applicationId: application.id }, NOW));
    expect(again).toEqual({ inserted: [], cancelled: [], revived: [] });
    expect(await pending(p.org.id, application.id)).toHaveLength(4);
  });

  it("cancels everything pending when the application is rejected", async () => {
    const { p, application } = await setup();
    await withOrg(test.db, p.org.id, (tx) => replanApplication(tx, { orgId: p.org.id, applicationId: application.id }, NOW));
    await test.db
      .update(s.applications)
      .set({ status: "rejected", statusChangedAt: NOW, planVersion: 2 })
      .where(eq(s.applications.id, application.id));
    const result = await withOrg(test.db, p.org.id, (tx) => replanApplication(tx, { orgId: p.org.id, applicationId: application.id }, NOW));
    expect(result.cancelled).toHaveLength(4);
    const kinds = (await pending(p.org.id, application.id)).map((r) => r.kind).sort();
    expect(kinds).toEqual(["reconnect", "rejection_follow_through"]);
  });

  it("replaces an interview's reminders when it is rescheduled (new plan version)", async () => {
    const { p, application, interview } = await setup();
    await withOrg(test.db, p.org.id, (tx) => replanApplication(tx, { orgId: p.org.id, applicationId: application.id }, NOW));
    const before = (await pending(p.org.id, application.id)).filter((r) => r.key.includes(interview.id));
    await test.db
      .update(s.interviews)
      .set({ startsAt: addDays(NOW, 5), endsAt: addHours(addDays(NOW, 5), 1), planVersion: 2 })
      .where(eq(s.interviews.id, interview.id));
    await withOrg(test.db, p.org.id, (tx) => replanApplication(tx, { orgId: p.org.id, applicationId: application.id }, NOW));
    const after = (await pending(p.org.id, application.id)).filter((r) => r.key.includes(interview.id));
    expect(after.map((r) => r.key).sort()).toEqual(before.map((r) => r.key.replace("/v1", "/v2")).sort());
    for (const row of after) expect(row.key.endsWith("/v2")).toBe(true);
  });

  it("keeps a send in flight exclusive: cancelling leaves its lease, so a revived row is not claimed under another key", async () => {
    const { ref, application, commitment } = await setup();
    const replan = (now: Date) => withOrg(test.db, ref.orgId, (tx) => replanApplication(tx, { orgId: ref.orgId, applicationId: application.id }, now));
    await replan(NOW);
    const [due] = await test.db
      .select()
      .from(s.reminders)
      .where(and(eq(s.reminders.commitmentId, commitment.id), eq(s.reminders.kind, "commitment_due")));
    const sendTime = due!.dueAt;
    const lease = addHours(sendTime, 1);
    // A worker claimed it and is talking to the provider under the reminder's own key.
    await test.db.update(s.reminders).set({ leaseUntil: lease }).where(eq(s.reminders.id, due!.id));

    await test.db.update(s.commitments).set({ doneAt: sendTime }).where(eq(s.commitments.id, commitment.id));
    await replan(sendTime);
    expect((await reminderRow(due!.id))).toMatchObject({ status: "cancelled", leaseUntil: lease });

    await test.db.update(s.commitments).set({ doneAt: null }).where(eq(s.commitments.id, commitment.id));
    await replan(sendTime);
    expect((await reminderRow(due!.id))).toMatchObject({ status: "pending", leaseUntil: lease });
    const claimed = await unsafeClaimDueReminders(test.db, { now: sendTime, dueBy: sendTime, lease: addHours(sendTime, 2), limit: 10 });
    expect(claimed.map((r) => r.id)).not.toContain(due!.id);
  });

  const reminderRow = async (id: string) => (await test.db.select().from(s.reminders).where(eq(s.reminders.id, id)))[0];
});
