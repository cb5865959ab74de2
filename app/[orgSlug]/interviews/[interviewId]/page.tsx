import type { Metadata } from "next";
import { serverApi } from "@/server/trpc/server";
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
  const api = await serverApi();
  const [detail, org, me] = await Promise.all([
    orNotFound(api.interview.byId({ orgSlug, clientId, interviewId })),
    orNotFound(api.org.get({ orgSlug })),
    api.me.get(),
  ]);
  return <InterviewView orgSlug={orgSlug} clientId={clientId} initial={detail} viewerTimeZone={me.user.timeZone} canEdit={org.role === "client"} />;
}
