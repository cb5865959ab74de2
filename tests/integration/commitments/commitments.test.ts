import { addDays } from "date-fns";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as s from "../../../db/schema";
import { createApplication, createCommitment, createContact, createOrgWithEveryTable, createPractice } from "../../factories";
import { inDays } from "../../factories/workspace";
import { callerFor } from "../../helpers/callers";
import { useTestDatabase } from "../../helpers/db";
import { expectError, pendingReminders } from "../interviews/helpers";

describe("commitments", () => {
  const test = useTestDatabase();

  async function setup() {
    const p = await createPractice(test.db);
    const ref = { orgId: p.org.id, clientId: p.client.membership.id };
    const application = await createApplication(test.db, ref, { status: "interviewing" });
    return { p, ref, application, api: callerFor(test.db, p.client.user), orgSlug: p.org.slug };
  }

  it("plans reminders for a new commitment, cancels them when done, and brings them back when reopened", async () => {
    const { p, ref, application, api, orgSlug } = await setup();
    const contact = await createContact(test.db, ref);
    const commitment = await api.commitment.create({ orgSlug, description: "Send references", dueAt: inDays(3), applicationId: application.id, contactId: contact.id });
    expect(commitment.source).toBe("self");
    const keys = async () => (await pendingReminders(test.db, p.org.id, application.id)).map((r) => r.key).sort();
    expect(await keys()).toEqual([`commitment_due/${commitment.id}/v1`, `commitment_overdue/${commitment.id}/v1`]);

    const done = await api.commitment.complete({ orgSlug, commitmentId: commitment.id });
    expect(done.doneAt).toBeInstanceOf(Date);
    expect(await keys()).toEqual([]);
    // Completing twice changes nothing.
    expect((await api.commitment.complete({ orgSlug, commitmentId: commitment.id })).doneAt).toEqual(done.doneAt);

    await api.commitment.reopen({ orgSlug, commitmentId: commitment.id });
    expect(await keys()).toEqual([`commitment_due/${commitment.id}/v1`, `commitment_overdue/${commitment.id}/v1`]);
  });

  it("lists open ones soonest first with an overdue flag, and done ones apart", async () => {
    const { ref, api, orgSlug } = await setup();
    const late = await createCommitment(test.db, ref, { description: "Late one", dueAt: addDays(new Date(), -1) });
    const soon = await createCommitment(test.db, ref, { description: "Soon", dueAt: inDays(1) });
    await createCommitment(test.db, ref, { description: "Kept", dueAt: inDays(-3), doneAt: inDays(-4) });
    const open = await api.commitment.list({ orgSlug, status: "open" });
    expect(open.map((c) => [c.id, c.overdue])).toEqual([
      [late.id, true],
      [soon.id, false],
    ]);
    const done = await api.commitment.list({ orgSlug, status: "done" });
    expect(done.map((c) => [c.description, c.overdue])).toEqual([["Kept", false]]);
  });

  it("validates input and refuses other clients' and organisations' rows", async () => {
    const { p, api, orgSlug } = await setup();
    await expectError(api.commitment.create({ orgSlug, description: "", dueAt: inDays(1) }), "BAD_REQUEST", "description");
    await expectError(api.commitment.create({ orgSlug, description: "x".repeat(501), dueAt: inDays(1) }), "BAD_REQUEST", "description");
    const theirs = await createCommitment(test.db, { orgId: p.org.id, clientId: p.otherClient.membership.id });
    await expectError(api.commitment.complete({ orgSlug, commitmentId: theirs.id }), "NOT_FOUND");
    const theirContact = await createContact(test.db, { orgId: p.org.id, clientId: p.otherClient.membership.id });
    await expectError(api.commitment.create({ orgSlug, description: "Call", dueAt: inDays(1), contactId: theirContact.id }), "NOT_FOUND");
    const foreign = await createOrgWithEveryTable(test.db);
    await expectError(api.commitment.complete({ orgSlug, commitmentId: foreign.commitment.id }), "NOT_FOUND");
    await expectError(api.commitment.create({ orgSlug, description: "Call", dueAt: inDays(1), applicationId: foreign.application.id }), "NOT_FOUND");
    const [untouched] = await test.db.select().from(s.commitments).where(eq(s.commitments.id, foreign.commitment.id));
    expect(untouched!.doneAt).toBeNull();

    const coach = callerFor(test.db, p.coach.user);
    await expectError(coach.commitment.create({ orgSlug, clientId: p.client.membership.id, description: "Call", dueAt: inDays(1) }), "FORBIDDEN");
    expect(await coach.commitment.list({ orgSlug, clientId: p.client.membership.id, status: "all" })).toEqual([]);
  });
});
