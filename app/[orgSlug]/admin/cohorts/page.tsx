import type { Metadata } from "next";
import { HydrateClient, load, trpc } from "@/server/trpc/server";
import { notFoundUnlessOwner } from "../../../_components/server";
import { ButtonLink, PageHeader } from "../../../_components/ui";
import { CohortsPanel } from "./cohorts-panel";

export const metadata: Metadata = { title: "Cohorts" };

export default async function CohortsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  await notFoundUnlessOwner(orgSlug);
  await Promise.all([load(trpc.cohort.list.queryOptions({ orgSlug, includeArchived: true })), load(trpc.member.list.queryOptions({ orgSlug }))]);
  return (
    <>
      <PageHeader
        title="Cohorts"
        description="Group clients the way you report on them: a programme, a graduating class, a funder's intake. Filter the charts by cohort, and hand a whole cohort to a coach at once."
        actions={
          <>
            <ButtonLink variant="secondary" href={`/${orgSlug}/admin/onboarding`}>
              Onboard from a CSV
            </ButtonLink>
            <ButtonLink variant="secondary" href={`/${orgSlug}/admin`}>
              Back to admin
            </ButtonLink>
          </>
        }
      />
      <HydrateClient>
        <CohortsPanel orgSlug={orgSlug} />
      </HydrateClient>
    </>
  );
}
