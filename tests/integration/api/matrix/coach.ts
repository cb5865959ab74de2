import { addDays } from "date-fns";
import { eq } from "drizzle-orm";
import * as s from "../../../../db/schema";
import { createMember } from "../../../factories";
import type { Caller, World } from "../../../helpers/callers";
import { aboutTheClient, clientWrites, ownersOnly, staffAboutTheClient, staffOnly, type MatrixEntry } from "./shared";

const slugOf = (w: World) => ({ orgSlug: w.org.slug });
const about = (w: World) => ({ orgSlug: w.org.slug, clientId: w.client.membership.id });
const ref = (w: World) => ({ orgId: w.org.id, clientId: w.client.membership.id });

/**
 * Entries that need a row make it inside `call` and remove it again when the call is refused, so
 * a refused call still leaves the database exactly as before.
 */
function withRow<T extends { id: string }>(
  make: (w: World) => Promise<T>,
  remove: (w: World, row: T) => Promise<unknown>,
  use: (api: Caller, w: World, row: T) => Promise<unknown>,
) {
  return async (api: Caller, w: World) => {
    const row = await make(w);
    try {
      return await use(api, w, row);
    } catch (error) {
      await remove(w, row);
      throw error;
    }
  };
}

const coachNote = (w: World) =>
  w.db
    .insert(s.coachNotes)
    .values({ ...ref(w), authorMembershipId: w.coach.membership.id, body: "Needs a stronger close", visibility: "private" })
    .returning()
    .then((r) => r[0]!);
const removeNote = (w: World, row: { id: string }) => w.db.delete(s.coachNotes).where(eq(s.coachNotes.id, row.id));

const draft = (w: World) =>
  w.db
    .insert(s.drafts)
    .values({ ...ref(w), kind: "check_in", subject: "Checking in", body: "Hello again" })
    .returning()
    .then((r) => r[0]!);
const removeDraft = (w: World, row: { id: string }) => w.db.delete(s.drafts).where(eq(s.drafts.id, row.id));

const nudge = (w: World) =>
  w.db
    .insert(s.nudges)
    .values({ ...ref(w), coachMembershipId: w.coach.membership.id, message: "How did Tuesday go?" })
    .returning()
    .then((r) => r[0]!);
const removeNudge = (w: World, row: { id: string }) => w.db.delete(s.nudges).where(eq(s.nudges.id, row.id));

export const coachMatrix: Record<string, MatrixEntry> = {
  "coach.overview": { call: (api, w) => api.coach.overview({ ...slugOf(w), sort: "overdue", direction: "desc" }), expect: staffOnly },
  "coach.clientDetail": { call: (api, w) => api.coach.clientDetail(about(w)), expect: staffAboutTheClient },
  "coach.charts": { call: (api, w) => api.coach.charts(slugOf(w)), expect: staffOnly },
  // Rows and aggregates are limited to the caller's visible clients (tests/integration/coach/exports-and-outcomes.test.ts).
  "coach.overviewExport": { call: (api, w) => api.coach.overviewExport({ ...slugOf(w), sort: "followThroughRate", limit: 10 }), expect: staffOnly },
  "coach.outcomes": { call: (api, w) => api.coach.outcomes(slugOf(w)), expect: staffOnly },
  "coach.assignTask": {
    call: (api, w) => api.coach.assignTask({ ...about(w), description: "Send two references", dueAt: addDays(new Date(), 3) }),
    expect: staffAboutTheClient,
  },

  "note.list": { call: (api, w) => api.note.list(about(w)), expect: aboutTheClient },
  "note.create": { call: (api, w) => api.note.create({ ...about(w), body: "Good progress", visibility: "shared" }), expect: staffAboutTheClient },
  // Only the author (the assigned coach) may change a note; an owner sees it but gets FORBIDDEN.
  "note.update": {
    call: withRow(coachNote, removeNote, (api, w, note) => api.note.update({ ...about(w), noteId: note.id, body: "Updated" })),
    expect: { ...staffAboutTheClient, owner: "FORBIDDEN" },
  },
  "note.delete": {
    call: withRow(coachNote, removeNote, (api, w, note) => api.note.delete({ ...about(w), noteId: note.id })),
    expect: { ...staffAboutTheClient, owner: "FORBIDDEN" },
  },
  "note.commentOnDraft": {
    call: withRow(draft, removeDraft, (api, w, row) => api.note.commentOnDraft({ ...about(w), draftId: row.id, body: "Shorter, please" })),
    expect: staffAboutTheClient,
  },
  "note.draftComments": {
    call: withRow(draft, removeDraft, (api, w, row) => api.note.draftComments({ ...about(w), draftId: row.id })),
    expect: aboutTheClient,
  },

  "nudge.send": { call: (api, w) => api.nudge.send({ ...about(w), message: "Any news from Northwind?" }), expect: staffAboutTheClient },
  "nudge.list": { call: (api, w) => api.nudge.list(about(w)), expect: aboutTheClient },
  "nudge.markRead": {
    call: withRow(nudge, removeNudge, (api, w, row) => api.nudge.markRead({ ...about(w), nudgeId: row.id })),
    expect: clientWrites,
  },

  "settings.get": { call: (api, w) => api.settings.get(slugOf(w)), expect: ownersOnly },
  "settings.updatePolicy": { call: (api, w) => api.settings.updatePolicy({ ...slugOf(w), goneQuietDays: 10 }), expect: ownersOnly },
  "settings.updateBranding": {
    call: (api, w) => api.settings.updateBranding({ ...slugOf(w), name: "Renamed Practice", brandColor: "#123abc", logoUrl: "https://example.com/logo.png" }),
    expect: ownersOnly,
  },
  "audit.list": { call: (api, w) => api.audit.list(slugOf(w)), expect: ownersOnly },

  "client.archive": { call: (api, w) => api.client.archive({ ...slugOf(w), clientId: w.client.membership.id }), expect: ownersOnly },
  // A separate archived client: archiving the world's client would lock them out of the org.
  "client.unarchive": {
    call: withRow(
      async (w) => {
        const member = await createMember(w.db, w.org.id, "client");
        await w.db.update(s.memberships).set({ status: "archived" }).where(eq(s.memberships.id, member.membership.id));
        return { id: member.membership.id, userId: member.user.id };
      },
      (w, row) => w.db.delete(s.users).where(eq(s.users.id, row.userId)),
      (api, w, row) => api.client.unarchive({ ...slugOf(w), clientId: row.id }),
    ),
    expect: ownersOnly,
  },
  "client.delete": {
    call: (api, w) => api.client.delete({ ...slugOf(w), clientId: w.client.membership.id, confirmation: w.client.user.email }),
    expect: ownersOnly,
  },
};
