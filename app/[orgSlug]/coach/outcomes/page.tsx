import type { Metadata } from "next";
import { HydrateClient, load, trpc } from "@/server/trpc/server";
import { orNotFound } from "../../../_components/server";
import { ButtonLink, PageHeader } from "../../../_components/ui";
import { OutcomesReport } from "./outcomes-report";

export const metadata: Metadata = { title: "Outcomes" };

export default async function OutcomesPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const org = await orNotFound(load(trpc.org.get.queryOptions({ orgSlug })));
  // Coaches and owners only: a client gets FORBIDDEN, which the page turns into a 404.
  await orNotFound(load(trpc.coach.outcomes.queryOptions({ orgSlug, cohortId: undefined })));
  return (
    <>
      <PageHeader
        title="Outcomes"
        description={
          org.role === "owner"
            ? "What the practice reports to its university or funder: placements, how fast clients reach interviews and offers, and who follows through — per cohort and per coach."
            : "Your clients' placements, how fast they reach interviews and offers, and who follows through."
        }
        actions={<ButtonLink href={`/${orgSlug}/coach`} variant="secondary">Clients</ButtonLink>}
      />
      <HydrateClient>
        <OutcomesReport orgSlug={orgSlug} isOwner={org.role === "owner"} />
      </HydrateClient>
    </>
  );
}
