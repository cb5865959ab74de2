import { TZDate } from "@date-fns/tz";
import { addDays } from "date-fns";
import type { PlanContext, ReminderCandidate } from "../candidate";
import { formatIsoDate, formatTime } from "@/lib/dates";
import { channelPhrase } from "@/lib/vocabulary";
import { describeMoment, joinNames } from "../phrases";
import type { PlanInterview } from "../types";
import { addDaysToIsoDate, localDateOf, localTimeOn } from "../time";

/** Day-based reminders (check-in, reconnect, suggestions) go out at the start of a working morning. */
export const MORNING_LOCAL_TIME = "09:00";
/** A prepare reminder that would arrive less than this before the interview is skipped: too late to help. */
export const PREPARE_MIN_LEAD_MS = 60 * 60 * 1000;

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

function subjectOf(interview: PlanInterview) {
  return { id: interview.id, planVersion: interview.planVersion };
}

/** Rule 1: the day before, at the policy's local time, in the recipient's zone. */
export function prepareReminder(interview: PlanInterview, context: PlanContext): ReminderCandidate | null {
  if (interview.status !== "scheduled" || +interview.startsAt <= +context.now) return null;
  const { timeZone, policy, application } = context;
  const dayBefore = addDaysToIsoDate(localDateOf(interview.startsAt, timeZone), -1);
  const whereItHappens =
    interview.timeZone === timeZone
      ? ""
      : `, ${formatTime(interview.startsAt, interview.timeZone)} in ${interview.timeZone} where it takes place`;
  return {
    kind: "prepare",
    dueAt: localTimeOn(dayBefore, policy.prepareLocalTime, timeZone),
    whenLate: "deliver_now",
    deadline: new Date(+interview.startsAt - PREPARE_MIN_LEAD_MS),
    subject: subjectOf(interview),
    interviewId: interview.id,
    describe: (dueAt) =>
      `Your interview with ${application.companyName} for the ${application.roleTitle} role is ` +
      `${describeMoment(interview.startsAt, timeZone, dueAt)}${whereItHappens}. Look over your research on ` +
      `the company and plan how you'll ask for the job and about the next steps.`,
  };
}

/** Rule 2: shortly after the interview ends, until a debrief is recorded. */
export function debriefReminder(interview: PlanInterview, context: PlanContext): ReminderCandidate | null {
  if (interview.status === "cancelled" || interview.debriefedAt) return null;
  const { application, policy } = context;
  return {
    kind: "debrief",
    dueAt: new Date(+interview.endsAt + policy.debriefDelayMinutes * MINUTE_MS),
    whenLate: "drop_after_grace",
    subject: subjectOf(interview),
    interviewId: interview.id,
    describe: () =>
      `Your interview with ${application.companyName} for the ${application.roleTitle} role is over. ` +
      `Record the debrief while it's fresh: what each interviewer talked about, what happens next, when ` +
      `you should hear back, and anything you promised. The rest of your follow-up is planned from it.`,
  };
}

function isUnthanked(participant: PlanInterview["participants"][number]): boolean {
  return participant.thankYouSentAt === null && !participant.thankYouHandwritten;
}

/** Rule 3: once debriefed, one reminder per interview if anyone is still unthanked at the window's end. */
export function thankYouReminder(interview: PlanInterview, context: PlanContext): ReminderCandidate | null {
  if (interview.status === "cancelled" || !interview.debriefedAt) return null;
  const unthanked = interview.participants.filter(isUnthanked);
  const [only] = unthanked;
  if (!only) return null;
  const { application, policy } = context;
  return {
    kind: "thank_you_due",
    dueAt: new Date(+interview.endsAt + policy.thankYouWindowHours * HOUR_MS),
    whenLate: "deliver_now",
    subject: subjectOf(interview),
    interviewId: interview.id,
    ...(unthanked.length === 1 ? { contactId: only.contactId } : {}),
    describe: () =>
      `No thank-you note to ${joinNames(unthanked.map((p) => p.name))} is marked as sent yet after your ` +
      `${application.companyName} interview. A short, personal note still makes a difference: send it, ` +
      `then mark it sent (a handwritten card counts too).`,
  };
}

type CheckInBasis = "agreed" | "not_before" | "default";

/**
 * The earliest moment a check-in about `dateISO` may go out: the recipient's morning that day, and
 * never before the day has begun where the employer is.
 */
function earliestCheckInOn(dateISO: string, interview: PlanInterview, context: PlanContext): Date {
  const recipientMorning = localTimeOn(dateISO, MORNING_LOCAL_TIME, context.timeZone);
  const employerDayStart = localTimeOn(dateISO, "00:00", interview.timeZone);
  return +recipientMorning >= +employerDayStart ? recipientMorning : employerDayStart;
}

function checkInSchedule(interview: PlanInterview, context: PlanContext): { dueAt: Date; basis: CheckInBasis } {
  const { agreedCheckInOn, notBeforeOn } = interview;
  let schedule: { dueAt: Date; basis: CheckInBasis } = agreedCheckInOn
    ? { dueAt: earliestCheckInOn(agreedCheckInOn, interview, context), basis: "agreed" }
    : {
        // Calendar days in the recipient's zone, so the local time survives a DST change.
        dueAt: new Date(+addDays(new TZDate(+interview.endsAt, context.timeZone), context.policy.checkInDefaultDays)),
        basis: "default",
      };
  // A "not before" date is a floor, even over a contradicting agreed date.
  if (notBeforeOn) {
    const floor = earliestCheckInOn(notBeforeOn, interview, context);
    if (+floor > +schedule.dueAt) schedule = { dueAt: floor, basis: "not_before" };
  }
  // An agreed date on (or, mistyped, before) the interview day must not precede the interview.
  if (+schedule.dueAt < +interview.endsAt) schedule = { ...schedule, dueAt: interview.endsAt };
  return schedule;
}

function checkInOpening(basis: CheckInBasis, interview: PlanInterview, context: PlanContext): string {
  const { companyName } = context.application;
  switch (basis) {
    case "agreed":
      return `${companyName} agreed you could check in on ${formatIsoDate(interview.agreedCheckInOn ?? "")}`;
    case "not_before":
      return `${companyName} asked not to be contacted before ${formatIsoDate(interview.notBeforeOn ?? "")}`;
    case "default":
      return `It has been ${context.policy.checkInDefaultDays} days since your ${companyName} interview`;
  }
}

/**
 * Rule 6: check in on the agreed date, or after the policy's default delay, never before a date
 * the employer named, and only while the application has not moved since this interview. Needs
 * the debrief: that is where the employer's dates are recorded, and without it we could not know
 * we are respecting them.
 */
export function checkInReminder(interview: PlanInterview, context: PlanContext): ReminderCandidate | null {
  const { application } = context;
  if (interview.status === "cancelled" || !interview.debriefedAt) return null;
  if (+application.statusChangedAt > +interview.endsAt) return null;

  const { dueAt, basis } = checkInSchedule(interview, context);
  const channel = channelPhrase(interview.preferredChannel);
  const checkIn = `a short, friendly check-in${channel ? ` ${channel}` : ""}`;
  return {
    kind: "check_in",
    dueAt,
    whenLate: "drop_after_grace",
    subject: subjectOf(interview),
    interviewId: interview.id,
    describe: () =>
      `${checkInOpening(basis, interview, context)}, and your application for ${application.roleTitle} hasn't moved since. ` +
      `Time to send ${checkIn}: it keeps you on their mind without pushing.`,
  };
}
