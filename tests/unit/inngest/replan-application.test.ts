import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import { createReplanApplicationFunction, type ReplanApplicationDeps } from "../../../server/inngest/functions/replan-application";
import type { PlanSubjectRef } from "../../../server/services/reminders/replan-event";

const orgId = "11111111-1111-4111-8111-111111111111";
const interviewId = "22222222-2222-4222-8222-222222222222";

function fakeDeps(outcome: { requested: string[]; cancelled: string[] }) {
  const calls = { replanned: [] as PlanSubjectRef[], handedOver: [] as Array<[string[], string[]]> };
  const deps: ReplanApplicationDeps = {
    replan: async (ref) => {
      calls.replanned.push(ref);
      return { applicationId: "app-1", ...outcome };
    },
    handOver: async (requested, cancelled) => {
      calls.handedOver.push([requested, cancelled]);
    },
  };
  return { deps, calls };
}

describe("replan-application function", () => {
  it("re-plans the application an interview event names and hands what changed to delivery", async () => {
    const { deps, calls } = fakeDeps({ requested: ["r1"], cancelled: ["r0"] });
    const fn = createReplanApplicationFunction(deps);
    const { result } = await new InngestTestEngine({
      function: fn,
      events: [{ name: "followthrough/interview.debriefed", data: { orgId, interviewId } }],
    }).execute();
    expect(calls.replanned).toEqual([{ orgId, interviewId }]);
    expect(calls.handedOver).toEqual([[["r1"], ["r0"]]]);
    expect(result).toEqual({ applicationId: "app-1", requested: 1, cancelled: 1 });
  });

  it("hands nothing over when the request had already planned everything", async () => {
    const { deps, calls } = fakeDeps({ requested: [], cancelled: [] });
    const { result } = await new InngestTestEngine({
      function: createReplanApplicationFunction(deps),
      events: [{ name: "followthrough/application.status-changed", data: { orgId, applicationId: "33333333-3333-4333-8333-333333333333" } }],
    }).execute();
    expect(calls.handedOver).toEqual([]);
    expect(result).toMatchObject({ requested: 0, cancelled: 0 });
  });

  it("listens to every change that can move a reminder", () => {
    const fn = createReplanApplicationFunction(fakeDeps({ requested: [], cancelled: [] }).deps);
    const events = (fn.opts.triggers ?? []).map((trigger) => ("event" in trigger ? trigger.event : null));
    expect(events.sort()).toEqual([
      "followthrough/application.status-changed",
      "followthrough/commitment.created",
      "followthrough/interview.debriefed",
      "followthrough/interview.rescheduled",
      "followthrough/interview.scheduled",
    ]);
  });
});
