import type { Metadata } from "next";
import { serverApi } from "@/server/trpc/server";
import { orNotFound, clientIdFrom, type SearchParams } from "../../_components/server";
import { PageHeader } from "../../_components/ui";
import { DraftsList } from "./drafts-list";

export const metadata: Metadata = { title: "Drafts" };

export default async function DraftsPage({
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
  const [initial, me] = await Promise.all([orNotFound(api.draft.list({ orgSlug, clientId, status: "draft" })), api.me.get()]);
  return (
    <>
      <PageHeader title="Drafts" description="Messages prepared from your debriefs. Make each one yours, send it from your own email, then mark it sent." />
      <DraftsList orgSlug={orgSlug} clientId={clientId} initial={initial} viewerTimeZone={me.user.timeZone} />
    </>
  );
}
