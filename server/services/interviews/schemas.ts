import { z } from "zod";
import { HHMM_PATTERN } from "../../followup/time";
import { YEAR_RANGE, ZInstant } from "../../validation/storable";

/** Shared building blocks for the client-domain inputs. */

export { ZTimeZone } from "../../validation/time-zone";
import { ZTimeZone } from "../../validation/time-zone";

/** A calendar date, YYYY-MM-DD, that exists (no 30 February). */
export const ZIsoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date like 2026-06-12.")
  .refine((value) => {
    const [y, m, d] = value.split("-").map(Number) as [number, number, number];
    const probe = new Date(Date.UTC(y, m - 1, d));
    return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d && y >= YEAR_RANGE.min && y <= YEAR_RANGE.max;
  }, `Enter a real date between ${YEAR_RANGE.min} and ${YEAR_RANGE.max}.`);

export const ZClockTime = z.string().trim().regex(HHMM_PATTERN, "Enter a time like 14:30.");

/** Optional free text: empty strings become null so a cleared field clears the column. */
export const optionalText = (max: number, message = `Use at most ${max} characters.`) =>
  z
    .string()
    .trim()
    .max(max, message)
    .nullish()
    .transform((value) => (value ? value : null));

export const ZInterviewKind = z.enum(["phone", "video", "onsite", "panel"]);
export const ZContactChannel = z.enum(["email", "phone", "linkedin", "via_recruiter", "other"]);

const ZNewInterviewer = z.object({
  name: z.string().trim().min(1, "Give the interviewer's name.").max(120, "Use at most 120 characters."),
  title: optionalText(120),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, "That address is too long.")
    .nullish()
    .transform((value) => (value ? value : null))
    .pipe(z.email("Enter a valid email address.").nullable()),
});

/**
 * When an interview happens, as a person types it: a date and a start time on the wall clock of
 * the interview's zone, and either a duration or an end time.
 */
const ZWhen = z.object({
  date: ZIsoDate,
  startTime: ZClockTime,
  durationMinutes: z.number().int().min(5, "An interview lasts at least 5 minutes.").max(720, "An interview lasts at most 12 hours.").optional(),
  endTime: ZClockTime.optional(),
  timeZone: ZTimeZone,
});

const whenRefinement = (value: z.infer<typeof ZWhen>, ctx: z.RefinementCtx) => {
  if (value.durationMinutes === undefined && !value.endTime) {
    ctx.addIssue({ code: "custom", path: ["durationMinutes"], message: "Give a duration or an end time." });
  }
  if (value.endTime && value.endTime <= value.startTime) {
    ctx.addIssue({ code: "custom", path: ["endTime"], message: "The interview must end after it starts." });
  }
};

export const ZScheduleInterviewInput = ZWhen.extend({
  applicationId: z.uuid(),
  kind: ZInterviewKind,
  round: z.number().int().min(1, "Rounds start at 1.").max(20, "Use a round between 1 and 20.").default(1),
  location: optionalText(500),
  interviewerIds: z.array(z.uuid()).max(20, "Choose at most 20 interviewers.").default([]),
  newInterviewers: z.array(ZNewInterviewer).max(20, "Add at most 20 interviewers.").default([]),
}).superRefine(whenRefinement);
export type TScheduleInterviewInput = z.infer<typeof ZScheduleInterviewInput>;

export const ZRescheduleInterviewInput = ZWhen.extend({
  interviewId: z.uuid(),
  location: optionalText(500).optional(),
}).superRefine(whenRefinement);
export type TRescheduleInterviewInput = z.infer<typeof ZRescheduleInterviewInput>;

export const ZInterviewIdInput = z.object({ interviewId: z.uuid() });
export const ZCancelInterviewInput = ZInterviewIdInput;
export const ZInterviewByIdInput = ZInterviewIdInput;
export const ZListInterviewsInput = z.object({ applicationId: z.uuid().optional() });
export const ZScheduleOptionsInput = z.object({ applicationId: z.uuid() });

export const ZChallenge = z.string().trim().min(1, "A challenge cannot be empty.").max(200, "Keep each challenge under 200 characters.");

const ZPromise = z.object({
  /** Present when editing a promise recorded by an earlier save of this debrief. */
  id: z.uuid().optional(),
  description: z.string().trim().min(1, "Say what you promised.").max(500, "Keep a promise under 500 characters."),
  dueAt: ZInstant("Give the date it is due."),
  contactId: z.uuid().nullish(),
});

export const ZDebriefInterviewInput = z
  .object({
    interviewId: z.uuid(),
    askedForJob: z.boolean({ error: "Say whether you asked for the job." }),
    nextSteps: optionalText(2000),
    expectAnswerBy: ZIsoDate.nullish().transform((v) => v ?? null),
    preferredChannel: ZContactChannel.nullish().transform((v) => v ?? null),
    agreedCheckInOn: ZIsoDate.nullish().transform((v) => v ?? null),
    notBeforeOn: ZIsoDate.nullish().transform((v) => v ?? null),
    /**
     * Which of the two the client picked: "agreed" or "not_before" then needs its date, so a choice
     * made without one is refused rather than saved as "no date was named".
     */
    checkInRule: z.enum(["none", "agreed", "not_before"]).optional(),
    notes: optionalText(4000),
    promises: z.array(ZPromise).max(20, "Record at most 20 promises.").default([]),
    interviewers: z
      .array(
        z.object({
          contactId: z.uuid(),
          discussed: optionalText(2000, "Keep it under 2,000 characters."),
          challengesDiscussed: z.array(ZChallenge).max(10, "Pick at most 10 challenges.").default([]),
        }),
      )
      .max(20, "At most 20 interviewers.")
      .default([]),
    /** Challenges the company stated, added to what the client keeps about the company. */
    companyChallenges: z.array(ZChallenge).max(20, "Add at most 20 challenges at once.").default([]),
  })
  .superRefine((value, ctx) => {
    if (value.checkInRule === "agreed" && !value.agreedCheckInOn) {
      ctx.addIssue({ code: "custom", path: ["agreedCheckInOn"], message: "Give the day you agreed to check in, or choose “No date was named”." });
    }
    if (value.checkInRule === "not_before" && !value.notBeforeOn) {
      ctx.addIssue({ code: "custom", path: ["notBeforeOn"], message: "Give the day they asked you to wait until, or choose “No date was named”." });
    }
    // The employer either named a day to check in, or a day before which not to: one rule, not two.
    if (value.agreedCheckInOn && value.notBeforeOn) {
      ctx.addIssue({
        code: "custom",
        path: ["notBeforeOn"],
        message: "Give either the agreed check-in date or the not-before date, not both.",
      });
    }
  });
export type TDebriefInterviewInput = z.infer<typeof ZDebriefInterviewInput>;
