import type { Executor } from "@/db";
import { activities } from "@/db/schema";

export type ActivityKind =
  | "application.created"
  | "application.updated"
  | "application.status_changed"
  | "application.archived"
  | "application.imported"
  | "company.research_updated"
  | "interview.scheduled"
  | "interview.rescheduled"
  | "interview.cancelled"
  | "interview.debriefed"
  | "contact.added"
  | "contact.imported"
  | "account.imported"
  | "commitment.created"
  | "commitment.completed"
  | "draft.sent"
  | "draft.discarded"
  | "draft.rewritten"
  | "reminder.delivered"
  | "coach.note"
  | "coach.nudge";

/** Appends to the client's timeline (append-only; feeds the dashboard and the coach portal). */
export async function recordActivity(
  db: Executor,
  entry: {
    orgId: string;
    clientId: string;
    actorUserId: string | null;
    kind: ActivityKind;
    summary: string;
    applicationId?: string | null;
    interviewId?: string | null;
    data?: Record<string, unknown>;
  },
) {
  await db.insert(activities).values({ ...entry, data: entry.data ?? {} });
}
