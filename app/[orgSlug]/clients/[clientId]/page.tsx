import type { Metadata } from "next";
import { HydrateClient, load, trpc } from "@/server/trpc/server";
import { orNotFound } from "../../../_components/server";
import { PageHeader } from "../../../_components/ui";
import { ClientDetailView } from "./client-detail";

export const metadata: Metadata = { title: "Client" };

export default async function ClientPage({ params }: { params: Promise<{ orgSlug: string; clientId: string }> }) {
  const { orgSlug, clientId } = await params;
  // The coach's view of a client: the client themself, an unassigned coach or a stranger get a 404.
  const [org, detail, me] = await Promise.all([
    orNotFound(load(trpc.org.get.queryOptions({ orgSlug }))),
    orNotFound(load(trpc.coach.clientDetail.queryOptions({ orgSlug, clientId }))),
    load(trpc.me.get.queryOptions()),
  ]);
  const { profile } = detail;
  return (
    <>
      <PageHeader
        title={profile.name ?? profile.email}
        description={
          <>
            {profile.headline ?? "No headline yet."} · {profile.email} · lives in {profile.timeZone}
            {profile.status === "archived" ? <strong className="ml-2 rounded bg-slate-200 px-2 py-0.5 text-xs">Archived: read-only</strong> : null}
            {detail.cohorts.length > 0 ? (
              <span role="list" className="mt-2 flex flex-wrap items-center gap-1" aria-label="Cohorts">
                {detail.cohorts.map((cohort) => (
                  <span role="listitem" key={cohort.id} className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-800">
                    {cohort.name}
                    {cohort.archivedAt ? " (archived)" : ""}
                  </span>
                ))}
              </span>
            ) : null}
          </>
        }
      />
      <HydrateClient>
        <ClientDetailView orgSlug={orgSlug} clientId={clientId} viewerMembershipId={org.membershipId} viewerTimeZone={me.user.timeZone} />
      </HydrateClient>
    </>
  );
}
