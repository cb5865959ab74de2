import type { Metadata } from "next";
import { HydrateClient, load, trpc } from "@/server/trpc/server";
import { orNotFound, clientIdFrom, type SearchParams } from "../../../_components/server";
import { InterviewView } from "./interview-view";

export const metadata: Metadata = { title: "Interview" };

export default async function InterviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgSlug: string; interviewId: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { orgSlug, interviewId } = await params;
  const query = await searchParams;
  // Coaches and owners read a client's interview through ?clientId=…; the API checks who may.
  const clientId = clientIdFrom(query);
  const [, org, me] = await Promise.all([
    orNotFound(load(trpc.interview.byId.queryOptions({ orgSlug, clientId, interviewId }))),
    orNotFound(load(trpc.org.get.queryOptions({ orgSlug }))),
    load(trpc.me.get.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <InterviewView orgSlug={orgSlug} clientId={clientId} interviewId={interviewId} viewerTimeZone={me.user.timeZone} canEdit={org.role === "client"} />
    </HydrateClient>
  );
}
