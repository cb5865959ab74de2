import type { Metadata } from "next";
import { serverApi } from "@/server/trpc/server";
import { orNotFound, clientIdFrom, type SearchParams } from "../../_components/server";
import { PageHeader } from "../../_components/ui";
import { ContactsPanel } from "./contacts-panel";

export const metadata: Metadata = { title: "Contacts" };

export default async function ContactsPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { orgSlug } = await params;
  const query = await searchParams;
  const clientId = clientIdFrom(query);
  const api = await serverApi();
  const [org, initial, me] = await Promise.all([
    orNotFound(api.org.get({ orgSlug })),
    orNotFound(api.contact.list({ orgSlug, clientId })),
    api.me.get(),
  ]);
  return (
    <>
      <PageHeader title="Contacts" description="The people in your search: interviewers, recruiters, and anyone who could put in a good word." />
      <ContactsPanel orgSlug={orgSlug} clientId={clientId} initial={initial} canEdit={org.role === "client"} viewerTimeZone={me.user.timeZone} />
    </>
  );
}
