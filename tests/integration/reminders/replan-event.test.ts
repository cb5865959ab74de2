import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as s from "../../../db/schema";
import { replanForEvent } from "../../../server/services/reminders/replan-event";
import { createApplication } from "../../factories";
import { createWorld } from "../../helpers/callers";
import { useTestDatabase } from "../../helpers/db";

// The workflow engine is the outside world: record the events a committed request publishes.
const published = vi.hoisted(() => ({ events: [] as Array<{ name: string; data: Record<string, unknown> }> }));
vi.mock("../../../server/inngest/enqueue", () => ({
  enqueueReminders: async () => ({ mode: "inngest", enqueued: 0 }),
  announceCancelledReminders: async () => {},
  announceWorkflowEvents: async (events: Array<{ name: string; data: Record<string, unknown> }>) => {
    published.events.push(...events.map(({ name, data }) => ({ name, data })));
  },
}));

describe("workflow events and the re-plan they trigger", () => {
  const test = useTestDatabase();
  beforeEach(() => {
    published.events.length = 0;
  });

  async function scheduled() {
    const w = await createWorld(test.db);
    const application = await createApplication(test.db, { orgId: w.org.id, clientId: w.client.membership.id }, { status: "applied" });
    const interview = await w.as("clientSelf").interview.schedule({
      orgSlug: w.org.slug,
      applicationId: application.id,
      kind: "video",
      date: "2031-03-04",
      startTime: "10:00",
      durationMinutes: 45,
      timeZone: "Europe/London",
      interviewerIds: [],
      newInterviewers: [],
    });
    const pending = () =>
      test.db
        .select({ id: s.reminders.id, dedupeKey: s.reminders.dedupeKey })
        .from(s.reminders)
        .where(and(eq(s.reminders.applicationId, application.id), eq(s.reminders.status, "pending")));
    return { w, application, interview, pending };
  }

  it("publishes ids only, after the commit: an interview scheduled, a status changed", async () => {
    const { w, application, interview } = await scheduled();
    expect(published.events).toEqual([{ name: "followthrough/interview.scheduled", data: { orgId: w.org.id, interviewId: interview.id } }]);
    await w.as("clientSelf").application.changeStatus({ orgSlug: w.org.slug, applicationId: application.id, status: "rejected" });
    expect(published.events.at(-1)).toEqual({ name: "followthrough/application.status-changed", data: { orgId: w.org.id, applicationId: application.id } });
  });

  it("publishes nothing for a refused change", async () => {
    const w = await createWorld(test.db);
    const application = await createApplication(test.db, { orgId: w.org.id, clientId: w.client.membership.id });
    await expect(
      w.as("otherClient").application.changeStatus({ orgSlug: w.org.slug, applicationId: application.id, status: "rejected" }),
    ).rejects.toThrow();
    expect(published.events).toEqual([]);
  });

  it("re-planning on the event changes nothing the request already planned, and never duplicates", async () => {
    const { w, interview, pending } = await scheduled();
    const before = await pending();
    expect(before.length).toBeGreaterThan(0);
    const { result } = await replanForEvent(test.db, { orgId: w.org.id, interviewId: interview.id });
    expect(result).toEqual({ inserted: [], cancelled: [], revived: [] });
    expect((await pending()).sort((a, b) => a.id.localeCompare(b.id))).toEqual(before.sort((a, b) => a.id.localeCompare(b.id)));
  });

  it("repairs a plan that drifted outside the request path", async () => {
    const { w, interview, pending } = await scheduled();
    const before = await pending();
    await test.db.update(s.reminders).set({ status: "cancelled", cancelledAt: new Date() }).where(eq(s.reminders.interviewId, interview.id));
    const { result, handoff } = await replanForEvent(test.db, { orgId: w.org.id, interviewId: interview.id });
    expect(result.revived.length).toBeGreaterThan(0);
    expect(handoff.requested.sort()).toEqual(result.revived.sort());
    expect((await pending()).map((r) => r.dedupeKey).sort()).toEqual(before.map((r) => r.dedupeKey).sort());
  });

  it("cannot reach another organisation's interview, whatever the event claims", async () => {
    const { w, interview, pending } = await scheduled();
    await test.db.update(s.reminders).set({ status: "cancelled", cancelledAt: new Date() }).where(eq(s.reminders.interviewId, interview.id));
    const { applicationId, result } = await replanForEvent(test.db, { orgId: w.foreignOrg.id, interviewId: interview.id });
    expect(applicationId).toBeNull();
    expect(result).toEqual({ inserted: [], cancelled: [], revived: [] });
    expect(await pending()).toEqual([]);
  });
});
