import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import { contactNamedBy } from "@/server/services/joins";
import { alias } from "drizzle-orm/pg-core";
import { applications, contactLinks, contacts, interviewParticipants, interviews } from "@/db/schema";
import { notFound } from "../../errors";
import { replanApplication } from "../reminders/replan";
import { loadCompany, loadContact } from "./contacts";
import type { TLinkContactInput } from "./schemas";
import type { ClientActor, ClientRef, Db } from "../scope";

/**
 * Records that a contact knows another contact or a company. Both ends must be the client's;
 * anything else is NOT_FOUND. Saying it twice keeps one link (the note is updated).
 */
export async function linkContact(db: Db, scope: ClientActor, input: TLinkContactInput) {
  const contact = await loadContact(db, scope, input.contactId);
  if (input.knowsContactId) await loadContact(db, scope, input.knowsContactId);
  if (input.knowsCompanyId) await loadCompany(db, scope, input.knowsCompanyId);

  const same = and(
    eq(contactLinks.orgId, scope.orgId),
    eq(contactLinks.clientId, scope.clientId),
    eq(contactLinks.contactId, contact.id),
    input.knowsContactId ? eq(contactLinks.knowsContactId, input.knowsContactId) : isNull(contactLinks.knowsContactId),
    input.knowsCompanyId ? eq(contactLinks.knowsCompanyId, input.knowsCompanyId) : isNull(contactLinks.knowsCompanyId),
  );
  const [existing] = await db.select().from(contactLinks).where(same);
  const link = existing
    ? (await db.update(contactLinks).set({ note: input.note }).where(and(same, eq(contactLinks.id, existing.id))).returning())[0]!
    : (
        await db
          .insert(contactLinks)
          .values({
            orgId: scope.orgId,
            clientId: scope.clientId,
            contactId: contact.id,
            knowsContactId: input.knowsContactId,
            knowsCompanyId: input.knowsCompanyId,
            note: input.note,
          })
          .returning()
      )[0]!;
  await replanAffected(db, scope, link);
  return link;
}

export async function unlinkContact(db: Db, scope: ClientActor, linkId: string) {
  const [removed] = await db
    .delete(contactLinks)
    .where(and(eq(contactLinks.orgId, scope.orgId), eq(contactLinks.clientId, scope.clientId), eq(contactLinks.id, linkId)))
    .returning();
  if (!removed) throw notFound("Link not found.");
  await replanAffected(db, scope, removed);
  return { id: removed.id };
}

/**
 * A link can add or remove a "use your network" suggestion (rule 9) on the applications to that
 * company, or those where the known person interviewed the client: re-plan exactly those.
 */
async function replanAffected(db: Db, scope: ClientRef, link: { knowsContactId: string | null; knowsCompanyId: string | null }) {
  const viaInterviews = link.knowsContactId
    ? db
        .select({ id: interviews.applicationId })
        .from(interviewParticipants)
        .innerJoin(interviews, and(eq(interviews.orgId, interviewParticipants.orgId), eq(interviews.id, interviewParticipants.interviewId)))
        .where(
          and(
            eq(interviewParticipants.orgId, scope.orgId),
            eq(interviewParticipants.clientId, scope.clientId),
            eq(interviewParticipants.contactId, link.knowsContactId),
          ),
        )
    : null;
  const rows = await db
    .select({ id: applications.id })
    .from(applications)
    .where(
      and(
        eq(applications.orgId, scope.orgId),
        eq(applications.clientId, scope.clientId),
        isNull(applications.archivedAt),
        or(
          link.knowsCompanyId ? eq(applications.companyId, link.knowsCompanyId) : undefined,
          viaInterviews ? inArray(applications.id, viaInterviews) : undefined,
        ),
      ),
    );
  for (const row of rows) await replanApplication(db, { orgId: scope.orgId, applicationId: row.id });
}

const colleague = alias(contacts, "colleague");

/**
 * Who could put in a good word at a company: contacts who know the company itself, or know
 * someone who works there, each with the people (or the company) they know there.
 */
export async function goodWord(db: Db, scope: ClientRef, companyId: string) {
  const company = await loadCompany(db, scope, companyId);
  const rows = await db
    .select({
      linkId: contactLinks.id,
      contactId: contacts.id,
      name: contacts.name,
      title: contacts.title,
      email: contacts.email,
      note: contactLinks.note,
      throughContactId: colleague.id,
      throughName: colleague.name,
      throughTitle: colleague.title,
    })
    .from(contactLinks)
    .innerJoin(contacts, contactNamedBy(contactLinks))
    .leftJoin(colleague, and(eq(colleague.orgId, contactLinks.orgId), eq(colleague.id, contactLinks.knowsContactId)))
    .where(
      and(
        eq(contactLinks.orgId, scope.orgId),
        eq(contactLinks.clientId, scope.clientId),
        or(eq(contactLinks.knowsCompanyId, company.id), eq(colleague.companyId, company.id)),
      ),
    )
    .orderBy(asc(contacts.name));

  const byContact = new Map<
    string,
    { contactId: string; name: string; title: string | null; email: string | null; through: Array<{ kind: "company" | "person"; contactId: string | null; name: string; title: string | null; note: string | null }> }
  >();
  for (const row of rows) {
    const entry = byContact.get(row.contactId) ?? { contactId: row.contactId, name: row.name, title: row.title, email: row.email, through: [] };
    entry.through.push(
      row.throughContactId
        ? { kind: "person", contactId: row.throughContactId, name: row.throughName ?? "", title: row.throughTitle, note: row.note }
        : { kind: "company", contactId: null, name: company.name, title: null, note: row.note },
    );
    byContact.set(row.contactId, entry);
  }
  return { company, contacts: [...byContact.values()] };
}
