/** Words for the enum values the application page shows. */
export const INTERVIEW_KIND_LABEL: Record<string, string> = { phone: "Phone", video: "Video", onsite: "On-site", panel: "Panel" };

export const DRAFT_KIND_LABEL: Record<string, string> = {
  thank_you: "Thank-you note",
  follow_up_letter: "Follow-up letter",
  check_in: "Check-in",
  proposal: "Proposal",
  networking_ask: "Ask for a good word",
  rejection_reply: "Reply to the rejection",
  references: "References",
};

export const DRAFT_STATUS_LABEL: Record<string, string> = { draft: "Waiting", sent: "Sent", discarded: "Discarded" };

export const REMINDER_KIND_LABEL: Record<string, string> = {
  prepare: "Prepare for the interview",
  debrief: "Record the debrief",
  thank_you_due: "Thank your interviewers",
  commitment_due: "Promise coming due",
  commitment_overdue: "Promise overdue",
  check_in: "Check in",
  proposal_suggestion: "Suggest a proposal",
  networking_suggestion: "Ask for a good word",
  rejection_follow_through: "Reply with grace",
  reconnect: "Reconnect",
  client_digest: "Weekly digest",
  coach_digest: "Coach digest",
  coach_nudge: "Coach nudge",
};

export const DEBRIEF_LABEL = {
  recorded: "Debrief recorded",
  due: "Debrief to record",
  upcoming: "Upcoming",
  not_needed: "Cancelled",
} as const;

/** What marking an application rejected does, asked before it is done (board and application page). */
export const REJECT_CONFIRM = {
  title: "Mark this application as rejected?",
  description:
    "Its interviews still ahead are cancelled, its open promises are released (you can keep one from the Promises page), its pending reminders and open check-in, proposal and networking drafts are closed, and a gracious reply is drafted for you.",
  confirmLabel: "Mark as rejected",
} as const;
