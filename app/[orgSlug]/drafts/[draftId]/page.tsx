import type { Metadata } from "next";
import { HydrateClient, load, trpc } from "@/server/trpc/server";
import { orNotFound, clientIdFrom, type SearchParams } from "../../../_components/server";
import { DraftEditor } from "./draft-editor";

export const metadata: Metadata = { title: "Draft" };

export default async function DraftPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgSlug: string; draftId: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { orgSlug, draftId } = await params;
  const query = await searchParams;
  const clientId = clientIdFrom(query);
  const [, org, me] = await Promise.all([
    orNotFound(load(trpc.draft.byId.queryOptions({ orgSlug, clientId, draftId }))),
    orNotFound(load(trpc.org.get.queryOptions({ orgSlug }))),
    load(trpc.me.get.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <DraftEditor orgSlug={orgSlug} clientId={clientId} draftId={draftId} canEdit={org.role === "client"} viewerTimeZone={me.user.timeZone} />
    </HydrateClient>
  );
}
