import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { serverApi } from "@/server/trpc/server";
import { orNotFound } from "../../../_components/server";
import { PageHeader } from "../../../_components/ui";
import { NewApplicationForm } from "./new-application-form";

export const metadata: Metadata = { title: "New application" };

export default async function NewApplicationPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const api = await serverApi();
  const org = await orNotFound(api.org.get({ orgSlug }));
  // Only clients keep applications; for anyone else this page does not exist.
  if (org.role !== "client") notFound();
  return (
    <>
      <PageHeader title="New application" description="A role you are considering. You can add interviews, contacts and research once it is saved." />
      <NewApplicationForm orgSlug={orgSlug} />
    </>
  );
}
