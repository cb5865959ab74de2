import type { Metadata } from "next";
import { serverApi } from "@/server/trpc/server";
import { orNotFound } from "../../../_components/server";
import { ButtonLink, PageHeader } from "../../../_components/ui";
import { OutcomesReport } from "./outcomes-report";

export const metadata: Metadata = { title: "Outcomes" };

export default async function OutcomesPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const api = await serverApi();
  const org = await orNotFound(api.org.get({ orgSlug }));
  // Coaches and owners only: a client gets FORBIDDEN, which the page turns into a 404.
  const initial = await orNotFound(api.coach.outcomes({ orgSlug }));
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
      <OutcomesReport orgSlug={orgSlug} isOwner={org.role === "owner"} initial={initial} />
    </>
  );
}
