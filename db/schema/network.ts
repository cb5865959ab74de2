import { sql } from "drizzle-orm";
import { boolean, check, date, index, pgEnum, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, instant, updatedAt } from "./_columns";
import { clientMembershipFk, sameClientFk } from "./_tenancy";
import { orgIdColumn } from "./org";
import { companies, interviews } from "./pipeline";

export const contactRole = pgEnum("contact_role", ["interviewer", "recruiter", "referrer", "peer", "other"]);

/** A person in the client's network. */
export const contacts = pgTable(
  "contacts",
  {
    id: id(),
    orgId: orgIdColumn(),
    clientId: uuid("client_id").notNull(),
    name: text("name").notNull(),
    email: text("email"),
    phone: text("phone"),
    title: text("title"),
    companyId: uuid("company_id"),
    /**
     * Where the person works, as written (a LinkedIn export names hundreds of employers; they are
     * not all companies the client is applying to). Matched case-insensitively to applications.
     */
    employer: text("employer"),
    linkedinUrl: text("linkedin_url"),
    connectedOn: date("connected_on", { mode: "string" }),
    role: contactRole("role").notNull().default("other"),
    howWeKnow: text("how_we_know"),
    lastContactedAt: instant("last_contacted_at"),
    notes: text("notes").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("contacts_org_client_id_key").on(t.orgId, t.clientId, t.id),
    index("contacts_org_client_name_idx").on(t.orgId, t.clientId, t.name),
    index("contacts_org_company_idx").on(t.orgId, t.companyId),
    index("contacts_org_client_employer_idx").on(t.orgId, t.clientId, sql`lower(${t.employer})`),
    clientMembershipFk(t.orgId, t.clientId),
    sameClientFk({ orgId: t.orgId, clientId: t.clientId, ref: t.companyId }, companies, "no action"),
  ],
);

/** "Who knows whom": a contact knows another contact, or someone at a company. */
export const contactLinks = pgTable(
  "contact_links",
  {
    id: id(),
    orgId: orgIdColumn(),
    clientId: uuid("client_id").notNull(),
    contactId: uuid("contact_id").notNull(),
    knowsContactId: uuid("knows_contact_id"),
    knowsCompanyId: uuid("knows_company_id"),
    note: text("note"),
    createdAt: createdAt(),
  },
  (t) => [
    index("contact_links_org_contact_idx").on(t.orgId, t.contactId),
    index("contact_links_org_knows_contact_idx").on(t.orgId, t.knowsContactId),
    index("contact_links_org_knows_company_idx").on(t.orgId, t.knowsCompanyId),
    check(
      "contact_links_one_target",
      sql`(${t.knowsContactId} is null) <> (${t.knowsCompanyId} is null) and ${t.knowsContactId} is distinct from ${t.contactId}`,
    ),
    sameClientFk({ orgId: t.orgId, clientId: t.clientId, ref: t.contactId }, contacts),
    sameClientFk({ orgId: t.orgId, clientId: t.clientId, ref: t.knowsContactId }, contacts),
    sameClientFk({ orgId: t.orgId, clientId: t.clientId, ref: t.knowsCompanyId }, companies),
  ],
);

/** One interviewer at one interview: what they discussed, and whether they were thanked. */
export const interviewParticipants = pgTable(
  "interview_participants",
  {
    id: id(),
    orgId: orgIdColumn(),
    clientId: uuid("client_id").notNull(),
    interviewId: uuid("interview_id").notNull(),
    contactId: uuid("contact_id").notNull(),
    discussed: text("discussed"),
    /** Which of the company's stated challenges came up with this person. */
    challengesDiscussed: text("challenges_discussed").array().notNull().default(sql`'{}'::text[]`),
    thankYouSentAt: instant("thank_you_sent_at"),
    thankYouHandwritten: boolean("thank_you_handwritten").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    unique("interview_participants_interview_contact_key").on(t.orgId, t.interviewId, t.contactId),
    index("interview_participants_org_contact_idx").on(t.orgId, t.contactId),
    sameClientFk({ orgId: t.orgId, clientId: t.clientId, ref: t.interviewId }, interviews),
    sameClientFk({ orgId: t.orgId, clientId: t.clientId, ref: t.contactId }, contacts, "no action"),
  ],
);
