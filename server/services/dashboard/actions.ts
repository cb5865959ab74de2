import type { reminderKind } from "@/db/schema/followup";

type ReminderKind = (typeof reminderKind.enumValues)[number];
type DraftKind = "thank_you" | "check_in" | "proposal" | "networking_ask" | "rejection_reply";

/** The draft a reminder asks the client to send, when one is waiting. */
export const DRAFT_FOR_REMINDER: Partial<Record<ReminderKind, DraftKind>> = {
  thank_you_due: "thank_you",
  check_in: "check_in",
  proposal_suggestion: "proposal",
  networking_suggestion: "networking_ask",
  rejection_follow_through: "rejection_reply",
};

export type ReminderAction = { label: string; href: string };

/**
 * Where a follow-up sends the client to act on it: the waiting draft if there is one, else the
 * page where the work happens. Paths are relative to the organisation.
 */
export function actionFor(
  orgSlug: string,
  reminder: { kind: ReminderKind; applicationId: string | null; interviewId: string | null },
  draftId: string | null,
): ReminderAction {
  const base = `/${orgSlug}`;
  const application = reminder.applicationId ? `${base}/applications/${reminder.applicationId}` : base;
  const interview = reminder.interviewId ? `${base}/interviews/${reminder.interviewId}` : application;
  const draft = draftId ? `${base}/drafts/${draftId}` : null;
  switch (reminder.kind) {
    case "prepare":
      return { label: "Review your research", href: `${application}#research` };
    case "debrief":
      return { label: "Record the debrief", href: interview };
    case "thank_you_due":
      return { label: "Send your thank-you notes", href: draft ?? interview };
    case "commitment_due":
    case "commitment_overdue":
      return { label: "Keep your promise", href: `${base}/commitments` };
    case "check_in":
      return { label: "Check in with the employer", href: draft ?? application };
    case "proposal_suggestion":
      return { label: "Draft a short proposal", href: draft ?? application };
    case "networking_suggestion":
      return { label: "Ask for a good word", href: draft ?? `${application}#good-word` };
    case "rejection_follow_through":
      return { label: "Reply with grace", href: draft ?? application };
    case "reconnect":
      return { label: "Get back in touch", href: `${base}/contacts` };
    default:
      return { label: "Open", href: application };
  }
}
