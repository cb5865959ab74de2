import { randomUUID } from "node:crypto";
import { addDays } from "date-fns";
import { eq } from "drizzle-orm";
import * as s from "../../../../db/schema";
import type { Caller, World } from "../../../helpers/callers";
import { ownersOnly, staffOnly, type MatrixEntry } from "./shared";

const slugOf = (w: World) => ({ orgSlug: w.org.slug });

/** A cohort with the world's client in it, removed again when the call is refused. */
function withCohort(use: (api: Caller, w: World, cohortId: string) => Promise<unknown>) {
  return async (api: Caller, w: World) => {
    const [cohort] = await w.db.insert(s.cohorts).values({ orgId: w.org.id, name: `Class of ${randomUUID().slice(0, 8)}` }).returning();
    await w.db.insert(s.cohortMembers).values({ orgId: w.org.id, cohortId: cohort!.id, clientMembershipId: w.client.membership.id });
    try {
      return await use(api, w, cohort!.id);
    } catch (error) {
      await w.db.delete(s.cohorts).where(eq(s.cohorts.id, cohort!.id));
      throw error;
    }
  };
}

/** An uploaded roster of one invitation, removed again when the call is refused. */
function withImport(use: (api: Caller, w: World, importId: string) => Promise<unknown>) {
  return async (api: Caller, w: World) => {
    const importId = randomUUID();
    const [invitation] = await w.db
      .insert(s.invitations)
      .values({
        orgId: w.org.id,
        email: `roster-${randomUUID().slice(0, 8)}@test.example`,
        role: "client",
        tokenHash: randomUUID(),
        importId,
        expiresAt: addDays(new Date(), 7),
      })
      .returning();
    try {
      return await use(api, w, importId);
    } catch (error) {
      await w.db.delete(s.invitations).where(eq(s.invitations.id, invitation!.id));
      throw error;
    }
  };
}

const roster = () => `Name,Email,Cohort\nAda Example,roster-${randomUUID().slice(0, 8)}@test.example,Spring intake\n`;

export const cohortsMatrix: Record<string, MatrixEntry> = {
  "cohort.list": { call: (api, w) => api.cohort.list({ ...slugOf(w), includeArchived: true }), expect: staffOnly },
  "cohort.create": { call: (api, w) => api.cohort.create({ ...slugOf(w), name: `Cohort ${randomUUID().slice(0, 8)}` }), expect: ownersOnly },
  "cohort.rename": {
    call: withCohort((api, w, cohortId) => api.cohort.rename({ ...slugOf(w), cohortId, name: `Renamed ${randomUUID().slice(0, 8)}` })),
    expect: ownersOnly,
  },
  "cohort.archive": { call: withCohort((api, w, cohortId) => api.cohort.archive({ ...slugOf(w), cohortId, archived: true })), expect: ownersOnly },
  "cohort.addClients": {
    call: withCohort((api, w, cohortId) => api.cohort.addClients({ ...slugOf(w), cohortId, clientIds: [w.otherClient.membership.id] })),
    expect: ownersOnly,
  },
  "cohort.removeClients": {
    call: withCohort((api, w, cohortId) => api.cohort.removeClients({ ...slugOf(w), cohortId, clientIds: [w.client.membership.id] })),
    expect: ownersOnly,
  },
  "member.bulkAssign": {
    call: (api, w) =>
      api.member.bulkAssign({ ...slugOf(w), coachMembershipId: w.otherCoach.membership.id, target: { clientIds: [w.client.membership.id] }, mode: "add" }),
    expect: ownersOnly,
  },
  "onboarding.preview": { call: (api, w) => api.onboarding.preview({ ...slugOf(w), csv: roster() }), expect: ownersOnly },
  "onboarding.commit": { call: (api, w) => api.onboarding.commit({ ...slugOf(w), csv: roster() }), expect: ownersOnly },
  "onboarding.progress": { call: withImport((api, w, importId) => api.onboarding.progress({ ...slugOf(w), importId })), expect: ownersOnly },
  "onboarding.imports": { call: (api, w) => api.onboarding.imports(slugOf(w)), expect: ownersOnly },
};
