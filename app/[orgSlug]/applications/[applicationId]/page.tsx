import type { Metadata } from "next";
import { serverApi } from "@/server/trpc/server";
import { orNotFound, clientIdFrom, type SearchParams } from "../../../_components/server";
import { ApplicationDetail } from "./application-detail";

export const metadata: Metadata = { title: "Application" };

export default async function ApplicationPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgSlug: string; applicationId: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { orgSlug, applicationId } = await params;
  const query = await searchParams;
  const clientId = clientIdFrom(query);
  const api = await serverApi();
  // The API loads the application with the tenant, client and role conditions; anything else is a 404.
  const [detail, me] = await Promise.all([orNotFound(api.application.byId({ orgSlug, clientId, applicationId })), api.me.get()]);
  return <ApplicationDetail orgSlug={orgSlug} clientId={clientId} initial={detail} viewerTimeZone={me.user.timeZone} />;
}
