import type { World } from "../../../helpers/callers";
import { clientWrites, members, type MatrixEntry } from "./shared";

const about = (w: World) => ({ orgSlug: w.org.slug, clientId: w.client.membership.id });
const slugOf = (w: World) => ({ orgSlug: w.org.slug });

const CSV = "Company,Role,Status,Date applied\nNorthwind,Analyst,applied,2026-03-02\n";

export const transferMatrix: Record<string, MatrixEntry> = {
  "transfer.previewImport": { call: (api, w) => api.transfer.previewImport({ ...about(w), csv: CSV }), expect: clientWrites },
  "transfer.importApplications": {
    call: (api, w) => api.transfer.importApplications({ ...about(w), csv: CSV, mapping: { company: 0, roleTitle: 1, status: 2, appliedOn: 3 } }),
    expect: clientWrites,
  },
  // Only the client takes a copy of everything: their coach and owners read in the app, not in bulk.
  "transfer.exportData": { call: (api, w) => api.transfer.exportData({ ...about(w), format: "json" }), expect: clientWrites },

  // Every member has their own feed; an outsider names an organisation they are not in.
  "calendar.feed": { call: (api, w) => api.calendar.feed(slugOf(w)), expect: members },
  "calendar.enable": { call: (api, w) => api.calendar.enable(slugOf(w)), expect: members },
  "calendar.rotate": { call: (api, w) => api.calendar.rotate(slugOf(w)), expect: members },
  "calendar.revoke": { call: (api, w) => api.calendar.revoke(slugOf(w)), expect: members },
};
