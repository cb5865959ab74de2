/**
 * Application statuses in pipeline order (their words are in lib/vocabulary). Pure constants: safe
 * to import from client components.
 */
export const APPLICATION_STATUSES = ["saved", "applied", "interviewing", "offer", "accepted", "rejected", "withdrawn"] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Closed applications ask for no more follow-ups (the planner agrees). */
export const CLOSED_STATUSES: ReadonlySet<ApplicationStatus> = new Set(["accepted", "rejected", "withdrawn"]);

export const APPLICATION_SORTS = ["updated", "created", "company", "status", "role"] as const;
export type ApplicationSort = (typeof APPLICATION_SORTS)[number];
