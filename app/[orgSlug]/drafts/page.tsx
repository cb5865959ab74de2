import type { Metadata } from "next";
import { HydrateClient, load, trpc } from "@/server/trpc/server";
import { orNotFound, clientPageParams, type OrgPageProps } from "../../_components/server";
import { PageHeader } from "../../_components/ui";
import { DraftsList } from "./drafts-list";

export const metadata: Metadata = { title: "Drafts" };

export default async function DraftsPage(props: OrgPageProps) {
  const { orgSlug, clientId } = await clientPageParams(props);
  const [, me] = await Promise.all([orNotFound(load(trpc.draft.list.queryOptions({ orgSlug, clientId, status: "draft", kind: undefined }))), load(trpc.me.get.queryOptions())]);
  return (
    <>
      <PageHeader title="Drafts" description="Messages prepared from your debriefs. Make each one yours, send it from your own email, then mark it sent." />
      <HydrateClient>
        <DraftsList orgSlug={orgSlug} clientId={clientId} viewerTimeZone={me.user.timeZone} />
      </HydrateClient>
    </>
  );
}
