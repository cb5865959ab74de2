import { TZDate } from "@date-fns/tz";
import { contactNamedBy, membershipNamedBy, userOfMembership } from "@/server/services/joins";
import { and, asc, desc, eq, inArray, or } from "drizzle-orm";
import type { Executor } from "@/db";
import {
  contactLinks,
  contacts,
  drafts,
  interviewParticipants,
  interviews,
  memberships,
  nudges,
  users,
} from "@/db/schema";
import {
  emailForReminderKind,
  renderEmail,
  type ApplicationRef,
  type DraftRef,
  type EmailPropsMap,
  type RenderedEmail,
  type ReminderBaseProps,
} from "@/emails";
import { unsafeClientDigestContent, unsafeCoachDigestClients, isEmptyClientDigest } from "../digests/content";
import { mondayOf } from "../digests/schedule";
import { addDaysToIsoDate, localDateOf, localTimeOn } from "../followup/time";
import type { DeliveryContext, ReminderRow } from "./context";
import { appLinks, type AppLinks } from "./links";
import type { ReminderKind } from "@/lib/vocabulary";

type Kind = keyof typeof emailForReminderKind;

export type Composed =
  | { ok: true; email: RenderedEmail }
  /** Nothing worth sending any more: the row is cancelled with this reason. */
  | { ok: false; reason: "subject_closed" | "missing_subject"; detail: string };

const RESEARCH_EXCERPT_CHARS = 280;

function render<K extends Kind>(kind: K, props: EmailPropsMap[(typeof emailForReminderKind)[K]]): Promise<RenderedEmail> {
  return renderEmail(emailForReminderKind[kind], props);
}

/** "Jordan" from "Jordan Lee"; the address's local part when no name was given. */
export function firstName(name: string | null, email: string): string {
  return name?.trim().split(/\s+/)[0] || email.split("@")[0] || email;
}

function excerpt(text: string, limit: number): string | null {
  const trimmed = text.trim().replace(/\s+/g, " ");
  if (!trimmed) return null;
  if (trimmed.length <= limit) return trimmed;
  return `${trimmed.slice(0, limit).replace(/\s+\S*$/, "")}…`;
}

/**
 * A date the employer named (YYYY-MM-DD) as an instant the templates can format: noon in the
 * recipient's zone, which is that same calendar day there whatever the offset.
 */
function localNoon(isoDate: string, timeZone: string): Date {
  const [year, month, day] = isoDate.split("-").map(Number) as [number, number, number];
  return new Date(+new TZDate(year, month - 1, day, 12, 0, 0, timeZone));
}

type Ctx = DeliveryContext & { links: AppLinks; base: ReminderBaseProps; now: Date };

const ready = (email: RenderedEmail): Composed => ({ ok: true, email });
const closed = (detail: string): Composed => ({ ok: false, reason: "subject_closed", detail });
const missing = (detail: string): Composed => ({ ok: false, reason: "missing_subject", detail });

function applicationRef(ctx: Ctx): ApplicationRef | null {
  if (!ctx.application || !ctx.company) return null;
  return { companyName: ctx.company.name, roleTitle: ctx.application.roleTitle };
}

/**
 * Builds and renders the email for one reminder from the rows as they are now. Answers why not
 * when there is nothing worth sending any more (the interview was cancelled, every interviewer
 * has been thanked, the promise is done), so delivery cancels instead of sending stale news.
 * Unsafe: reads across tenants on the owner connection; every query is filtered by `org_id`.
 */
export async function unsafeComposeReminderEmail(
  db: Executor,
  reminder: ReminderRow,
  context: DeliveryContext,
  base: { unsubscribeUrl: string; now?: Date },
): Promise<Composed> {
  const ctx: Ctx = {
    ...context,
    now: base.now ?? new Date(),
    links: appLinks(context.org.slug),
    base: {
      org: { name: context.org.name, brandColor: context.org.brandColor, logoUrl: context.org.logoUrl },
      recipientName: firstName(context.recipient.name, context.recipient.email),
      unsubscribeUrl: base.unsubscribeUrl,
    },
  };
  return COMPOSERS[reminder.kind]({ db, reminder, ctx, orgId: reminder.orgId, timeZone: ctx.recipient.timeZone, links: ctx.links });
}

/** What each reminder composer is given: the rows as they are now, and where the links point. */
type ComposeInput = { db: Executor; reminder: ReminderRow; ctx: Ctx; orgId: string; timeZone: string; links: AppLinks };
type Composer = (input: ComposeInput) => Promise<Composed>;

const composePrepare: Composer = async ({ ctx, timeZone, links }) => {
  const application = applicationRef(ctx);
  const interview = ctx.interview;
  if (!application || !interview) return missing("the interview or its application is gone");
  if (interview.status !== "scheduled") return closed(`the interview is ${interview.status}`);
  return ready(await render("prepare", {
    ...ctx.base,
    application,
    interview: {
      startsAt: interview.startsAt,
      timeZone,
      kind: interview.kind,
      round: interview.round,
      location: interview.location,
    },
    researchExcerpt: excerpt(ctx.company!.researchNotes, RESEARCH_EXCERPT_CHARS),
    actionUrl: links.interview(interview.id),
  }));
};

const composeDebrief: Composer = async ({ db, ctx, orgId, timeZone, links }) => {
  const application = applicationRef(ctx);
  const interview = ctx.interview;
  if (!application || !interview) return missing("the interview or its application is gone");
  if (interview.status === "cancelled") return closed("the interview was cancelled");
  if (interview.debriefedAt) return closed("the debrief is already recorded");
  const people = await participantsOf(db, orgId, interview.id);
  return ready(await render("debrief", {
    ...ctx.base,
    application,
    interview: { endedAt: interview.endsAt, timeZone, kind: interview.kind },
    interviewerNames: people.map((p) => p.name),
    actionUrl: links.debrief(interview.id),
  }));
};

const composeThankYouDue: Composer = async ({ db, ctx, orgId, timeZone, links }) => {
  const application = applicationRef(ctx);
  const interview = ctx.interview;
  if (!application || !interview) return missing("the interview or its application is gone");
  if (interview.status === "cancelled") return closed("the interview was cancelled");
  const people = await participantsOf(db, orgId, interview.id);
  const unthanked = people.filter((p) => p.thankYouSentAt === null && !p.thankYouHandwritten);
  if (unthanked.length === 0) return closed("every interviewer has been thanked");
  const notes = await db
    .select({ id: drafts.id, contactId: drafts.contactId })
    .from(drafts)
    .where(
      and(
        eq(drafts.orgId, orgId),
        eq(drafts.interviewId, interview.id),
        eq(drafts.kind, "thank_you"),
        eq(drafts.status, "draft"),
      ),
    );
  const noteFor = new Map(notes.map((note) => [note.contactId, note.id]));
  return ready(await render("thank_you_due", {
    ...ctx.base,
    application,
    interview: { endedAt: interview.endsAt, timeZone },
    // Sent late (a retry, a server that was down), the email must not pretend it is on time.
    daysSinceEnded: Math.max(0, Math.floor((+ctx.now - +interview.endsAt) / 86_400_000)),
    pendingNotes: unthanked.map((p) => {
      const draftId = noteFor.get(p.contactId);
      return { interviewerName: p.name, editUrl: draftId ? links.draft(draftId) : links.interview(interview.id) };
    }),
    actionUrl: links.interview(interview.id),
  }));
};

/** A promise coming due, or overdue: the same facts, two emails. */
function composeCommitment(kind: "commitment_due" | "commitment_overdue"): Composer {
  return async ({ db, orgId, timeZone, links, ctx }) => {
    const commitment = ctx.commitment;
    if (!commitment) return missing("the commitment is gone");
    if (commitment.doneAt) return closed("the commitment is done");
    if (commitment.releasedAt) return closed("the application closed, so the promise is no longer needed");
    const [promisedTo] = commitment.contactId
      ? await db
          .select({ name: contacts.name })
          .from(contacts)
          .where(and(eq(contacts.orgId, orgId), eq(contacts.id, commitment.contactId)))
      : [];
    const props = {
      ...ctx.base,
      commitment: {
        description: commitment.description,
        dueAt: commitment.dueAt,
        timeZone,
        promisedTo: promisedTo?.name ?? null,
        companyName: ctx.company?.name ?? null,
      },
      actionUrl: links.commitment(commitment.id),
    };
    return ready(await render(kind, props));
  };
}

const composeCheckIn: Composer = async ({ db, ctx, orgId, timeZone, links }) => {
  const application = applicationRef(ctx);
  const interview = ctx.interview;
  if (!application || !interview) return missing("the interview or its application is gone");
  if (interview.status === "cancelled") return closed("the interview was cancelled");
  const agreed = interview.agreedCheckInOn ?? interview.notBeforeOn;
  const [contact] = await participantsOf(db, orgId, interview.id);
  const [draft] = await draftsOf(db, ctx.application!, "check_in", { interviewId: interview.id });
  return ready(await render("check_in", {
    ...ctx.base,
    application,
    timing: agreed
      ? { kind: "agreed_date", date: localNoon(agreed, timeZone) }
      : { kind: "default_wait", days: ctx.org.policy.checkInDefaultDays, lastInterviewAt: interview.endsAt },
    timeZone,
    contactName: contact?.name ?? null,
    channel: interview.preferredChannel,
    draft: draft ? draftRef(draft, links) : null,
    actionUrl: draft ? links.draft(draft.id) : links.application(ctx.application!.id),
  }));
};

const composeProposalSuggestion: Composer = async ({ ctx, links }) => {
  const application = applicationRef(ctx);
  if (!application) return missing("the application is gone");
  const challenges = ctx.company!.challenges.map((c) => c.trim()).filter(Boolean);
  if (challenges.length === 0) return closed("the company has no recorded challenges");
  return ready(await render("proposal_suggestion", {
    ...ctx.base,
    application,
    challenges,
    actionUrl: links.proposal(ctx.application!.id),
  }));
};

const composeNetworkingSuggestion: Composer = async ({ db, ctx, orgId, links }) => {
  const application = applicationRef(ctx);
  if (!application) return missing("the application is gone");
  const link = await goodWordLink(db, orgId, ctx.application!.id, ctx.application!.companyId);
  if (!link) return closed("nobody in the network knows an interviewer or the company any more");
  const [draft] = await draftsOf(db, ctx.application!, "networking_ask", { applicationId: ctx.application!.id, contactId: link.contactId });
  return ready(await render("networking_suggestion", {
    ...ctx.base,
    application,
    contact: { name: link.contactName, howYouKnowThem: link.howWeKnow },
    connection: link.interviewerName ? { kind: "interviewer", interviewerName: link.interviewerName } : { kind: "company" },
    draft: draft ? draftRef(draft, links) : null,
    actionUrl: draft ? links.draft(draft.id) : links.contact(link.contactId),
  }));
};

const composeRejectionFollowThrough: Composer = async ({ db, ctx, orgId, links }) => {
  const application = applicationRef(ctx);
  if (!application) return missing("the application is gone");
  const [draft] = await draftsOf(db, ctx.application!, "rejection_reply", { applicationId: ctx.application!.id });
  const kept = await db.$count(contacts, and(eq(contacts.orgId, orgId), eq(contacts.companyId, ctx.company!.id)));
  return ready(await render("rejection_follow_through", {
    ...ctx.base,
    application,
    draft: draft ? draftRef(draft, links) : null,
    contactsKept: kept,
    reconnectAfterDays: ctx.org.policy.reconnectAfterDays,
    actionUrl: draft ? links.draft(draft.id) : links.application(ctx.application!.id),
  }));
};

const composeReconnect: Composer = async ({ db, ctx, orgId, timeZone, links }) => {
  const application = applicationRef(ctx);
  if (!application) return missing("the application is gone");
  const people = await db
    .select({ name: contacts.name, title: contacts.title })
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), eq(contacts.companyId, ctx.company!.id)))
    .orderBy(asc(contacts.name))
    .limit(5);
  return ready(await render("reconnect", {
    ...ctx.base,
    application,
    closedAt: ctx.application!.statusChangedAt,
    timeZone,
    contacts: people,
    actionUrl: links.company(ctx.company!.id),
  }));
};

const composeCoachNudge: Composer = async ({ db, reminder, ctx, orgId, links }) => {
  // Nudge reminders are keyed `coach_nudge/<nudgeId>`: the row names no nudge column.
  const nudgeId = /^coach_nudge\/([0-9a-f-]{36})$/i.exec(reminder.dedupeKey)?.[1];
  if (!nudgeId) return missing(`the dedupe key ${reminder.dedupeKey} names no nudge`);
  const [nudge] = await db
    .select({ message: nudges.message, coachName: users.name, coachEmail: users.email })
    .from(nudges)
    .innerJoin(memberships, membershipNamedBy(nudges.orgId, nudges.coachMembershipId))
    .innerJoin(users, userOfMembership)
    .where(and(eq(nudges.orgId, orgId), eq(nudges.id, nudgeId)));
  if (!nudge) return missing("the nudge is gone");
  return ready(await render("coach_nudge", {
    ...ctx.base,
    coachName: nudge.coachName?.trim() || nudge.coachEmail,
    message: nudge.message,
    dashboardUrl: links.dashboard,
  }));
};

const composeClientDigest: Composer = async ({ db, reminder, ctx, orgId, timeZone, links }) => {
  const week = digestWeek(reminder.dueAt, timeZone);
  if (+week.end <= +ctx.now) return closed("the week this digest covers is over");
  const content = await unsafeClientDigestContent(db, {
    orgId,
    orgSlug: ctx.org.slug,
    clientId: ctx.recipient.membershipId,
    now: ctx.now,
    weekEnd: week.end,
    policy: ctx.org.policy,
    links,
  });
  if (isEmptyClientDigest(content)) return closed("nothing to plan this week: no interviews, follow-ups, drafts or active applications");
  return ready(await render("client_digest", { ...ctx.base, weekStart: week.start, timeZone, ...content, dashboardUrl: links.dashboard }));
};

const composeCoachDigest: Composer = async ({ db, reminder, ctx, orgId, timeZone, links }) => {
  const week = digestWeek(reminder.dueAt, timeZone);
  if (+week.end <= +ctx.now) return closed("the week this digest covers is over");
  const clients = await unsafeCoachDigestClients(db, {
    orgId,
    coachMembershipId: ctx.recipient.membershipId,
    now: ctx.now,
    policy: ctx.org.policy,
    links,
  });
  if (clients.length === 0) return closed("the coach has no active clients assigned");
  return ready(await render("coach_digest", {
    ...ctx.base,
    weekStart: week.start,
    timeZone,
    goneQuietDays: ctx.org.policy.goneQuietDays,
    clients,
    portalUrl: links.coachOverview,
  }));
};

/** One composer a reminder kind: a kind added to the enum does not compile until it has one. */
const COMPOSERS = {
  prepare: composePrepare,
  debrief: composeDebrief,
  thank_you_due: composeThankYouDue,
  commitment_due: composeCommitment("commitment_due"),
  commitment_overdue: composeCommitment("commitment_overdue"),
  check_in: composeCheckIn,
  proposal_suggestion: composeProposalSuggestion,
  networking_suggestion: composeNetworkingSuggestion,
  rejection_follow_through: composeRejectionFollowThrough,
  reconnect: composeReconnect,
  coach_nudge: composeCoachNudge,
  client_digest: composeClientDigest,
  coach_digest: composeCoachDigest,
  // Never reached: delivery/deliver.ts hands invitation rows to delivery/invitation.ts.
  invitation: async () => missing("an invitation email is composed from its invitation, not as a reminder"),
} satisfies Record<ReminderKind, Composer>;

/** The Monday-to-Monday week (recipient's calendar) a digest due at `dueAt` covers. */
function digestWeek(dueAt: Date, timeZone: string) {
  const monday = mondayOf(localDateOf(dueAt, timeZone));
  return { start: localTimeOn(monday, "00:00", timeZone), end: localTimeOn(addDaysToIsoDate(monday, 7), "00:00", timeZone) };
}

async function participantsOf(db: Executor, orgId: string, interviewId: string) {
  return db
    .select({
      contactId: interviewParticipants.contactId,
      name: contacts.name,
      thankYouSentAt: interviewParticipants.thankYouSentAt,
      thankYouHandwritten: interviewParticipants.thankYouHandwritten,
    })
    .from(interviewParticipants)
    .innerJoin(contacts, contactNamedBy(interviewParticipants))
    .where(and(eq(interviewParticipants.orgId, orgId), eq(interviewParticipants.interviewId, interviewId)))
    .orderBy(asc(interviewParticipants.createdAt), asc(contacts.name));
}

type DraftRow = { id: string; subject: string; body: string; recipientName: string | null };

/**
 * The newest open draft of a kind for an interview or an application (and contact), of the
 * application's client: drafts are indexed by (org, client), and by org alone this read every
 * open draft of the organisation for each reminder delivered.
 */
async function draftsOf(
  db: Executor,
  application: { orgId: string; clientId: string },
  kind: (typeof drafts.kind.enumValues)[number],
  about: { interviewId?: string; applicationId?: string; contactId?: string },
): Promise<DraftRow[]> {
  return db
    .select({ id: drafts.id, subject: drafts.subject, body: drafts.body, recipientName: contacts.name })
    .from(drafts)
    .leftJoin(contacts, contactNamedBy(drafts))
    .where(
      and(
        eq(drafts.orgId, application.orgId),
        eq(drafts.clientId, application.clientId),
        eq(drafts.kind, kind),
        eq(drafts.status, "draft"),
        about.interviewId ? eq(drafts.interviewId, about.interviewId) : undefined,
        about.applicationId ? eq(drafts.applicationId, about.applicationId) : undefined,
        about.contactId ? eq(drafts.contactId, about.contactId) : undefined,
      ),
    )
    .orderBy(desc(drafts.createdAt))
    .limit(1);
}

function draftRef(draft: DraftRow, links: AppLinks): DraftRef {
  return {
    recipientName: draft.recipientName ?? "them",
    subject: draft.subject,
    body: draft.body,
    editUrl: links.draft(draft.id),
  };
}

/**
 * Rule 9's link, re-read now: a contact who knows one of this application's interviewers
 * (preferred: the more specific introduction) or knows the company itself.
 */
async function goodWordLink(db: Executor, orgId: string, applicationId: string, companyId: string) {
  const interviewerIds = db
    .select({ id: interviewParticipants.contactId })
    .from(interviewParticipants)
    .innerJoin(interviews, and(eq(interviews.orgId, interviewParticipants.orgId), eq(interviews.id, interviewParticipants.interviewId)))
    .where(and(eq(interviewParticipants.orgId, orgId), eq(interviews.applicationId, applicationId)));
  const rows = await db
    .select({
      contactId: contactLinks.contactId,
      knowsContactId: contactLinks.knowsContactId,
      createdAt: contactLinks.createdAt,
    })
    .from(contactLinks)
    .where(
      and(
        eq(contactLinks.orgId, orgId),
        or(eq(contactLinks.knowsCompanyId, companyId), inArray(contactLinks.knowsContactId, interviewerIds)),
      ),
    )
    .orderBy(asc(contactLinks.createdAt));
  const best = rows.find((row) => row.knowsContactId !== null) ?? rows[0];
  if (!best) return null;
  const ids = [best.contactId, ...(best.knowsContactId ? [best.knowsContactId] : [])];
  const people = await db
    .select({ id: contacts.id, name: contacts.name, howWeKnow: contacts.howWeKnow })
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), inArray(contacts.id, ids)));
  const byId = new Map(people.map((p) => [p.id, p]));
  const contact = byId.get(best.contactId);
  if (!contact) return null;
  return {
    contactId: contact.id,
    contactName: contact.name,
    howWeKnow: contact.howWeKnow,
    interviewerName: best.knowsContactId ? (byId.get(best.knowsContactId)?.name ?? null) : null,
  };
}
