import { and, asc, eq, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Executor } from "@/db";
import { contacts } from "@/db/schema";

/**
 * People the client knows who work at a company: contacts attached to it, and contacts whose
 * employer (as LinkedIn wrote it) names it. Names are compared without case, punctuation or legal
 * suffixes, so "Acme, Inc." and "ACME Inc" and "Acme" are the same employer.
 */

const LEGAL_SUFFIXES = "inc|incorporated|ltd|limited|llc|llp|gmbh|corp|corporation|co|company|plc|sa|ag|bv|nv|srl|pty";

/** The comparable form of a company name, in JavaScript. */
export function employerKey(name: string): string {
  return name
    .toLowerCase()
    .replace(new RegExp(`\\b(${LEGAL_SUFFIXES})\\b\\.?`, "gu"), "")
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

/** The same form in SQL, so the comparison happens in the database. */
function employerKeySql(column: AnyPgColumn): SQL<string> {
  return sql<string>`regexp_replace(regexp_replace(lower(${column}), ${`\\m(${LEGAL_SUFFIXES})\\M\\.?`}, '', 'g'), '[^[:alnum:]]+', '', 'g')`;
}

export type PersonAtCompany = { id: string; name: string; title: string | null; linkedinUrl: string | null };

export async function peopleAtCompany(
  db: Executor,
  scope: { orgId: string; clientId: string },
  company: { id: string; name: string },
  options: { limit?: number; employerOnly?: boolean } = {},
): Promise<PersonAtCompany[]> {
  const key = employerKey(company.name);
  const byEmployer = key ? sql`${employerKeySql(contacts.employer)} = ${key}` : sql`false`;
  return db
    .select({ id: contacts.id, name: contacts.name, title: contacts.title, linkedinUrl: contacts.linkedinUrl })
    .from(contacts)
    .where(
      and(
        eq(contacts.orgId, scope.orgId),
        eq(contacts.clientId, scope.clientId),
        options.employerOnly ? byEmployer : or(eq(contacts.companyId, company.id), byEmployer),
      ),
    )
    .orderBy(asc(contacts.name), asc(contacts.id))
    .limit(options.limit ?? 50);
}
