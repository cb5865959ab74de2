import type { Metadata } from "next";
import { serverApi } from "@/server/trpc/server";
import { orNotFound } from "../../_components/server";
import { PageHeader } from "../../_components/ui";
import { ProfileForm } from "./profile-form";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const api = await serverApi();
  const [org, profile] = await Promise.all([orNotFound(api.org.get({ orgSlug })), orNotFound(api.profile.get({ orgSlug }))]);
  return (
    <>
      <PageHeader title="Your profile" description="Your drafts are written from this: keep your headline and accomplishments sharp." />
      <ProfileForm orgSlug={orgSlug} initial={profile} isClient={org.role === "client"} />
    </>
  );
}
