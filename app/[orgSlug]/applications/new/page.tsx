import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { load, trpc } from "@/server/trpc/server";
import { orNotFound, type SearchParams } from "../../../_components/server";
import { PageHeader } from "../../../_components/ui";
import { NewApplicationForm } from "./new-application-form";

export const metadata: Metadata = { title: "New application" };

export default async function NewApplicationPage({ params, searchParams }: { params: Promise<{ orgSlug: string }>; searchParams: Promise<SearchParams> }) {
  const { orgSlug } = await params;
  const query = await searchParams;
  const org = await orNotFound(load(trpc.org.get.queryOptions({ orgSlug })));
  // Only clients keep applications; for anyone else this page does not exist.
  if (org.role !== "client") notFound();
  // The bookmarklet opens this page with the posting's address; it is only a prefill the person checks.
  const url = typeof query.url === "string" && /^https?:\/\//i.test(query.url) ? query.url.slice(0, 2000) : "";
  return (
    <>
      <PageHeader title="New application" description="A role you are considering. You can add interviews, contacts and research once it is saved." />
      <NewApplicationForm orgSlug={orgSlug} bookmarklet={query.capture === "bookmarklet"} initialUrl={url} />
    </>
  );
}
