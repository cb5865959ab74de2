import { randomUUID } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db";
import {
  applications,
  applicationStatus,
  applicationStatusHistory,
  commitments,
  commitmentSource,
  companies,
  contactChannel,
  contactLinks,
  contactRole,
  contacts,
  draftKind,
  drafts,
  draftStatus,
  interviewKind,
  interviewParticipants,
  interviews,
  interviewStatus,
  jobType,
  workplaceType,
} from "@/db/schema";
import { recordActivity } from "../activity";
import { insertJsonRows } from "./bulk-insert";
import type { ClientActor } from "../scope";

/**
 * Restoring a whole JSON export of ours into an empty account: companies, applications with their
 * status history, interviews with interviewers and debriefs, contacts and who knows whom, promises
 * and drafts. Every row gets a new id (the old ones may still exist in the account exported from),
 * and every reference is re-pointed; a reference to something missing from the file refuses the
 * whole file with the reason. Reminders and the activity timeline are not restored: they are
 * derived, and replaying old reminders would send them again.
 */

export const MAX_JSON_BYTES = 20 * 1024 * 1024;

export const ZImportAccountInput = z.object({
  json: z
    .string()
    .max(MAX_JSON_BYTES, "The file is larger than 20 MB.")
    .refine((text) => text.trim() !== "", "Choose the JSON file of a Followthrough export."),
});
export type TImportAccountInput = z.infer<typeof ZImportAccountInput>;

const id = z.uuid();
const ref = z.uuid().nullish().transform((v) => v ?? null);
const instant = z.coerce.date();
const optionalInstant = z.coerce.date().nullish().transform((v) => v ?? null);
const day = z.iso.date().nullish().transform((v) => v ?? null);
const text = (max: number) => z.string().max(max);
const optionalText = (max: number) => z.string().max(max).nullish().transform((v) => v ?? null);

const ZExport = z.object({
  schemaVersion: z.union([z.literal(1), z.literal(2)], "This export's format version is not one we can read."),
  companies: z.array(
    z.object({ id, name: text(200).min(1), website: optionalText(2000), researchNotes: text(20_000).default(""), researchUpdatedAt: optionalInstant, challenges: z.array(text(500)).default([]), createdAt: instant }),
  ),
  applications: z.array(
    z.object({
      id,
      companyId: id,
      roleTitle: text(200).min(1),
      status: z.enum(applicationStatus.enumValues),
      statusChangedAt: instant,
      archivedAt: optionalInstant,
      jobUrl: optionalText(2000),
      source: optionalText(200),
      notes: text(10_000).default(""),
      location: optionalText(200),
      workplaceType: z.enum(workplaceType.enumValues).nullish().transform((v) => v ?? null),
      jobType: z.enum(jobType.enumValues).nullish().transform((v) => v ?? null),
      salaryMin: z.number().int().min(0).nullish().transform((v) => v ?? null),
      salaryMax: z.number().int().min(0).nullish().transform((v) => v ?? null),
      salaryCurrency: optionalText(3),
      deadlineOn: day,
      excitement: z.number().int().min(1).max(5).nullish().transform((v) => v ?? null),
      tags: z.array(text(40)).max(20).default([]),
      savedOn: day,
      appliedOn: day,
      postingSnapshot: optionalText(100_000),
      postingCapturedAt: optionalInstant,
      createdAt: instant,
    }),
  ),
  applicationStatusHistory: z.array(z.object({ id, applicationId: id, fromStatus: z.enum(applicationStatus.enumValues).nullable(), toStatus: z.enum(applicationStatus.enumValues), changedAt: instant })),
  interviews: z.array(
    z.object({
      id,
      applicationId: id,
      round: z.number().int().min(1).max(100),
      kind: z.enum(interviewKind.enumValues),
      startsAt: instant,
      endsAt: instant,
      timeZone: text(100),
      location: optionalText(500),
      status: z.enum(interviewStatus.enumValues),
      debriefedAt: optionalInstant,
      askedForJob: z.boolean().nullable(),
      nextSteps: optionalText(5000),
      expectAnswerBy: day,
      preferredChannel: z.enum(contactChannel.enumValues).nullable(),
      agreedCheckInOn: day,
      notBeforeOn: day,
      debriefNotes: optionalText(20_000),
      createdAt: instant,
    }),
  ),
  interviewParticipants: z.array(
    z.object({ id, interviewId: id, contactId: id, discussed: optionalText(5000), challengesDiscussed: z.array(text(500)).default([]), thankYouSentAt: optionalInstant, thankYouHandwritten: z.boolean().default(false), createdAt: instant }),
  ),
  contacts: z.array(
    z.object({
      id,
      name: text(120).min(1),
      email: optionalText(254),
      phone: optionalText(40),
      title: optionalText(120),
      companyId: ref,
      employer: optionalText(200),
      linkedinUrl: optionalText(500),
      connectedOn: day,
      role: z.enum(contactRole.enumValues),
      howWeKnow: optionalText(500),
      lastContactedAt: optionalInstant,
      notes: text(5000).default(""),
      createdAt: instant,
    }),
  ),
  contactLinks: z.array(z.object({ id, contactId: id, knowsContactId: ref, knowsCompanyId: ref, note: optionalText(500), createdAt: instant })),
  commitments: z.array(
    z.object({ id, applicationId: ref, interviewId: ref, contactId: ref, description: text(2000).min(1), source: z.enum(commitmentSource.enumValues), dueAt: instant, doneAt: optionalInstant, createdAt: instant }),
  ),
  drafts: z.array(
    z.object({ id, applicationId: ref, interviewId: ref, contactId: ref, kind: z.enum(draftKind.enumValues), subject: text(500), body: text(50_000), status: z.enum(draftStatus.enumValues), handwritten: z.boolean().default(false), sentAt: optionalInstant, createdAt: instant }),
  ),
});
type Export = z.infer<typeof ZExport>;

export type ImportAccountResult = { imported: false; reason: string } | { imported: true; counts: Record<string, number> };

export async function importAccount(db: Executor, scope: ClientActor, input: TImportAccountInput, now = new Date()): Promise<ImportAccountResult> {
  let raw: unknown;
  try {
    raw = JSON.parse(input.json);
  } catch {
    return { imported: false, reason: "This file is not valid JSON. Choose the .json file of a Followthrough export." };
  }
  const parsed = ZExport.safeParse(raw);
  if (!parsed.success) return { imported: false, reason: describeIssue(parsed.error) };
  const data = parsed.data;

  const [owned] = await db
    .select({ n: count() })
    .from(companies)
    .where(and(eq(companies.orgId, scope.orgId), eq(companies.clientId, scope.clientId)));
  const [people] = await db.select({ n: count() }).from(contacts).where(and(eq(contacts.orgId, scope.orgId), eq(contacts.clientId, scope.clientId)));
  if ((owned?.n ?? 0) + (people?.n ?? 0) > 0) {
    return { imported: false, reason: "A whole-account import only goes into an empty account: this one already has applications or contacts. Import applications from a CSV instead." };
  }

  const mapped = remap(data);
  if ("reason" in mapped) return { imported: false, reason: mapped.reason };
  const { newId, optionalId } = mapped;
  const base = { orgId: scope.orgId, clientId: scope.clientId };

  await insertJsonRows(db, companies, data.companies.map((c) => ({ ...base, id: newId(c.id), name: c.name, website: c.website, researchNotes: c.researchNotes, researchUpdatedAt: c.researchUpdatedAt, challenges: c.challenges, createdAt: c.createdAt, updatedAt: now })));
  await insertJsonRows(db, applications, data.applications.map(({ id: old, companyId, ...a }) => ({ ...base, ...a, id: newId(old), companyId: newId(companyId), updatedAt: now })));
  await insertJsonRows(db, applicationStatusHistory, data.applicationStatusHistory.map((h) => ({ ...base, id: newId(h.id), applicationId: newId(h.applicationId), fromStatus: h.fromStatus, toStatus: h.toStatus, changedAt: h.changedAt, changedByUserId: scope.actorUserId })));
  await insertJsonRows(db, contacts, data.contacts.map(({ id: old, companyId, ...c }) => ({ ...base, ...c, id: newId(old), companyId: optionalId(companyId), updatedAt: now })));
  await insertJsonRows(db, contactLinks, data.contactLinks.map((l) => ({ ...base, id: newId(l.id), contactId: newId(l.contactId), knowsContactId: optionalId(l.knowsContactId), knowsCompanyId: optionalId(l.knowsCompanyId), note: l.note, createdAt: l.createdAt })));
  await insertJsonRows(db, interviews, data.interviews.map(({ id: old, applicationId, ...i }) => ({ ...base, ...i, id: newId(old), applicationId: newId(applicationId), updatedAt: now })));
  await insertJsonRows(db, interviewParticipants, data.interviewParticipants.map(({ id: old, interviewId, contactId, ...p }) => ({ ...base, ...p, id: newId(old), interviewId: newId(interviewId), contactId: newId(contactId) })));
  await insertJsonRows(db, commitments, data.commitments.map(({ id: old, applicationId, interviewId, contactId, ...c }) => ({ ...base, ...c, id: newId(old), applicationId: optionalId(applicationId), interviewId: optionalId(interviewId), contactId: optionalId(contactId), updatedAt: now })));
  await insertJsonRows(db, drafts, data.drafts.map(({ id: old, applicationId, interviewId, contactId, ...d }) => ({ ...base, ...d, id: newId(old), applicationId: optionalId(applicationId), interviewId: optionalId(interviewId), contactId: optionalId(contactId), updatedAt: now })));

  const counts = {
    companies: data.companies.length,
    applications: data.applications.length,
    interviews: data.interviews.length,
    contacts: data.contacts.length,
    commitments: data.commitments.length,
    drafts: data.drafts.length,
  };
  await recordActivity(db, { ...base, actorUserId: scope.actorUserId, kind: "account.imported", summary: `Restored ${counts.applications} applications from an export`, data: counts });
  return { imported: true, counts };
}

/**
 * New ids for every row, after checking each reference points at a row of the file (of the right
 * kind): what does not fit is named, so the person knows which record is broken.
 */
function remap(data: Export): { newId: (old: string) => string; optionalId: (old: string | null) => string | null } | { reason: string } {
  const ids = new Map<string, string>();
  const kinds = new Map<string, string>();
  const sections = { companies: "company", applications: "application", interviews: "interview", contacts: "contact", commitments: "promise", drafts: "draft", applicationStatusHistory: "status change", interviewParticipants: "interviewer", contactLinks: "connection" } as const;
  for (const [section, kind] of Object.entries(sections)) {
    for (const row of data[section as keyof typeof sections]) {
      if (ids.has(row.id)) return { reason: `The id ${row.id} appears twice in the file.` };
      ids.set(row.id, randomUUID());
      kinds.set(row.id, kind);
    }
  }
  const checks: Array<[string, string | null, string, string]> = [
    ...data.applications.map((a) => [a.companyId, a.companyId, "company", `Application "${a.roleTitle}"`] as [string, string, string, string]),
    ...data.applicationStatusHistory.map((h) => [h.applicationId, h.applicationId, "application", "A status change"] as [string, string, string, string]),
    ...data.interviews.map((i) => [i.applicationId, i.applicationId, "application", `Interview round ${i.round}`] as [string, string, string, string]),
    ...data.interviewParticipants.flatMap((p) => [
      [p.interviewId, p.interviewId, "interview", "An interviewer"],
      [p.contactId, p.contactId, "contact", "An interviewer"],
    ] as Array<[string, string, string, string]>),
    ...data.contacts.map((c) => [c.companyId ?? "", c.companyId, "company", `Contact "${c.name}"`] as [string, string | null, string, string]),
    ...data.contactLinks.flatMap((l) => [
      [l.contactId, l.contactId, "contact", "A who-knows-whom link"],
      [l.knowsContactId ?? "", l.knowsContactId, "contact", "A who-knows-whom link"],
      [l.knowsCompanyId ?? "", l.knowsCompanyId, "company", "A who-knows-whom link"],
    ] as Array<[string, string | null, string, string]>),
    ...[...data.commitments, ...data.drafts].flatMap((r) => [
      [r.applicationId ?? "", r.applicationId, "application", "A promise or draft"],
      [r.interviewId ?? "", r.interviewId, "interview", "A promise or draft"],
      [r.contactId ?? "", r.contactId, "contact", "A promise or draft"],
    ] as Array<[string, string | null, string, string]>),
  ];
  for (const [, target, kind, who] of checks) {
    if (target !== null && kinds.get(target) !== kind) return { reason: `${who} refers to a ${kind} (${target}) that is not in the file, so the file cannot be restored as it is.` };
  }
  return { newId: (old) => ids.get(old)!, optionalId: (old) => (old === null ? null : ids.get(old)!) };
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  if (issue.path.length === 0 || issue.path[0] === "schemaVersion") {
    return issue.path[0] === "schemaVersion" ? "This is not a Followthrough export we can read (its format version is missing or newer than this app)." : "This is not a Followthrough export.";
  }
  const [section, index, field] = issue.path;
  return `The export's ${String(section)} section does not fit${typeof index === "number" ? ` at entry ${index + 1}` : ""}${field !== undefined ? ` (${String(field)})` : ""}: ${issue.message}`;
}
