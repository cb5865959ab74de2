import { redirect } from "next/navigation";
import { HydrateClient, load, trpc } from "@/server/trpc/server";
import { orNotFound } from "../_components/server";
import { PageHeader } from "../_components/ui";
import { ClientDashboard } from "./client-dashboard";
import { needsFirstRunSetup } from "./first-run";
import { FirstRunSetup } from "./first-run-setup";

export default async function OrgHome({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const org = await orNotFound(load(trpc.org.get.queryOptions({ orgSlug })));
  if (org.role !== "client") redirect(`/${orgSlug}/coach`);

  const own = await load(trpc.profile.get.queryOptions({ orgSlug }));
  if (needsFirstRunSetup(own)) {
    return (
      <>
        <PageHeader title="Let's set you up" description="A few answers your drafts and reminders depend on." />
        <HydrateClient>
          <FirstRunSetup orgSlug={orgSlug} orgName={org.name} />
        </HydrateClient>
      </>
    );
  }
  await Promise.all([orNotFound(load(trpc.client.byId.queryOptions({ orgSlug }))), orNotFound(load(trpc.dashboard.client.queryOptions({ orgSlug })))]);
  return (
    <HydrateClient>
      <ClientDashboard orgSlug={orgSlug} orgName={org.name} />
    </HydrateClient>
  );
}
