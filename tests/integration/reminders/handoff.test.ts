import { addDays } from "date-fns";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as s from "../../../db/schema";
import { createApplication } from "../../factories";
import { createWorld } from "../../helpers/callers";
import { useTestDatabase } from "../../helpers/db";

// The workflow engine is the outside world here: record what would be handed to it.
const handedOver = vi.hoisted(() => ({ requested: [] as string[][], cancelled: [] as string[][] }));
vi.mock("../../../server/inngest/enqueue", () => ({
  enqueueReminders: async (_db: unknown, ids: readonly string[]) => {
    handedOver.requested.push([...ids]);
    return { mode: "inngest", enqueued: ids.length };
  },
  announceCancelledReminders: async (ids: readonly string[]) => {
    handedOver.cancelled.push([...ids]);
  },
  announceWorkflowEvents: async () => {},
}));

describe("handing new reminders to the workflow engine", () => {
  const test = useTestDatabase();
  beforeEach(() => {
    handedOver.requested.length = 0;
    handedOver.cancelled.length = 0;
  });

  it("hands over exactly the reminders a committed change scheduled, after the commit", async () => {
    const w = await createWorld(test.db);
    const application = await createApplication(test.db, { orgId: w.org.id, clientId: w.client.membership.id });
    const { id: commitmentId } = await w
      .as("clientSelf")
      .commitment.create({ orgSlug: w.org.slug, description: "Send references", dueAt: addDays(new Date(), 3), applicationId: application.id });

    const pending = await test.db
      .select({ id: s.reminders.id })
      .from(s.reminders)
      .where(and(eq(s.reminders.commitmentId, commitmentId), eq(s.reminders.status, "pending")));
    expect(pending.length).toBeGreaterThan(0);
    expect(handedOver.requested.flat().sort()).toEqual(pending.map((r) => r.id).sort());

    await w.as("clientSelf").commitment.complete({ orgSlug: w.org.slug, commitmentId });
    expect(handedOver.cancelled.flat().sort()).toEqual(pending.map((r) => r.id).sort());
  });
});
