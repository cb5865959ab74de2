import type { Metadata } from "next";
import { HydrateClient, load, trpc } from "@/server/trpc/server";
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
  // The API loads the application with the tenant, client and role conditions; anything else is a 404.
  const [, me] = await Promise.all([orNotFound(load(trpc.application.byId.queryOptions({ orgSlug, clientId, applicationId }))), load(trpc.me.get.queryOptions())]);
  return (
    <HydrateClient>
      <ApplicationDetail orgSlug={orgSlug} clientId={clientId} applicationId={applicationId} viewerTimeZone={me.user.timeZone} />
    </HydrateClient>
  );
}
