import type { World } from "../../../helpers/callers";
import { clientWrites, signedIn, type MatrixEntry } from "./shared";

const about = (w: World) => ({ orgSlug: w.org.slug, clientId: w.client.membership.id });

const CSV = "Company,Role,Status,Date applied\nNorthwind,Analyst,applied,2026-03-02\n";
const CONNECTIONS = "Notes:\n\"Some emails are missing.\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\nAda,Lovelace,https://www.linkedin.com/in/ada,,Northwind,Engineer,14 Feb 2025\n";

export const transferMatrix: Record<string, MatrixEntry> = {
  "transfer.previewImport": { call: (api, w) => api.transfer.previewImport({ ...about(w), csv: CSV }), expect: clientWrites },
  "transfer.importApplications": {
    call: (api, w) => api.transfer.importApplications({ ...about(w), csv: CSV, mapping: { company: 0, roleTitle: 1, status: 2, appliedOn: 3 } }),
    expect: clientWrites,
  },
  // Refused on its content (not an export) once authorised, so nothing is written in any case.
  "transfer.importAccount": {
    call: (api, w) =>
      api.transfer.importAccount({ ...about(w), json: "{}" }).then((r: { imported?: unknown } | undefined) => {
        // (The hostile-input test intercepts the call and answers nothing.)
        if (r?.imported) throw new Error("expected the file to be refused");
      }),
    expect: clientWrites,
  },
  "contact.previewLinkedInConnections": { call: (api, w) => api.contact.previewLinkedInConnections({ ...about(w), csv: CONNECTIONS }), expect: clientWrites },
  "contact.importLinkedInConnections": { call: (api, w) => api.contact.importLinkedInConnections({ ...about(w), csv: CONNECTIONS }), expect: clientWrites },
  "capture.fromText": { call: (api, w) => api.capture.fromText({ ...about(w), text: "Designer at Acme\nLocation: Remote\nWe design things." }), expect: clientWrites },
  // The fetch itself is refused (a private address) only after authorisation: reaching that refusal is "ok".
  "capture.fromUrl": {
    call: (api, w) =>
      api.capture.fromUrl({ ...about(w), url: "http://127.0.0.1:9/" }).catch((error: { code?: string; message?: string }) => {
        if (error.code === "BAD_REQUEST" && /private network/.test(error.message ?? "")) return null;
        throw error;
      }),
    expect: clientWrites,
  },
  // Only the client takes a copy of everything: their coach and owners read in the app, not in bulk.
  "transfer.exportData": { call: (api, w) => api.transfer.exportData({ ...about(w), format: "json" }), expect: clientWrites },

  // Every member has their own feed; an outsider names an organisation they are not in.
  // One feed per person, across organisations: anyone signed in manages their own, and only their own.
  "calendar.feed": { call: (api) => api.calendar.feed(), expect: signedIn },
  "calendar.enable": { call: (api) => api.calendar.enable(), expect: signedIn },
  "calendar.rotate": { call: (api) => api.calendar.rotate(), expect: signedIn },
  "calendar.revoke": { call: (api) => api.calendar.revoke(), expect: signedIn },
};
