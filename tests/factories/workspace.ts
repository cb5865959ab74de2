import { addDays, addHours } from "date-fns";
import type { Executor } from "../../db";
import * as s from "../../db/schema";
import { createApplication, createContact, createInterview } from "./index";

type ClientRef = { orgId: string; clientId: string };

export async function createDraft(db: Executor, ref: ClientRef, overrides: Partial<typeof s.drafts.$inferInsert> = {}) {
  const [row] = await db
    .insert(s.drafts)
    .values({ ...ref, kind: "follow_up_letter", subject: "Following up", body: "Hello again", ...overrides })
    .returning();
  return row!;
}

export async function addParticipant(db: Executor, ref: ClientRef & { interviewId: string; contactId: string }) {
  const [row] = await db.insert(s.interviewParticipants).values(ref).returning();
  return row!;
}

/**
 * An application with an interview that ended two hours ago and two interviewers at the
 * company: the starting point of a debrief.
 */
export async function createEndedInterview(db: Executor, ref: ClientRef, options: { endedHoursAgo?: number } = {}) {
  // The application moved before the interview, as it would have when the interview was scheduled.
  const application = await createApplication(db, ref, { status: "interviewing", statusChangedAt: addDays(new Date(), -7) });
  const endsAt = addHours(new Date(), -(options.endedHoursAgo ?? 2));
  const interview = await createInterview(db, { ...ref, applicationId: application.id }, { startsAt: addHours(endsAt, -1), endsAt, timeZone: "Europe/Berlin" });
  const first = await createContact(db, ref, { name: "Priya Shah", title: "Head of Data", companyId: application.companyId });
  const second = await createContact(db, ref, { name: "Tom Berg", title: "Engineering Manager", companyId: application.companyId });
  await addParticipant(db, { ...ref, interviewId: interview.id, contactId: first.id });
  await addParticipant(db, { ...ref, interviewId: interview.id, contactId: second.id });
  return { application, interview, interviewers: [first, second] as const };
}

export const inDays = (days: number) => addDays(new Date(), days);
