import type { Metadata } from "next";
import { HydrateClient, load, trpc } from "@/server/trpc/server";
import { orNotFound, clientPageParams, type OrgPageProps } from "../../_components/server";
import { PageHeader } from "../../_components/ui";
import { ContactsPanel } from "./contacts-panel";

export const metadata: Metadata = { title: "Contacts" };

export default async function ContactsPage(props: OrgPageProps) {
  const { orgSlug, clientId } = await clientPageParams(props);
  const [org, , me] = await Promise.all([
    orNotFound(load(trpc.org.get.queryOptions({ orgSlug }))),
    orNotFound(load(trpc.contact.list.queryOptions({ orgSlug, clientId, search: undefined, role: undefined }))),
    load(trpc.me.get.queryOptions()),
  ]);
  return (
    <>
      <PageHeader title="Contacts" description="The people in your search: interviewers, recruiters, and anyone who could put in a good word." />
      <HydrateClient>
        <ContactsPanel orgSlug={orgSlug} clientId={clientId} canEdit={org.role === "client"} viewerTimeZone={me.user.timeZone} />
      </HydrateClient>
    </>
  );
}
