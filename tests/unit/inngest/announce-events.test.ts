import { describe, expect, it } from "vitest";
import { announceWorkflowEvents } from "../../../server/inngest/enqueue";

describe("announcing workflow events", () => {
  const event = (i: number) => ({ name: "followthrough/interview.scheduled", data: { orgId: "o", interviewId: `i${i}` } });

  it("sends nothing without Inngest", async () => {
    const sent: unknown[] = [];
    await announceWorkflowEvents([event(1)], { configured: false, client: { send: async (e: unknown) => void sent.push(e) } as never });
    expect(sent).toEqual([]);
  });

  it("sends every event, in batches Inngest accepts", async () => {
    const batches: unknown[][] = [];
    const client = { send: async (events: unknown[]) => void batches.push(events) } as never;
    await announceWorkflowEvents(Array.from({ length: 450 }, (_, i) => event(i)), { configured: true, client });
    expect(batches.map((b) => b.length)).toEqual([200, 200, 50]);
    expect(batches.flat()[449]).toEqual(event(449));
  });
});
