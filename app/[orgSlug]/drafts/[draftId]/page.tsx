import type { Metadata } from "next";
import { serverApi } from "@/server/trpc/server";
import { orNotFound } from "../../../_components/server";
import { DraftEditor } from "./draft-editor";

export const metadata: Metadata = { title: "Draft" };

export default async function DraftPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgSlug: string; draftId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { orgSlug, draftId } = await params;
  const query = await searchParams;
  const clientId = typeof query.clientId === "string" ? query.clientId : undefined;
  const api = await serverApi();
  const [detail, org, me] = await Promise.all([
    orNotFound(api.draft.byId({ orgSlug, clientId, draftId })),
    orNotFound(api.org.get({ orgSlug })),
    api.me.get(),
  ]);
  return <DraftEditor orgSlug={orgSlug} clientId={clientId} initial={detail} canEdit={org.role === "client"} viewerTimeZone={me.user.timeZone} />;
}
