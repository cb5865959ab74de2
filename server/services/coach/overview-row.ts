/**
 * One client's overview numbers as the database answers them (snake_case columns), and the same
 * row as the API answers it. The kept read (overview.ts, export.ts) and the direct reference
 * computation (overview-direct.ts) both answer these columns, so both go through one mapping.
 */
export type OverviewColumns = {
  client_id: string;
  name: string | null;
  email: string;
  status: "active" | "archived";
  active_applications: number;
  interviews_this_week: number;
  interviews_next_week: number;
  follow_ups_due: number;
  overdue_reminders: number;
  overdue_commitments: number;
  overdue: number;
  thank_you_due: number;
  thank_you_on_time: number;
  check_ins_due: number;
  check_ins_on_time: number;
  commitments_due: number;
  commitments_on_time: number;
  thank_you_rate: number | null;
  check_in_rate: number | null;
  commitment_rate: number | null;
  follow_through_rate: number | null;
  last_activity_at: Date | string | null;
  gone_quiet: boolean;
};

export type OverviewCoach = { membershipId: string; name: string };
export type OverviewCohort = { id: string; name: string };

/** JSON built by the statement, which arrives as text from some drivers. */
const jsonList = <T,>(value: unknown): T[] => (typeof value === "string" ? JSON.parse(value) : (value ?? [])) as T[];

/** One overview row as the API answers it, with the client's coaches and (current) cohorts when the statement read them. */
export function overviewRow(r: OverviewColumns & { coaches?: unknown; cohorts?: unknown }) {
  return {
    clientId: r.client_id,
    name: r.name,
    email: r.email,
    status: r.status,
    coaches: jsonList<OverviewCoach>(r.coaches),
    cohorts: jsonList<OverviewCohort>(r.cohorts),
    activeApplications: r.active_applications,
    interviewsThisWeek: r.interviews_this_week,
    interviewsNextWeek: r.interviews_next_week,
    followUpsDue: r.follow_ups_due,
    overdue: r.overdue,
    overdueReminders: r.overdue_reminders,
    overdueCommitments: r.overdue_commitments,
    thankYou: { due: r.thank_you_due, onTime: r.thank_you_on_time, rate: r.thank_you_rate },
    checkIn: { due: r.check_ins_due, onTime: r.check_ins_on_time, rate: r.check_in_rate },
    commitments: { due: r.commitments_due, onTime: r.commitments_on_time, rate: r.commitment_rate },
    followThroughRate: r.follow_through_rate,
    lastActivityAt: r.last_activity_at ? new Date(r.last_activity_at) : null,
    goneQuiet: r.gone_quiet,
  };
}
