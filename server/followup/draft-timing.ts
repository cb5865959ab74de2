import type { FollowUpPolicy } from "@/db/schema/org";
import { proposalMoment } from "./rules/application";
import { applyQuietHours } from "./time";

/**
 * When each draft written at a debrief is due to be shown (playbook rules 3, 4, 7 and 9). The
 * thank-you notes are for now; the follow-up letter waits until the thank-you window has closed,
 * so it does not land beside the thank-you; the proposal waits for the morning the planner
 * suggests it; a good-word ask is for now, as the planner suggests it at once. Nothing is ever
 * scheduled in the past or inside quiet hours.
 */

type DebriefDraftKind = "thank_you" | "follow_up_letter" | "proposal" | "networking_ask";

export type DraftTimingInput = {
  now: Date;
  policy: Pick<FollowUpPolicy, "thankYouWindowHours" | "quietHoursStart" | "quietHoursEnd">;
  /** The client's zone: mornings and quiet hours are theirs. */
  timeZone: string;
  interview: { endsAt: Date; debriefedAt: Date };
};

const HOUR_MS = 60 * 60 * 1000;

const MOMENTS: Record<DebriefDraftKind, (input: DraftTimingInput) => Date | null> = {
  thank_you: () => null,
  networking_ask: () => null,
  follow_up_letter: ({ interview, policy }) => new Date(+interview.endsAt + policy.thankYouWindowHours * HOUR_MS),
  proposal: ({ interview, timeZone }) => proposalMoment(interview.debriefedAt, timeZone),
};

export function draftAvailableAt(kind: string, input: DraftTimingInput): Date {
  const moment = kind in MOMENTS ? MOMENTS[kind as DebriefDraftKind](input) : null;
  if (!moment || +moment <= +input.now) return input.now;
  return applyQuietHours(moment, input.timeZone, input.policy);
}
