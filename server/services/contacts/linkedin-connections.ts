import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import Papa from "papaparse";
import { z } from "zod";
import type { Executor } from "@/db";
import { companies, contacts } from "@/db/schema";
import { recordActivity } from "../activity";
import { parseLooseDate } from "../imports/dates";
import { insertJsonRows } from "../imports/bulk-insert";
import { employerKey } from "./people-at-company";
import type { ClientActor, ClientRef } from "../scope";

/**
 * LinkedIn's "Connections.csv" (Settings → Data privacy → Get a copy of your data): a few lines of
 * notes, a blank line, then `First Name, Last Name, URL, Email Address, Company, Position,
 * Connected On` with dates like "14 Feb 2025". Each connection becomes a contact, unless the client
 * already has them (same profile address, same email, or same name at the same employer): those
 * are matched, and only their empty fields are filled in.
 */

const MAX_BYTES = 5 * 1024 * 1024;
/** LinkedIn caps connections at 30,000. */
const MAX_CONNECTIONS = 30_000;
const CHUNK = 1000;

export const ZLinkedInConnectionsInput = z.object({
  csv: z
    .string()
    .max(MAX_BYTES, "The file is larger than 5 MB.")
    .refine((text) => text.trim() !== "", "Choose your Connections.csv file."),
});
export type TLinkedInConnectionsInput = z.infer<typeof ZLinkedInConnectionsInput>;

type Connection = { name: string; email: string | null; linkedinUrl: string | null; employer: string | null; title: string | null; connectedOn: string | null };

const HEADER = ["first name", "last name", "url", "email address", "company", "position", "connected on"];

export function parseConnections(text: string): { connections: Connection[]; skipped: number; error: string | null } {
  const lines = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").split("\n");
  // The notes above the header may contain commas and quotes: find the header line itself.
  const headerAt = lines.findIndex((line) => line.toLowerCase().replace(/"/g, "").startsWith("first name,last name"));
  if (headerAt < 0) {
    return { connections: [], skipped: 0, error: 'This is not LinkedIn\'s Connections.csv: no "First Name, Last Name, …" header was found.' };
  }
  const parsed = Papa.parse<string[]>(lines.slice(headerAt).join("\n"), { skipEmptyLines: true });
  const headers = (parsed.data[0] ?? []).map((h) => h.trim().toLowerCase());
  const at = Object.fromEntries(HEADER.map((name) => [name, headers.indexOf(name)]));
  const cell = (row: string[], name: string) => (at[name]! >= 0 ? (row[at[name]!] ?? "").trim() : "");
  const rows = parsed.data.slice(1);
  if (rows.length > MAX_CONNECTIONS) return { connections: [], skipped: 0, error: `The file has ${rows.length.toLocaleString("en-GB")} rows; LinkedIn allows at most 30,000 connections.` };
  const connections: Connection[] = [];
  let skipped = 0;
  for (const row of rows) {
    const name = `${cell(row, "first name")} ${cell(row, "last name")}`.replace(/\s+/g, " ").trim().slice(0, 120);
    if (!name) {
      skipped++;
      continue;
    }
    const url = cell(row, "url");
    const email = cell(row, "email address").toLowerCase();
    connections.push({
      name,
      email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) && email.length <= 254 ? email : null,
      linkedinUrl: /^https:\/\/([a-z]+\.)?linkedin\.com\//i.test(url) ? url.slice(0, 500) : null,
      employer: cell(row, "company").slice(0, 200) || null,
      title: cell(row, "position").slice(0, 120) || null,
      connectedOn: parseLooseDate(cell(row, "connected on"), "DMY"),
    });
  }
  return { connections, skipped, error: null };
}

/** "https://www.linkedin.com/in/priya-raman/" and "https://linkedin.com/in/Priya-Raman" are one profile. */
const profileKey = (url: string) =>
  url
    .toLowerCase()
    .replace(/^https:\/\/([a-z]+\.)?linkedin\.com/, "")
    .replace(/[?#].*$/, "")
    .replace(/\/+$/, "");
const personKey = (name: string, employer: string | null) => `${name.toLowerCase()}\u0000${employerKey(employer ?? "")}`;

type Existing = typeof contacts.$inferSelect;

async function planConnections(db: Executor, scope: ClientRef, text: string) {
  const parsed = parseConnections(text);
  const existing = await db.select().from(contacts).where(and(eq(contacts.orgId, scope.orgId), eq(contacts.clientId, scope.clientId)));
  const byProfile = new Map<string, Existing>();
  const byEmail = new Map<string, Existing>();
  const byPerson = new Map<string, Existing>();
  // Someone added by hand without an employer is matched by name alone.
  const byNameOnly = new Map<string, Existing>();
  for (const contact of existing) {
    if (!contact.employer) byNameOnly.set(contact.name.toLowerCase(), contact);
    if (contact.linkedinUrl) byProfile.set(profileKey(contact.linkedinUrl), contact);
    if (contact.email) byEmail.set(contact.email.toLowerCase(), contact);
    byPerson.set(personKey(contact.name, contact.employer), contact);
  }
  const create: Connection[] = [];
  const matched: Array<{ contact: Existing; connection: Connection }> = [];
  const seen = new Set<string>();
  for (const connection of parsed.connections) {
    const key = connection.linkedinUrl ? profileKey(connection.linkedinUrl) : personKey(connection.name, connection.employer);
    if (seen.has(key)) continue;
    seen.add(key);
    const found =
      (connection.linkedinUrl && byProfile.get(profileKey(connection.linkedinUrl))) ||
      (connection.email && byEmail.get(connection.email)) ||
      byPerson.get(personKey(connection.name, connection.employer)) ||
      byNameOnly.get(connection.name.toLowerCase());
    if (found) matched.push({ contact: found, connection });
    else create.push(connection);
  }
  return { ...parsed, create, matched };
}

export async function previewLinkedInConnections(db: Executor, scope: ClientRef, input: TLinkedInConnectionsInput) {
  const plan = await planConnections(db, scope, input.csv);
  return {
    error: plan.error,
    total: plan.connections.length,
    newCount: plan.create.length,
    matchedCount: plan.matched.length,
    skipped: plan.skipped,
    sample: plan.create.slice(0, 10).map(({ name, employer, title }) => ({ name, employer, title })),
  };
}

/** All or nothing, in the procedure's transaction. */
export async function importLinkedInConnections(db: Executor, scope: ClientActor, input: TLinkedInConnectionsInput, now = new Date()) {
  const plan = await planConnections(db, scope, input.csv);
  if (plan.error) return { imported: false as const, reason: plan.error };
  if (plan.create.length + plan.matched.length === 0) return { imported: false as const, reason: "The file has no connections in it." };

  // A connection at a company the client already tracks is attached to it.
  const companyRows = await db.select({ id: companies.id, name: companies.name }).from(companies).where(and(eq(companies.orgId, scope.orgId), eq(companies.clientId, scope.clientId)));
  const companyByKey = new Map(companyRows.map((c) => [employerKey(c.name), c.id]));
  const companyOf = (employer: string | null) => (employer ? (companyByKey.get(employerKey(employer)) ?? null) : null);

  for (let i = 0; i < plan.create.length; i += CHUNK) {
    await insertJsonRows(
      db,
      contacts,
      plan.create.slice(i, i + CHUNK).map((c) => ({
        id: randomUUID(),
        orgId: scope.orgId,
        clientId: scope.clientId,
        name: c.name,
        email: c.email,
        title: c.title,
        employer: c.employer,
        linkedinUrl: c.linkedinUrl,
        connectedOn: c.connectedOn,
        companyId: companyOf(c.employer),
        howWeKnow: "LinkedIn connection",
        notes: "",
        createdAt: now,
        updatedAt: now,
      })),
    );
  }
  let updated = 0;
  for (const { contact, connection } of plan.matched) {
    const fill = {
      ...(!contact.email && connection.email && { email: connection.email }),
      ...(!contact.linkedinUrl && connection.linkedinUrl && { linkedinUrl: connection.linkedinUrl }),
      ...(!contact.employer && connection.employer && { employer: connection.employer }),
      ...(!contact.title && connection.title && { title: connection.title }),
      ...(!contact.connectedOn && connection.connectedOn && { connectedOn: connection.connectedOn }),
    };
    if (Object.keys(fill).length === 0) continue;
    updated++;
    await db
      .update(contacts)
      .set(fill)
      .where(and(eq(contacts.orgId, scope.orgId), eq(contacts.clientId, scope.clientId), eq(contacts.id, contact.id)));
  }
  await recordActivity(db, {
    orgId: scope.orgId,
    clientId: scope.clientId,
    actorUserId: scope.actorUserId,
    kind: "contact.imported",
    summary: `Imported ${plan.create.length} LinkedIn connection${plan.create.length === 1 ? "" : "s"}`,
    data: { created: plan.create.length, matched: plan.matched.length, updated },
  });
  return { imported: true as const, created: plan.create.length, matched: plan.matched.length, updated };
}
