import { z } from "zod";
import { DEFAULT_POLICY, type FollowUpPolicy } from "@/db/schema/org";
import { HHMM_PATTERN, isQuietMinute, minuteOfDayFromHHmm } from "./time";

const localTime = (label: string) =>
  z
    .string({ error: `${label} must be a time like 18:00` })
    .regex(HHMM_PATTERN, { error: `${label} must be a 24-hour time between 00:00 and 23:59, like 18:00` });

/** "1 hour", "24 hours". */
const count = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

const wholeNumber = (label: string, unit: "minute" | "hour" | "day", min: number, max: number) =>
  z
    .number({ error: `${label} must be a number of ${unit}s` })
    .int({ error: `${label} must be a whole number of ${unit}s` })
    .min(min, { error: `${label} must be at least ${count(min, unit)}` })
    .max(max, { error: `${label} can be at most ${count(max, unit)}` });

/** Every field of the policy, each checked on its own; use for partial edits. */
export const ZFollowUpPolicyFields = z.object({
  prepareLocalTime: localTime("The prepare reminder time"),
  debriefDelayMinutes: wholeNumber("The debrief delay", "minute", 0, 1440),
  thankYouWindowHours: wholeNumber("The thank-you window", "hour", 1, 168),
  commitmentLeadHours: wholeNumber("The commitment reminder lead", "hour", 1, 168),
  checkInDefaultDays: wholeNumber("The default check-in delay", "day", 1, 60),
  reconnectAfterDays: wholeNumber("The reconnect delay", "day", 7, 365),
  quietHoursStart: localTime("The start of quiet hours"),
  quietHoursEnd: localTime("The end of quiet hours"),
  goneQuietDays: wholeNumber("The gone-quiet threshold", "day", 1, 90),
  aiRewriting: z.boolean({ error: "AI rewriting must be on or off" }),
});

/** A partial policy as an owner edits it; merge it with `resolvePolicy`. */
export const ZFollowUpPolicyPatch = ZFollowUpPolicyFields.partial();

function isWellFormedTime(value: string): boolean {
  return HHMM_PATTERN.test(value);
}

/**
 * A complete, consistent policy. Beyond the single fields: the prepare reminder must not fall in
 * quiet hours, or it would be pushed to the morning of the interview itself.
 */
export const ZFollowUpPolicy = ZFollowUpPolicyFields.superRefine((policy, ctx) => {
  // zod still runs refinements after non-fatal field issues: a malformed time is reported above.
  const times = [policy.prepareLocalTime, policy.quietHoursStart, policy.quietHoursEnd];
  if (!times.every(isWellFormedTime)) return;
  if (isQuietMinute(minuteOfDayFromHHmm(policy.prepareLocalTime), policy)) {
    ctx.addIssue({
      code: "custom",
      path: ["prepareLocalTime"],
      message: `The prepare reminder time ${policy.prepareLocalTime} falls inside quiet hours (${policy.quietHoursStart}–${policy.quietHoursEnd}); choose a time outside them`,
    });
  }
});

// Compile-time check that the schema and the stored type describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesPolicyType: Same<z.infer<typeof ZFollowUpPolicy>, FollowUpPolicy> = true;
void schemaMatchesPolicyType;

/**
 * An organisation's stored (possibly partial, possibly older) policy merged onto the defaults and
 * validated. Undefined fields keep their default. Throws a ZodError when the result is invalid, so
 * a bad policy is noticed rather than silently planned with.
 */
export function resolvePolicy(partial?: Partial<FollowUpPolicy> | null): FollowUpPolicy {
  const defined = Object.fromEntries(Object.entries(partial ?? {}).filter(([, value]) => value !== undefined));
  return ZFollowUpPolicy.parse({ ...DEFAULT_POLICY, ...defined });
}
