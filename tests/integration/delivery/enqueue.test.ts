import { addHours } from "date-fns";
import type { Inngest } from "inngest";
import { describe, expect, it } from "vitest";
import { announceCancelledReminders, enqueueReminders } from "../../../server/inngest/enqueue";
import { inngestConfigured } from "../../../server/inngest/mode";
import { useTestDatabase } from "../../helpers/db";
import { createClientWithPipeline, insertReminders, reminderFor, T0 } from "./fixtures";

type SentEvent = { name: string; id?: string; ts?: number; data: Record<string, unknown>; validate?: () => Promise<void> };

function recordingClient() {
  const sent: SentEvent[] = [];
  const client = {
    send: async (payload: SentEvent | SentEvent[]) => {
      sent.push(...(Array.isArray(payload) ? payload : [payload]));
      return { ids: [] };
    },
  } as unknown as Pick<Inngest, "send">;
  return { client, sent };
}

describe("handing reminders to Inngest", () => {
  const test = useTestDatabase();

  it("is configured by an event key or INNGEST_DEV, and otherwise leaves delivery to the sweep", async () => {
    expect(inngestConfigured({ INNGEST_EVENT_KEY: undefined, INNGEST_DEV: undefined })).toBe(false);
    expect(inngestConfigured({ INNGEST_EVENT_KEY: "key", INNGEST_DEV: undefined })).toBe(true);
    expect(inngestConfigured({ INNGEST_EVENT_KEY: undefined, INNGEST_DEV: "1" })).toBe(true);

    const { client, sent } = recordingClient();
    const p = await createClientWithPipeline(test.db, { commitments: 1 });
    const [row] = await insertReminders(test.db, [reminderFor(p, "prepare")]);
    expect(await enqueueReminders(test.db, [row!.id], { client, configured: false })).toEqual({ mode: "sweep", enqueued: 0 });
    await announceCancelledReminders([row!.id], { client, configured: false });
    expect(sent).toEqual([]);
  });

  it("sends one reminder.requested per pending row, keyed by its dedupe key and timed to start when due", async () => {
    const { client, sent } = recordingClient();
    const p = await createClientWithPipeline(test.db, { commitments: 1 });
    const [overdue, future, cancelled] = await insertReminders(test.db, [
      reminderFor(p, "prepare", { dueAt: addHours(T0, -1) }),
      reminderFor(p, "debrief", { dueAt: addHours(T0, 20) }),
      reminderFor(p, "proposal_suggestion", { status: "cancelled" }),
    ]);
    const ids = [overdue!.id, future!.id, cancelled!.id];

    expect(await enqueueReminders(test.db, ids, { client, configured: true, now: T0 })).toEqual({ mode: "inngest", enqueued: 2 });
    expect(sent.map(({ validate: _validate, ...event }) => event).sort((a, b) => a.ts! - b.ts!)).toEqual([
      { name: "followthrough/reminder.requested", id: overdue!.dedupeKey, ts: +T0, data: { reminderId: overdue!.id, dedupeKey: overdue!.dedupeKey }, meta: undefined, v: undefined },
      { name: "followthrough/reminder.requested", id: future!.dedupeKey, ts: +addHours(T0, 20), data: { reminderId: future!.id, dedupeKey: future!.dedupeKey }, meta: undefined, v: undefined },
    ]);
    // The payloads pass the event schema, as the real client checks before sending.
    await Promise.all(sent.map((event) => event.validate!()));

    await announceCancelledReminders([cancelled!.id], { client, configured: true });
    expect(sent.at(-1)).toMatchObject({ name: "followthrough/reminder.cancelled", data: { reminderId: cancelled!.id } });
  });
});
