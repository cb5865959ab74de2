import type { Metadata } from "next";
import { HydrateClient, load, trpc } from "@/server/trpc/server";
import { notFoundUnlessOwner } from "../../_components/server";
import { ButtonLink, PageHeader } from "../../_components/ui";
import { AdminPanel } from "./admin-panel";
import { AdminSettings } from "./admin-settings";
import { AUDIT_PAGE_SIZE } from "./audit-changes";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  await notFoundUnlessOwner(orgSlug);
  const [me] = await Promise.all([
    load(trpc.me.get.queryOptions()),
    load(trpc.member.list.queryOptions({ orgSlug })),
    load(trpc.cohort.list.queryOptions({ orgSlug })),
    load(trpc.invitation.list.queryOptions({ orgSlug })),
    load(trpc.audit.list.queryOptions({ orgSlug, page: 1, pageSize: AUDIT_PAGE_SIZE })),
  ]);
  return (
    <>
      <PageHeader
        title="Organisation admin"
        description="Invite coaches and clients, decide who coaches whom, set the follow-up policy and branding, and review what changed."
        actions={
          <>
            <ButtonLink variant="secondary" href={`/${orgSlug}/admin/onboarding`}>
              Onboard from a CSV
            </ButtonLink>
            <ButtonLink variant="secondary" href={`/${orgSlug}/admin/cohorts`}>
              Cohorts
            </ButtonLink>
          </>
        }
      />
      <HydrateClient>
        <AdminPanel orgSlug={orgSlug} viewerTimeZone={me.user.timeZone} />
        <AdminSettings orgSlug={orgSlug} viewerTimeZone={me.user.timeZone} />
      </HydrateClient>
    </>
  );
}
