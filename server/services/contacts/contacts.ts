import { and, asc, desc, eq, ilike, inArray, or, sql } from "drizzle-orm";
import { applicationOfInterview, contactNamedBy } from "@/server/services/joins";
import { alias } from "drizzle-orm/pg-core";
import { applications, companies, contactLinks, contacts, interviewParticipants, interviews } from "@/db/schema";
import { notFound } from "../../errors";
import { recordActivity } from "../activity";
import type { TCreateContactInput, TListContactsInput, TUpdateContactInput } from "./schemas";
import type { ClientActor, ClientRef, Db } from "../scope";

const knownContact = alias(contacts, "known_contact");
const knownCompany = alias(companies, "known_company");

/** `%` and `_` typed into a search box are literal characters, not wildcards. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function loadContact(db: Db, scope: ClientRef, contactId: string) {
  const [row] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.orgId, scope.orgId), eq(contacts.clientId, scope.clientId), eq(contacts.id, contactId)));
  if (!row) throw notFound("Contact not found.");
  return row;
}

export async function loadCompany(db: Db, scope: ClientRef, companyId: string) {
  const [row] = await db
    .select({ id: companies.id, name: companies.name })
    .from(companies)
    .where(and(eq(companies.orgId, scope.orgId), eq(companies.clientId, scope.clientId), eq(companies.id, companyId)));
  if (!row) throw notFound("Company not found.");
  return row;
}

/** Who each of these contacts knows: people and companies, with the link's note. */
async function linksOf(db: Db, scope: ClientRef, contactIds: string[]) {
  if (contactIds.length === 0) return [];
  return db
    .select({
      id: contactLinks.id,
      contactId: contactLinks.contactId,
      knowsContactId: contactLinks.knowsContactId,
      knowsCompanyId: contactLinks.knowsCompanyId,
      name: sql<string>`coalesce(${knownContact.name}, ${knownCompany.name}, '')`,
      contactName: knownContact.name,
      companyName: knownCompany.name,
      note: contactLinks.note,
    })
    .from(contactLinks)
    .leftJoin(knownContact, and(eq(knownContact.orgId, contactLinks.orgId), eq(knownContact.id, contactLinks.knowsContactId)))
    .leftJoin(knownCompany, and(eq(knownCompany.orgId, contactLinks.orgId), eq(knownCompany.id, contactLinks.knowsCompanyId)))
    .where(and(eq(contactLinks.orgId, scope.orgId), eq(contactLinks.clientId, scope.clientId), inArray(contactLinks.contactId, contactIds)))
    .orderBy(asc(contactLinks.createdAt));
}

const contactColumns = {
  id: contacts.id,
  name: contacts.name,
  email: contacts.email,
  phone: contacts.phone,
  title: contacts.title,
  companyId: contacts.companyId,
  companyName: companies.name,
  role: contacts.role,
  howWeKnow: contacts.howWeKnow,
  lastContactedAt: contacts.lastContactedAt,
  notes: contacts.notes,
  createdAt: contacts.createdAt,
};

/** The client's contacts, each with who they know, and the client's companies. */
export async function listContacts(db: Db, scope: ClientRef, filter: TListContactsInput) {
  const search = filter.search ? likePattern(filter.search) : null;
  const rows = await db
    .select(contactColumns)
    .from(contacts)
    .leftJoin(companies, and(eq(companies.orgId, contacts.orgId), eq(companies.id, contacts.companyId)))
    .where(
      and(
        eq(contacts.orgId, scope.orgId),
        eq(contacts.clientId, scope.clientId),
        filter.role ? eq(contacts.role, filter.role) : undefined,
        filter.companyId ? eq(contacts.companyId, filter.companyId) : undefined,
        search
          ? or(ilike(contacts.name, search), ilike(contacts.email, search), ilike(contacts.title, search), ilike(companies.name, search))
          : undefined,
      ),
    )
    .orderBy(asc(contacts.name))
    .limit(500);
  const links = await linksOf(db, scope, rows.map((r) => r.id));
  // The client's companies come along for the filters and pickers (company, "knows a company").
  const companyRows = await db
    .select({ id: companies.id, name: companies.name })
    .from(companies)
    .where(and(eq(companies.orgId, scope.orgId), eq(companies.clientId, scope.clientId)))
    .orderBy(asc(companies.name))
    .limit(500);
  return {
    contacts: rows.map((row) => ({ ...row, knows: links.filter((l) => l.contactId === row.id).map(({ contactId: _c, ...link }) => link) })),
    companies: companyRows,
  };
}

/** One contact, who they know, who knows them, and the interviews they were part of. */
export async function getContact(db: Db, scope: ClientRef, contactId: string) {
  const [contact] = await db
    .select(contactColumns)
    .from(contacts)
    .leftJoin(companies, and(eq(companies.orgId, contacts.orgId), eq(companies.id, contacts.companyId)))
    .where(and(eq(contacts.orgId, scope.orgId), eq(contacts.clientId, scope.clientId), eq(contacts.id, contactId)));
  if (!contact) throw notFound("Contact not found.");
  const knows = await linksOf(db, scope, [contact.id]);
  const knownBy = await db
    .select({ id: contactLinks.id, contactId: contactLinks.contactId, name: contacts.name, note: contactLinks.note })
    .from(contactLinks)
    .innerJoin(contacts, contactNamedBy(contactLinks))
    .where(and(eq(contactLinks.orgId, scope.orgId), eq(contactLinks.clientId, scope.clientId), eq(contactLinks.knowsContactId, contact.id)));
  const metAt = await db
    .select({
      interviewId: interviews.id,
      startsAt: interviews.startsAt,
      timeZone: interviews.timeZone,
      status: interviews.status,
      roleTitle: applications.roleTitle,
      thankYouSentAt: interviewParticipants.thankYouSentAt,
    })
    .from(interviewParticipants)
    .innerJoin(interviews, and(eq(interviews.orgId, interviewParticipants.orgId), eq(interviews.id, interviewParticipants.interviewId)))
    .innerJoin(applications, applicationOfInterview)
    .where(
      and(
        eq(interviewParticipants.orgId, scope.orgId),
        eq(interviewParticipants.clientId, scope.clientId),
        eq(interviewParticipants.contactId, contact.id),
      ),
    )
    .orderBy(desc(interviews.startsAt));
  return { ...contact, knows: knows.map(({ contactId: _c, ...link }) => link), knownBy, interviews: metAt };
}

export async function createContact(db: Db, scope: ClientActor, input: TCreateContactInput) {
  if (input.companyId) await loadCompany(db, scope, input.companyId);
  const [contact] = await db
    .insert(contacts)
    .values({ ...input, orgId: scope.orgId, clientId: scope.clientId })
    .returning();
  await recordActivity(db, {
    orgId: scope.orgId,
    clientId: scope.clientId,
    actorUserId: scope.actorUserId,
    kind: "contact.added",
    summary: `Added ${contact!.name} to contacts`,
    data: { contactId: contact!.id },
  });
  return contact!;
}

export async function updateContact(db: Db, scope: ClientActor, input: TUpdateContactInput) {
  const { contactId, ...changes } = input;
  const current = await loadContact(db, scope, contactId);
  if (changes.companyId) await loadCompany(db, scope, changes.companyId);
  if (Object.keys(changes).length === 0) return current;
  const [updated] = await db
    .update(contacts)
    .set(changes)
    .where(and(eq(contacts.orgId, scope.orgId), eq(contacts.clientId, scope.clientId), eq(contacts.id, current.id)))
    .returning();
  return updated!;
}
