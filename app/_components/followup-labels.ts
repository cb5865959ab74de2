/** Words the application page, the board and the interview page share beyond the enums (those are in lib/vocabulary). */
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
