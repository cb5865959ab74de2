import type { Metadata } from "next";
import { serverApi } from "@/server/trpc/server";
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
  const api = await serverApi();
  const [detail, org, me] = await Promise.all([
    orNotFound(api.draft.byId({ orgSlug, clientId, draftId })),
    orNotFound(api.org.get({ orgSlug })),
    api.me.get(),
  ]);
  return <DraftEditor orgSlug={orgSlug} clientId={clientId} initial={detail} canEdit={org.role === "client"} viewerTimeZone={me.user.timeZone} />;
}
