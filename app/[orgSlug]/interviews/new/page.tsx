import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { HydrateClient, load, trpc } from "@/server/trpc/server";
import { orNotFound } from "../../../_components/server";
import { PageHeader } from "../../../_components/ui";
import { ScheduleForm } from "./schedule-form";

export const metadata: Metadata = { title: "Schedule an interview" };

export default async function NewInterviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { orgSlug } = await params;
  const { applicationId } = await searchParams;
  if (typeof applicationId !== "string") notFound();
  const org = await orNotFound(load(trpc.org.get.queryOptions({ orgSlug })));
  // Only the client schedules their own interviews; anyone else gets the same 404 as a missing page.
  if (org.role !== "client") notFound();
  const [options, me] = await Promise.all([orNotFound(load(trpc.interview.scheduleOptions.queryOptions({ orgSlug, applicationId }))), load(trpc.me.get.queryOptions())]);
  return (
    <>
      <PageHeader
        title="Schedule an interview"
        description={`${options.application.roleTitle} at ${options.company.name}. Enter the time as it reads where the interview happens.`}
      />
      <HydrateClient>
        <ScheduleForm orgSlug={orgSlug} applicationId={applicationId} viewerTimeZone={me.user.timeZone} />
      </HydrateClient>
    </>
  );
}
