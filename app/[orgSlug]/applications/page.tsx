import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { HydrateClient, load, trpc } from "@/server/trpc/server";
import { orNotFound, clientPageParams, type OrgPageProps } from "../../_components/server";
import { ButtonLink, PageHeader } from "../../_components/ui";
import { ApplicationsView } from "./applications-view";
import { listInput, readViewState } from "./search-state";

export const metadata: Metadata = { title: "Applications" };

export default async function ApplicationsPage(props: OrgPageProps) {
  const { orgSlug, query, clientId } = await clientPageParams(props);
  const org = await orNotFound(load(trpc.org.get.queryOptions({ orgSlug })));
  if (org.role !== "client" && !clientId) redirect(`/${orgSlug}/coach`);
  // Coaches and owners read a client's applications by id; the API decides whether they may.
  // The view the URL asks for is loaded here, so the board or the table arrives with the page.
  const view = readViewState(new URLSearchParams(Object.entries(query).flatMap(([key, value]) => (typeof value === "string" ? [[key, value]] : []))));
  const [client, me] = await Promise.all([
    orNotFound(load(trpc.client.byId.queryOptions({ orgSlug, clientId }))),
    load(trpc.me.get.queryOptions()),
    view.view === "board"
      ? orNotFound(load(trpc.application.board.queryOptions({ orgSlug, clientId })))
      : orNotFound(load(trpc.application.list.queryOptions({ orgSlug, clientId, ...listInput(view) }))),
  ]);
  const isSelf = org.role === "client" && !clientId;
  return (
    <>
      <PageHeader
        title={isSelf ? "Your applications" : `Applications of ${client.name ?? client.email}`}
        description={
          isSelf
            ? "Drag a card to another column, or use its Move to menu, to record progress."
            : "Read-only: only the client can change their applications."
        }
        actions={isSelf ? <ButtonLink href={`/${orgSlug}/applications/new`}>New application</ButtonLink> : undefined}
      />
      <Suspense fallback={<p className="text-sm text-slate-500">Loading your applications…</p>}>
        <HydrateClient>
          <ApplicationsView orgSlug={orgSlug} clientId={clientId} canEdit={isSelf} viewerTimeZone={me.user.timeZone} />
        </HydrateClient>
      </Suspense>
    </>
  );
}
