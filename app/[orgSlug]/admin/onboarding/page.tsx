import type { Metadata } from "next";
import { HydrateClient, load, trpc } from "@/server/trpc/server";
import { notFoundUnlessOwner } from "../../../_components/server";
import { ButtonLink, PageHeader } from "../../../_components/ui";
import { RosterUpload } from "./roster-upload";

export const metadata: Metadata = { title: "Onboard clients" };

export default async function OnboardingPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  await notFoundUnlessOwner(orgSlug);
  const [me] = await Promise.all([load(trpc.me.get.queryOptions()), load(trpc.onboarding.imports.queryOptions({ orgSlug }))]);
  return (
    <>
      <PageHeader
        title="Onboard clients from a roster"
        description="Upload a CSV of your clients: everyone on it is invited at once, into their cohort and with their coach. Nothing is sent until you confirm, and a file with any problem is not imported at all."
        actions={
          <>
            <ButtonLink variant="secondary" href={`/${orgSlug}/admin/cohorts`}>
              Cohorts
            </ButtonLink>
            <ButtonLink variant="secondary" href={`/${orgSlug}/admin`}>
              Back to admin
            </ButtonLink>
          </>
        }
      />
      <HydrateClient>
        <RosterUpload orgSlug={orgSlug} viewerTimeZone={me.user.timeZone} />
      </HydrateClient>
    </>
  );
}
