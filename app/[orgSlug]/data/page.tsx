import type { Metadata } from "next";
import { HydrateClient, load, trpc } from "@/server/trpc/server";
import { orNotFound } from "../../_components/server";
import { PageHeader } from "../../_components/ui";
import { CalendarPanel } from "./calendar-panel";
import { ConnectionsPanel } from "./connections-panel";
import { ExportPanel } from "./export-panel";
import { AccountImportPanel } from "./account-import-panel";
import { ImportPanel } from "./import-panel";

export const metadata: Metadata = { title: "Your data" };

export default async function DataPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const [org] = await Promise.all([orNotFound(load(trpc.org.get.queryOptions({ orgSlug }))), load(trpc.calendar.feed.queryOptions())]);
  // Import and export are about a client's own records; every member can still have a calendar feed.
  const isClient = org.role === "client";
  return (
    <>
      <PageHeader
        title="Your data"
        description={
          isClient
            ? "Bring in applications from a spreadsheet, take a full copy of your records, or follow your interviews in your own calendar."
            : "Follow the interviews and promises of your own job search in your calendar."
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        {isClient ? (
          <div className="min-w-0 space-y-6 lg:col-span-2">
            <ImportPanel orgSlug={orgSlug} />
            <ConnectionsPanel orgSlug={orgSlug} />
            <AccountImportPanel orgSlug={orgSlug} />
          </div>
        ) : null}
        <div className="min-w-0 space-y-6">
          {isClient ? <ExportPanel orgSlug={orgSlug} /> : null}
          <HydrateClient>
            <CalendarPanel />
          </HydrateClient>
        </div>
      </div>
    </>
  );
}
