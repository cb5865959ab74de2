import { eq } from "drizzle-orm";
import * as s from "../../../../db/schema";
import { createApplication } from "../../../factories";
import type { Caller, World } from "../../../helpers/callers";
import { aboutTheClient, clientWrites, type MatrixEntry } from "./shared";

const about = (w: World) => ({ orgSlug: w.org.slug, clientId: w.client.membership.id });

/**
 * The world has no applications, so entries that need one make it inside `call`. A refused call
 * must leave the database as it was before `call`, so the rows made here are removed again when
 * the call is refused; a call that succeeds keeps them.
 */
function withApplication(
  use: (api: Caller, w: World, row: { applicationId: string; companyId: string }) => Promise<unknown>,
  overrides: { archivedAt?: Date } = {},
) {
  return async (api: Caller, w: World) => {
    const db = w.db;
    const ref = { orgId: w.org.id, clientId: w.client.membership.id };
    const application = await createApplication(db, ref, { status: "interviewing", ...overrides });
    try {
      return await use(api, w, { applicationId: application.id, companyId: application.companyId });
    } catch (error) {
      await db.delete(s.applications).where(eq(s.applications.id, application.id));
      await db.delete(s.companies).where(eq(s.companies.id, application.companyId));
      throw error;
    }
  };
}

export const applicationsMatrix: Record<string, MatrixEntry> = {
  "application.list": { call: (api, w) => api.application.list({ ...about(w), includeArchived: true }), expect: aboutTheClient },
  "application.board": { call: (api, w) => api.application.board(about(w)), expect: aboutTheClient },
  "application.byId": {
    call: withApplication((api, w, row) => api.application.byId({ ...about(w), applicationId: row.applicationId })),
    expect: aboutTheClient,
  },
  "application.create": {
    call: (api, w) => api.application.create({ ...about(w), companyName: "Northwind", roleTitle: "Analyst" }),
    expect: clientWrites,
  },
  "application.update": {
    call: withApplication((api, w, row) => api.application.update({ ...about(w), applicationId: row.applicationId, notes: "Met the team" })),
    expect: clientWrites,
  },
  "application.changeStatus": {
    call: withApplication((api, w, row) => api.application.changeStatus({ ...about(w), applicationId: row.applicationId, status: "rejected" })),
    expect: clientWrites,
  },
  "application.archive": {
    call: withApplication((api, w, row) => api.application.archive({ ...about(w), applicationId: row.applicationId })),
    expect: clientWrites,
  },
  "application.unarchive": {
    call: withApplication((api, w, row) => api.application.unarchive({ ...about(w), applicationId: row.applicationId }), { archivedAt: new Date() }),
    expect: clientWrites,
  },
  "company.update": {
    call: withApplication((api, w, row) =>
      api.company.update({ ...about(w), companyId: row.companyId, researchNotes: "Ships weekly", challenges: ["Hiring fast"] }),
    ),
    expect: clientWrites,
  },
  "dashboard.client": { call: (api, w) => api.dashboard.client(about(w)), expect: aboutTheClient },
};
