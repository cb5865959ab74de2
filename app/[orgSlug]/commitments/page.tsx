import type { Metadata } from "next";
import { serverApi } from "@/server/trpc/server";
import { orNotFound } from "../../_components/server";
import { PageHeader } from "../../_components/ui";
import { CommitmentsPanel } from "./commitments-panel";

export const metadata: Metadata = { title: "Promises" };

export default async function CommitmentsPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { orgSlug } = await params;
  const query = await searchParams;
  const clientId = typeof query.clientId === "string" ? query.clientId : undefined;
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
