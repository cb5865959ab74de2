import type { Metadata } from "next";
import { serverApi } from "@/server/trpc/server";
import { orNotFound } from "../../_components/server";
import { ButtonLink, PageHeader } from "../../_components/ui";
import { CoachCharts } from "./coach-charts";
import { ClientsOverview } from "./clients-overview";

export const metadata: Metadata = { title: "Clients" };

export default async function CoachPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const api = await serverApi();
  const org = await orNotFound(api.org.get({ orgSlug }));
  // Coaches and owners only: a client gets FORBIDDEN, which the page turns into a 404.
  await orNotFound(api.coach.overview({ orgSlug, pageSize: 1 }));
  const coaches = org.role === "owner" ? (await api.member.list({ orgSlug })).filter((m) => m.role !== "client") : [];
  const cohorts = (await api.cohort.list({ orgSlug })).map((c) => ({ id: c.id, name: c.name }));
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
    </>
  );
}
