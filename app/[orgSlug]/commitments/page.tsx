import type { Metadata } from "next";
import { HydrateClient, load, trpc } from "@/server/trpc/server";
import { orNotFound, clientPageParams, type OrgPageProps } from "../../_components/server";
import { PageHeader } from "../../_components/ui";
import { CommitmentsPanel } from "./commitments-panel";

export const metadata: Metadata = { title: "Promises" };

export default async function CommitmentsPage(props: OrgPageProps) {
  const { orgSlug, clientId } = await clientPageParams(props);
  const [org, , me] = await Promise.all([
    orNotFound(load(trpc.org.get.queryOptions({ orgSlug }))),
    orNotFound(load(trpc.commitment.list.queryOptions({ orgSlug, clientId, status: "open" }))),
    load(trpc.me.get.queryOptions()),
  ]);
  return (
    <>
      <PageHeader title="Promises" description="What you said you would do, and by when. Keeping them is the quietest way to stand out." />
      <HydrateClient>
        <CommitmentsPanel orgSlug={orgSlug} clientId={clientId} canEdit={org.role === "client"} viewerTimeZone={me.user.timeZone} />
      </HydrateClient>
    </>
  );
}
