import type { Metadata } from "next";
import { serverApi } from "@/server/trpc/server";
import { notFoundUnlessOwner } from "../../_components/server";
import { ButtonLink, PageHeader } from "../../_components/ui";
import { AdminPanel } from "./admin-panel";
import { AdminSettings } from "./admin-settings";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const api = await serverApi();
  await notFoundUnlessOwner(api, orgSlug);
  const me = await api.me.get();
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
      <AdminPanel orgSlug={orgSlug} viewerTimeZone={me.user.timeZone} />
      <AdminSettings orgSlug={orgSlug} viewerTimeZone={me.user.timeZone} />
    </>
  );
}
