import type { Metadata } from "next";
import { HydrateClient, load, trpc } from "@/server/trpc/server";
import { orNotFound } from "../../_components/server";
import { PageHeader } from "../../_components/ui";
import { ProfileForm } from "./profile-form";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const [org] = await Promise.all([
    orNotFound(load(trpc.org.get.queryOptions({ orgSlug }))),
    orNotFound(load(trpc.profile.get.queryOptions({ orgSlug }))),
  ]);
  return (
    <>
      <PageHeader title="Your profile" description="Your drafts are written from this: keep your headline and accomplishments sharp." />
      <HydrateClient>
        <ProfileForm orgSlug={orgSlug} isClient={org.role === "client"} />
      </HydrateClient>
    </>
  );
}
