"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { DRAFT_KIND_LABEL } from "@/lib/vocabulary";
import Link from "next/link";
import { useState } from "react";
import type { AppRouterOutputs } from "@/server/trpc/types";
import { useTRPC } from "../../_components/trpc";
import { EmptyState, Notice, Select } from "../../_components/ui";
import { When } from "../../_components/when";

type Draft = AppRouterOutputs["draft"]["list"][number];
type Status = Draft["status"];
type Kind = Draft["kind"];

const STATUSES: Array<[Status, string]> = [
  ["draft", "To send"],
  ["sent", "Sent"],
  ["discarded", "Discarded"],
];

export function DraftsList({ orgSlug, clientId, viewerTimeZone }: { orgSlug: string; clientId?: string; viewerTimeZone: string }) {
  const trpc = useTRPC();
  const [status, setStatus] = useState<Status>("draft");
  const [kind, setKind] = useState<Kind | "">("");
  // The page prefetched the first view (to send, every kind); another filter keeps the rows on screen until its answer arrives.
  const query = useQuery(trpc.draft.list.queryOptions({ orgSlug, clientId, status, kind: kind || undefined }, { placeholderData: keepPreviousData }));
  const rows = query.data ?? [];
  // Drafts whose moment in the playbook has not come yet wait below, so the top shows what to do now.
  const [now] = useState(() => Date.now());
  const ready = status === "draft" ? rows.filter((d) => +new Date(d.availableAt) <= now) : rows;
  const comingUp = status === "draft" ? rows.filter((d) => +new Date(d.availableAt) > now) : [];
  const clientQuery = clientId ? `?clientId=${encodeURIComponent(clientId)}` : "";

  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div role="group" aria-label="Status" className="flex flex-wrap gap-2">
          {STATUSES.map(([value, label]) => (
            <button
              key={value}
              type="button"
              aria-pressed={status === value}
              onClick={() => setStatus(value)}
              className={`min-h-10 rounded-lg px-4 py-2 text-sm font-medium ${status === value ? "bg-brand text-white" : "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50"}`}
            >
              {label}
            </button>
          ))}
        </div>
        <div className="sm:ml-auto sm:w-56">
          <Select label="Kind" name="kind" value={kind} onChange={(e) => setKind(e.target.value as Kind | "")}>
            <option value="">Every kind</option>
            {Object.entries(DRAFT_KIND_LABEL).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </div>
      </div>

      {query.isError ? <Notice tone="error">{query.error.message}</Notice> : null}
      {query.isPending ? (
        <p className="text-sm text-slate-500" aria-live="polite">
          Loading drafts…
        </p>
      ) : rows.length === 0 ? (
        <EmptyState title={status === "draft" ? "Nothing waiting to be sent" : status === "sent" ? "Nothing sent yet" : "Nothing discarded"}>
          {status === "draft"
            ? "After an interview, record the debrief: a thank-you note for each interviewer will be waiting here, and a follow-up letter once the thank-yous are out."
            : "Drafts you mark as sent or discard are kept here for reference."}
        </EmptyState>
      ) : (
        <>
          {ready.length > 0 ? (
            <DraftsTable rows={ready} orgSlug={orgSlug} clientQuery={clientQuery} viewerTimeZone={viewerTimeZone} dateHeading={status === "sent" ? "Sent" : "Prepared"} />
          ) : (
            <EmptyState title="Nothing to send right now">The drafts below are ready when their moment in your follow-up comes.</EmptyState>
          )}
          {comingUp.length > 0 ? (
            <section aria-labelledby="coming-up" className="space-y-2">
              <h2 id="coming-up" className="text-sm font-semibold text-slate-700">
                Coming up
              </h2>
              <p className="text-sm text-slate-600">Prepared already, best sent later: a follow-up letter after your thank-you notes, a proposal the morning after.</p>
              <DraftsTable rows={comingUp} orgSlug={orgSlug} clientQuery={clientQuery} viewerTimeZone={viewerTimeZone} dateHeading="Best sent from" upcoming />
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}

function DraftsTable({
  rows,
  orgSlug,
  clientQuery,
  viewerTimeZone,
  dateHeading,
  upcoming = false,
}: {
  rows: Draft[];
  orgSlug: string;
  clientQuery: string;
  viewerTimeZone: string;
  dateHeading: string;
  upcoming?: boolean;
}) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="w-full min-w-[36rem] text-left text-sm">
        <thead className="bg-slate-50 text-xs uppercase text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2">Message</th>
            <th scope="col" className="px-4 py-2">For</th>
            <th scope="col" className="px-4 py-2">About</th>
            <th scope="col" className="px-4 py-2">{dateHeading}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((d) => (
            <tr key={d.id}>
              <td className="px-4 py-2">
                <Link href={`/${orgSlug}/drafts/${d.id}${clientQuery}`} className="font-medium text-brand hover:underline">
                  {DRAFT_KIND_LABEL[d.kind]}
                </Link>
                <span className="block max-w-xs truncate text-xs text-slate-500">{d.subject}</span>
              </td>
              <td className="px-4 py-2">{d.contactName ?? "—"}</td>
              <td className="px-4 py-2">{d.roleTitle ? `${d.roleTitle} at ${d.companyName}` : "—"}</td>
              <td className="px-4 py-2 whitespace-nowrap">
                <When date={upcoming ? d.availableAt : (d.sentAt ?? d.createdAt)} timeZone={viewerTimeZone} dateOnly />
                {d.handwritten ? <span className="block text-xs text-slate-500">by hand</span> : null}
                {d.rewrittenAt ? <span className="block text-xs text-slate-500">rewritten with AI</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
