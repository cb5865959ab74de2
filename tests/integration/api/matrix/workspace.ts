import { sql } from "drizzle-orm";
import * as s from "../../../../db/schema";
import { createApplication, createCommitment, createContact, createInterview } from "../../../factories";
import { createDraft, createEndedInterview, inDays } from "../../../factories/workspace";
import type { Caller, World } from "../../../helpers/callers";
import { aboutTheClient, clientWrites, members, type MatrixEntry } from "./shared";

const about = (w: World) => ({ orgSlug: w.org.slug, clientId: w.client.membership.id });
const refOf = (w: World) => ({ orgId: w.org.id, clientId: w.client.membership.id });

/**
 * The world's client starts with no rows of their own, so entries make what they need inside
 * `call`. A refused call must leave the database as it was before `call`: then every row of the
 * client's workspace is removed again (a refused call itself wrote nothing; it was rolled back).
 */
function withRows<T>(setup: (w: World) => Promise<T>, use: (api: Caller, w: World, rows: T) => Promise<unknown>) {
  return async (api: Caller, w: World) => {
    const rows = await setup(w);
    try {
      return await use(api, w, rows);
    } catch (error) {
      await clearWorkspace(w);
      throw error;
    }
  };
}

async function clearWorkspace(w: World) {
  const { orgId, clientId } = refOf(w);
  // Children first; the factories' owner connection may delete from every table.
  for (const table of ["reminders", "drafts", "commitments", "contact_links", "interview_participants", "interviews", "application_status_history", "applications", "contacts", "companies", "activities"]) {
    await w.db.execute(sql`delete from ${sql.identifier(table)} where org_id = ${orgId} and client_id = ${clientId}`);
  }
}

const anApplication = (w: World) => createApplication(w.db, refOf(w), { status: "applied" });
const anUpcomingInterview = async (w: World) => {
  const application = await anApplication(w);
  return createInterview(w.db, { ...refOf(w), applicationId: application.id }, { startsAt: inDays(5) });
};
const twoContacts = async (w: World) => {
  const application = await anApplication(w);
  const insider = await createContact(w.db, refOf(w), { companyId: application.companyId, role: "peer" });
  const friend = await createContact(w.db, refOf(w), { role: "referrer" });
  return { application, insider, friend };
};
const aDraft = (w: World) => createDraft(w.db, refOf(w));
const aCommitment = (w: World) => createCommitment(w.db, refOf(w));

export const workspaceMatrix: Record<string, MatrixEntry> = {
  "interview.list": { call: (api, w) => api.interview.list(about(w)), expect: aboutTheClient },
  "interview.byId": {
    call: withRows(anUpcomingInterview, (api, w, interview) => api.interview.byId({ ...about(w), interviewId: interview.id })),
    expect: aboutTheClient,
  },
  "interview.scheduleOptions": {
    call: withRows(anApplication, (api, w, application) => api.interview.scheduleOptions({ ...about(w), applicationId: application.id })),
    expect: aboutTheClient,
  },
  "interview.schedule": {
    call: withRows(anApplication, (api, w, application) =>
      api.interview.schedule({
        ...about(w),
        applicationId: application.id,
        kind: "video",
        date: "2031-03-04",
        startTime: "10:00",
        durationMinutes: 45,
        timeZone: "Europe/Berlin",
        newInterviewers: [{ name: "Ada Park", title: "CTO" }],
      }),
    ),
    expect: clientWrites,
  },
  "interview.reschedule": {
    call: withRows(anUpcomingInterview, (api, w, interview) =>
      api.interview.reschedule({ ...about(w), interviewId: interview.id, date: "2031-03-05", startTime: "11:00", endTime: "12:00", timeZone: "UTC" }),
    ),
    expect: clientWrites,
  },
  "interview.cancel": {
    call: withRows(anUpcomingInterview, (api, w, interview) => api.interview.cancel({ ...about(w), interviewId: interview.id })),
    expect: clientWrites,
  },
  "interview.debrief": {
    call: withRows(
      (w) => createEndedInterview(w.db, refOf(w)),
      (api, w, { interview, interviewers }) =>
        api.interview.debrief({
          ...about(w),
          interviewId: interview.id,
          askedForJob: true,
          interviewers: interviewers.map((p) => ({ contactId: p.id, discussed: "Data quality", challengesDiscussed: [] })),
          promises: [{ description: "Send a work sample", dueAt: inDays(2), contactId: interviewers[0].id }],
        }),
    ),
    expect: clientWrites,
  },

  "contact.list": { call: (api, w) => api.contact.list({ ...about(w), search: "a" }), expect: aboutTheClient },
  "contact.byId": {
    call: withRows((w) => createContact(w.db, refOf(w)), (api, w, contact) => api.contact.byId({ ...about(w), contactId: contact.id })),
    expect: aboutTheClient,
  },
  "contact.create": {
    call: (api, w) => api.contact.create({ ...about(w), name: "Lena Vogel", role: "recruiter", email: "lena@example.com" }),
    expect: clientWrites,
  },
  "contact.update": {
    call: withRows((w) => createContact(w.db, refOf(w)), (api, w, contact) => api.contact.update({ ...about(w), contactId: contact.id, notes: "Met at a meetup" })),
    expect: clientWrites,
  },
  "contact.link": {
    call: withRows(twoContacts, (api, w, { insider, friend }) =>
      api.contact.link({ ...about(w), contactId: friend.id, knowsContactId: insider.id, note: "Former colleagues" }),
    ),
    expect: clientWrites,
  },
  "contact.unlink": {
    call: withRows(
      async (w) => {
        const { friend, application } = await twoContacts(w);
        const [link] = await w.db
          .insert(s.contactLinks)
          .values({ ...refOf(w), contactId: friend.id, knowsCompanyId: application.companyId })
          .returning();
        return link!;
      },
      (api, w, link) => api.contact.unlink({ ...about(w), linkId: link.id }),
    ),
    expect: clientWrites,
  },
  "contact.goodWord": {
    call: withRows(anApplication, (api, w, application) => api.contact.goodWord({ ...about(w), companyId: application.companyId })),
    expect: aboutTheClient,
  },

  "commitment.list": { call: (api, w) => api.commitment.list({ ...about(w), status: "all" }), expect: aboutTheClient },
  "commitment.create": {
    call: (api, w) => api.commitment.create({ ...about(w), description: "Send two references", dueAt: inDays(3) }),
    expect: clientWrites,
  },
  "commitment.complete": {
    call: withRows(aCommitment, (api, w, commitment) => api.commitment.complete({ ...about(w), commitmentId: commitment.id })),
    expect: clientWrites,
  },
  "commitment.reopen": {
    call: withRows(
      (w) => createCommitment(w.db, refOf(w), { doneAt: new Date() }),
      (api, w, commitment) => api.commitment.reopen({ ...about(w), commitmentId: commitment.id }),
    ),
    expect: clientWrites,
  },

  "draft.list": { call: (api, w) => api.draft.list({ ...about(w), status: "draft" }), expect: aboutTheClient },
  "draft.byId": { call: withRows(aDraft, (api, w, draft) => api.draft.byId({ ...about(w), draftId: draft.id })), expect: aboutTheClient },
  "draft.update": {
    call: withRows(aDraft, (api, w, draft) => api.draft.update({ ...about(w), draftId: draft.id, subject: "A better subject" })),
    expect: clientWrites,
  },
  "draft.markSent": {
    call: withRows(aDraft, (api, w, draft) => api.draft.markSent({ ...about(w), draftId: draft.id })),
    expect: clientWrites,
  },
  "draft.discard": {
    call: withRows(aDraft, (api, w, draft) => api.draft.discard({ ...about(w), draftId: draft.id })),
    expect: clientWrites,
  },
  // Without AI_BASE_URL (as in tests) the client's call answers "kept" and changes nothing.
  "draft.rewrite": {
    call: withRows(aDraft, (api, w, draft) => api.draft.rewrite({ ...about(w), draftId: draft.id, style: "shorter" })),
    expect: clientWrites,
  },

  // Everyone's own profile: any member reads and edits their own row, nobody else's.
  "profile.get": { call: (api, w) => api.profile.get({ orgSlug: w.org.slug }), expect: members },
  "profile.update": {
    call: (api, w) => api.profile.update({ orgSlug: w.org.slug, headline: "Turns messy data into decisions", timeZone: "Europe/Lisbon" }),
    expect: members,
  },
};
