import type { Metadata } from "next";
import { serverApi } from "@/server/trpc/server";
import { orNotFound, clientIdFrom, type SearchParams } from "../../_components/server";
import { PageHeader } from "../../_components/ui";
import { CommitmentsPanel } from "./commitments-panel";

export const metadata: Metadata = { title: "Promises" };

export default async function CommitmentsPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { orgSlug } = await params;
  const query = await searchParams;
  const clientId = clientIdFrom(query);
  const api = await serverApi();
  const [org, initial, me] = await Promise.all([
    orNotFound(api.org.get({ orgSlug })),
    orNotFound(api.commitment.list({ orgSlug, clientId, status: "open" })),
    api.me.get(),
  ]);
  return (
    <>
      <PageHeader title="Promises" description="What you said you would do, and by when. Keeping them is the quietest way to stand out." />
      <CommitmentsPanel orgSlug={orgSlug} clientId={clientId} initial={initial} canEdit={org.role === "client"} viewerTimeZone={me.user.timeZone} />
    </>
  );
}
