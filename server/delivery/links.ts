import { env } from "../env";

/**
 * Absolute links into the app that reminder emails carry. Every page of the client domain lives
 * under `/{orgSlug}/…` (a person may belong to several organisations), so a link opens in the
 * organisation it was sent for.
 * Paths follow the app's own links (applications/:id, interviews/:id, drafts/:id, commitments).
 */
export function appLinks(orgSlug: string, appUrl: string = env().APP_URL) {
  const at = (path: string) => new URL(`/${encodeURIComponent(orgSlug)}${path}`, appUrl).toString();
  return {
    dashboard: at(""),
    application: (id: string) => at(`/applications/${id}`),
    /** The application page, asked to start a proposal draft. */
    proposal: (applicationId: string) => at(`/applications/${applicationId}?draft=proposal`),
    interview: (id: string) => at(`/interviews/${id}`),
    debrief: (interviewId: string) => at(`/interviews/${interviewId}#debrief`),
    /** Commitments are listed on one page; the fragment points at the one concerned. */
    commitment: (id: string) => at(`/commitments#${id}`),
    draft: (id: string) => at(`/drafts/${id}`),
    contact: (id: string) => at(`/contacts/${id}`),
    company: (id: string) => at(`/companies/${id}`),
    /** A path the app already built from its root, slug included (`/{orgSlug}/…`, as `actionFor` answers). */
    path: (appPath: string) => new URL(appPath, appUrl).toString(),
    /** The coach portal: the clients overview and one client's page. */
    coachOverview: at("/coach"),
    coachClient: (clientId: string) => at(`/clients/${clientId}`),
  };
}

export type AppLinks = ReturnType<typeof appLinks>;
