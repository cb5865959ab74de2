import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgEnum, pgTable, smallint, text, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, instant, updatedAt } from "./_columns";
import { clientMembershipFk, sameClientFk } from "./_tenancy";
import { users } from "./auth";
import { orgIdColumn } from "./org";

export const applicationStatus = pgEnum("application_status", [
  "saved",
  "applied",
  "interviewing",
  "offer",
  "accepted",
  "rejected",
  "withdrawn",
]);
export const interviewKind = pgEnum("interview_kind", ["phone", "video", "onsite", "panel"]);
export const interviewStatus = pgEnum("interview_status", ["scheduled", "completed", "cancelled"]);
/** How the employer prefers to hear from the candidate after an interview. */
export const contactChannel = pgEnum("contact_channel", ["email", "phone", "linkedin", "via_recruiter", "other"]);
export const workplaceType = pgEnum("workplace_type", ["onsite", "hybrid", "remote"]);
/** schema.org's employmentType values, folded to the ones trackers tell apart. */
export const jobType = pgEnum("job_type", ["full_time", "part_time", "contract", "temporary", "internship", "volunteer", "other"]);

/** A company a client is applying to, with what the client keeps learning about it. */
export const companies = pgTable(
  "companies",
  {
    id: id(),
    orgId: orgIdColumn(),
    clientId: uuid("client_id").notNull(),
    name: text("name").notNull(),
    website: text("website"),
    researchNotes: text("research_notes").notNull().default(""),
    researchUpdatedAt: instant("research_updated_at"),
    /** The challenges the company stated in interviews: input to letters and proposals. */
    challenges: text("challenges").array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("companies_org_client_id_key").on(t.orgId, t.clientId, t.id),
    index("companies_org_client_name_idx").on(t.orgId, t.clientId, t.name),
    clientMembershipFk(t.orgId, t.clientId),
  ],
);

export const applications = pgTable(
  "applications",
  {
    id: id(),
    orgId: orgIdColumn(),
    clientId: uuid("client_id").notNull(),
    companyId: uuid("company_id").notNull(),
    roleTitle: text("role_title").notNull(),
    jobUrl: text("job_url"),
    source: text("source"),
    status: applicationStatus("status").notNull().default("saved"),
    statusChangedAt: instant("status_changed_at").notNull().defaultNow(),
    notes: text("notes").notNull().default(""),
    location: text("location"),
    workplaceType: workplaceType("workplace_type"),
    /** Yearly (or as posted) amounts in whole units of `salaryCurrency`, an ISO 4217 code. */
    salaryMin: integer("salary_min"),
    salaryMax: integer("salary_max"),
    salaryCurrency: text("salary_currency"),
    jobType: jobType("job_type"),
    /** The last day to apply (a posting's `validThrough`). */
    deadlineOn: date("deadline_on", { mode: "string" }),
    /** How much the client wants this role, 1 (meh) to 5 (dream job). */
    excitement: smallint("excitement"),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    /** Calendar days as the client tells them (imported trackers carry them), not instants. */
    savedOn: date("saved_on", { mode: "string" }),
    appliedOn: date("applied_on", { mode: "string" }),
    /** The posting's text as captured, kept because postings are taken down. */
    postingSnapshot: text("posting_snapshot"),
    postingCapturedAt: instant("posting_captured_at"),
    /** Bumped whenever the application's follow-ups are re-planned; stale reminders are skipped. */
    planVersion: integer("plan_version").notNull().default(1),
    archivedAt: instant("archived_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("applications_org_client_id_key").on(t.orgId, t.clientId, t.id),
    index("applications_org_client_status_idx").on(t.orgId, t.clientId, t.status),
    index("applications_org_status_idx").on(t.orgId, t.status),
    check("applications_excitement_range", sql`${t.excitement} between 1 and 5`),
    check("applications_salary_order", sql`${t.salaryMin} is null or ${t.salaryMax} is null or ${t.salaryMin} <= ${t.salaryMax}`),
    clientMembershipFk(t.orgId, t.clientId),
    sameClientFk({ orgId: t.orgId, clientId: t.clientId, ref: t.companyId }, companies, "no action"),
  ],
);

/** Every status change, kept as history rather than overwritten. */
export const applicationStatusHistory = pgTable(
  "application_status_history",
  {
    id: id(),
    orgId: orgIdColumn(),
    clientId: uuid("client_id").notNull(),
    applicationId: uuid("application_id").notNull(),
    fromStatus: applicationStatus("from_status"),
    toStatus: applicationStatus("to_status").notNull(),
    changedAt: instant("changed_at").notNull().defaultNow(),
    changedByUserId: uuid("changed_by_user_id").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    index("application_status_history_org_app_idx").on(t.orgId, t.applicationId, t.changedAt),
    sameClientFk({ orgId: t.orgId, clientId: t.clientId, ref: t.applicationId }, applications),
  ],
);

export const interviews = pgTable(
  "interviews",
  {
    id: id(),
    orgId: orgIdColumn(),
    clientId: uuid("client_id").notNull(),
    applicationId: uuid("application_id").notNull(),
    round: integer("round").notNull().default(1),
    kind: interviewKind("kind").notNull(),
    startsAt: instant("starts_at").notNull(),
    endsAt: instant("ends_at").notNull(),
    /** The IANA zone the interview happens in; shown beside the viewer's own zone. */
    timeZone: text("time_zone").notNull(),
    location: text("location"),
    status: interviewStatus("status").notNull().default("scheduled"),
    planVersion: integer("plan_version").notNull().default(1),
    // The debrief, recorded right after the interview.
    debriefedAt: instant("debriefed_at"),
    askedForJob: boolean("asked_for_job"),
    nextSteps: text("next_steps"),
    expectAnswerBy: date("expect_answer_by", { mode: "string" }),
    preferredChannel: contactChannel("preferred_channel"),
    /** A date the employer agreed to be contacted on. */
    agreedCheckInOn: date("agreed_check_in_on", { mode: "string" }),
    /** A date before which the employer asked not to be contacted. */
    notBeforeOn: date("not_before_on", { mode: "string" }),
    debriefNotes: text("debrief_notes"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("interviews_org_client_id_key").on(t.orgId, t.clientId, t.id),
    index("interviews_org_client_starts_idx").on(t.orgId, t.clientId, t.startsAt),
    index("interviews_org_application_idx").on(t.orgId, t.applicationId),
    clientMembershipFk(t.orgId, t.clientId),
    sameClientFk({ orgId: t.orgId, clientId: t.clientId, ref: t.applicationId }, applications),
  ],
);
