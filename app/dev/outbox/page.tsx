import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { devOutboxEnabled } from "@/server/dev-tools";
import { unsafeListOutbox } from "@/server/services/dev/outbox";
import { EmptyState, PageHeader } from "../../_components/ui";

export const metadata: Metadata = { title: "Outbox (development)" };
export const dynamic = "force-dynamic";

export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ to?: string }> }) {
  if (!devOutboxEnabled()) notFound();
  const { to } = await searchParams;
  const emails = await unsafeListOutbox(getDb(), { to: to?.slice(0, 254) });
  return (
    <main className="mx-auto max-w-5xl px-4 py-8">
      <PageHeader
        title="Outbox"
        description="No email provider is configured, so every email the product sends lands here instead. Development only."
      />
      <form className="mb-4 flex gap-2" role="search">
        <label className="sr-only" htmlFor="to">
          Filter by recipient
        </label>
        <input id="to" name="to" defaultValue={to} placeholder="Filter by recipient" className="w-full max-w-sm rounded-lg border border-slate-300 px-3 py-2 text-sm" />
        <button className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm">Filter</button>
      </form>
      {emails.length === 0 ? (
        <EmptyState title="No emails yet">Sign in, invite someone or record a debrief: the emails it sends will appear here.</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
          {emails.map((email) => (
            <li key={email.id}>
              <Link href={`/dev/outbox/${email.id}`} className="flex flex-col gap-1 px-4 py-3 hover:bg-slate-50 sm:flex-row sm:items-center sm:gap-4">
                <span className="w-64 shrink-0 truncate text-sm text-slate-600">{email.to}</span>
                <span className="flex-1 truncate font-medium">{email.subject}</span>
                <time className="shrink-0 text-xs text-slate-500" dateTime={email.createdAt.toISOString()}>
                  {email.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC
                </time>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
