import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { serverApi } from "@/server/trpc/server";
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
  const api = await serverApi();
  const org = await orNotFound(api.org.get({ orgSlug }));
  // Only the client schedules their own interviews; anyone else gets the same 404 as a missing page.
  if (org.role !== "client") notFound();
  const [options, me] = await Promise.all([orNotFound(api.interview.scheduleOptions({ orgSlug, applicationId })), api.me.get()]);
  return (
    <>
      <PageHeader
        title="Schedule an interview"
        description={`${options.application.roleTitle} at ${options.company.name}. Enter the time as it reads where the interview happens.`}
      />
      <ScheduleForm orgSlug={orgSlug} options={options} viewerTimeZone={me.user.timeZone} />
    </>
  );
}
