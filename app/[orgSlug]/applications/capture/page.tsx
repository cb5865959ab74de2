import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { env } from "@/server/env";
import { load, trpc } from "@/server/trpc/server";
import { orNotFound } from "../../../_components/server";
import { ButtonLink, Card, PageHeader } from "../../../_components/ui";
import { bookmarkletHref } from "./bookmarklet";
import { BookmarkletLink } from "./bookmarklet-link";

export const metadata: Metadata = { title: "Save postings in one click" };

export default async function CapturePage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const org = await orNotFound(load(trpc.org.get.queryOptions({ orgSlug })));
  if (org.role !== "client") notFound();
  return (
    <>
      <PageHeader
        title="Save postings in one click"
        description="A button for your browser's bookmarks bar: on any job page, it opens a new application here with the posting already filled in."
        actions={
          <ButtonLink href={`/${orgSlug}/applications/new`} variant="secondary">
            Add one by hand
          </ButtonLink>
        }
      />
      <div className="grid max-w-3xl gap-6">
        <Card title="1. Put the button in your bookmarks bar">
          <p className="mb-4 text-sm text-slate-600">
            Drag this button to your bookmarks bar. (No bookmarks bar? Press Ctrl+Shift+B, or ⌘+Shift+B on a Mac.) On a phone, copy the link and
            save it as a bookmark instead.
          </p>
          {/* The link is configured from APP_URL, never from the request, so it always opens this app. */}
          <BookmarkletLink href={bookmarkletHref(env().APP_URL, orgSlug)} />
        </Card>
        <Card title="2. Use it on a job page">
          <ol className="list-decimal space-y-2 pl-5 text-sm text-slate-700">
            <li>Open a job posting on any site: LinkedIn, Indeed, a company&rsquo;s careers page, Greenhouse, Lever, Workday…</li>
            <li>Click &ldquo;Save to Followthrough&rdquo; in your bookmarks bar.</li>
            <li>
              A new tab opens with the title, company, location, salary, job type, deadline and link filled in, and the posting&rsquo;s text kept
              with the application, so you still have it after the posting is taken down. Check it and save.
            </li>
          </ol>
          <p className="mt-3 text-sm text-slate-600">
            The button reads the posting in your browser and sends it only to this app. If a site does not describe its postings in a way we can
            read, paste the link or the posting&rsquo;s text on the new application page instead.
          </p>
        </Card>
      </div>
    </>
  );
}
