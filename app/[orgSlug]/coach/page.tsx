import type { Metadata } from "next";
import { HydrateClient, load, trpc } from "@/server/trpc/server";
import { orNotFound, type SearchParams } from "../../_components/server";
import { ButtonLink, PageHeader } from "../../_components/ui";
import { CoachCharts } from "./coach-charts";
import { ClientsOverview } from "./clients-overview";
import { arrivalFilters, overviewInput } from "./overview-input";

export const metadata: Metadata = { title: "Clients" };

export default async function CoachPage({ params, searchParams }: { params: Promise<{ orgSlug: string }>; searchParams: Promise<SearchParams> }) {
  const [{ orgSlug }, query] = await Promise.all([params, searchParams]);
  const org = await orNotFound(load(trpc.org.get.queryOptions({ orgSlug })));
  const cohorts = (await orNotFound(load(trpc.cohort.list.queryOptions({ orgSlug })))).map((c) => ({ id: c.id, name: c.name }));
  // The cohort a shared link names, if it is one of this organisation's.
  const cohortId = cohorts.find((c) => c.id === query.cohort)?.id;
  // What the charts and the overview show on arrival, loaded with the page. Coaches and owners
  // only: a client gets FORBIDDEN, which the page turns into a 404.
  await Promise.all([
    orNotFound(load(trpc.coach.overview.queryOptions(overviewInput(orgSlug, arrivalFilters(cohortId))))),
    orNotFound(load(trpc.coach.charts.queryOptions({ orgSlug, cohortId }))),
  ]);
  const coaches = org.role === "owner" ? (await load(trpc.member.list.queryOptions({ orgSlug }))).filter((m) => m.role !== "client") : [];
  return (
    <>
      <PageHeader
        title="Clients"
        description={
          org.role === "owner"
            ? "Every client of the practice: who is following through, who has gone quiet, and what is overdue."
            : "Your clients: who is following through, who has gone quiet, and what is overdue."
        }
        actions={
          <>
            <ButtonLink href={`/${orgSlug}/coach/outcomes`}>Outcomes</ButtonLink>
            {org.role === "owner" ? <ButtonLink href={`/${orgSlug}/admin`}>Organisation admin</ButtonLink> : null}
          </>
        }
      />
      <HydrateClient>
        <div className="space-y-6">
          <CoachCharts orgSlug={orgSlug} cohorts={cohorts} />
          <ClientsOverview
            orgSlug={orgSlug}
            isOwner={org.role === "owner"}
            goneQuietDays={org.policy.goneQuietDays}
            coaches={coaches.map((c) => ({ id: c.membershipId, name: c.name ?? c.email }))}
            cohorts={cohorts}
          />
        </div>
      </HydrateClient>
    </>
  );
}
