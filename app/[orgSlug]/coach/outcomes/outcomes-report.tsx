"use client";

import { keepPreviousData, useQuery, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { AppRouterOutputs } from "@/server/trpc/types";
import { percent } from "../../../_components/percent";
import { useTRPC } from "../../../_components/trpc";
import { Card, EmptyState, Notice } from "../../../_components/ui";

type Outcomes = AppRouterOutputs["coach"]["outcomes"];
type Line = Outcomes["overall"] & { name: string };

const days = (value: number | null) => (value === null ? "—" : `${Math.round(value)} d`);
const rate = (value: number | null) => (value === null ? null : Math.round(value * 100));

/**
 * Per cohort and per coach: charts of placement and follow-through rates and of the median days
 * to a first interview and an offer, each with the same numbers in a table beneath (the charts are
 * hidden from screen readers; the tables carry everything).
 */
export function OutcomesReport({ orgSlug, isOwner }: { orgSlug: string; isOwner: boolean }) {
  const trpc = useTRPC();
  const [cohortId, setCohortId] = useState("");
  // The whole practice's outcomes came with the page; they name the cohorts to choose from.
  const { data: initial } = useSuspenseQuery(trpc.coach.outcomes.queryOptions({ orgSlug, cohortId: undefined }));
  const outcomes = useQuery({
    ...trpc.coach.outcomes.queryOptions({ orgSlug, cohortId: cohortId || undefined }),
    placeholderData: keepPreviousData,
  });
  const cohorts = initial.perCohort;
  const exportHref = `/api/orgs/${encodeURIComponent(orgSlug)}/export/outcomes${cohortId ? `?cohortId=${cohortId}` : ""}`;

  if (outcomes.isError) return <Notice tone="error">{outcomes.error.message}</Notice>;
  const data = outcomes.data;
  if (!data) return <p className="text-sm text-slate-600" aria-live="polite">Loading outcomes…</p>;

  if (initial.overall.clients === 0) {
    return (
      <EmptyState title={isOwner ? "No clients yet" : "No clients are assigned to you yet"}>
        {isOwner ? (
          <>
            Outcomes appear once clients join. Invite clients from the <Link className="underline" href={`/${orgSlug}/admin`}>admin page</Link>, then
            group them into cohorts to report on a programme or a graduating class.
          </>
        ) : (
          "An owner of the practice assigns clients to coaches. Ask them to assign you someone; their outcomes appear here."
        )}
      </EmptyState>
    );
  }

  const overall: Line = { name: cohortId ? (cohorts.find((c) => c.id === cohortId)?.name ?? "Cohort") : "All clients", ...data.overall };
  return (
    <div className="space-y-6">
      <Card>
        <div className="flex flex-wrap items-end justify-between gap-3">
          {cohorts.length ? (
            <label className="block">
              <span className="mb-1 block text-sm font-medium">Cohort</span>
              <select
                value={cohortId}
                onChange={(e) => setCohortId(e.target.value)}
                className="block rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm"
              >
                <option value="">All clients</option>
                {cohorts.map((c) => (
                  <option key={c.id} value={c.id}>{c.name}{c.archived ? " (archived)" : ""}</option>
                ))}
              </select>
            </label>
          ) : (
            <p className="max-w-prose text-sm text-slate-600">
              {isOwner
                ? "Group clients into cohorts (a programme, a graduating class, a funder's intake) to compare them here."
                : "Your practice has no cohorts yet; an owner can create them to compare groups of clients."}
            </p>
          )}
          <a
            href={exportHref}
            download
            className="inline-flex items-center rounded-lg border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand"
          >
            Export outcomes to CSV
          </a>
        </div>
        <dl className="mt-4 grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-6" aria-busy={outcomes.isFetching}>
          <Stat label="Clients" value={String(overall.clients)} />
          <Stat label="Placed" value={`${overall.placed} (${percent(overall.placementRate)})`} />
          <Stat label="Median days to first interview" value={days(overall.medianDaysToFirstInterview)} />
          <Stat label="Median days to offer" value={days(overall.medianDaysToOffer)} />
          <Stat label="Follow-through (90 days)" value={percent(overall.followThroughRate)} />
          <Stat label="Gone quiet" value={String(overall.goneQuiet)} />
        </dl>
      </Card>
      <Group title="By cohort" lines={data.perCohort} empty={isOwner ? "No cohorts yet. Create one and add clients to it to see its outcomes here." : "None of your clients is in a cohort yet."} />
      <Group title="By coach" lines={data.perCoach} empty={isOwner ? "No client is assigned to a coach yet. Assign clients from the admin page." : "No coach is assigned to these clients."} />
      <p className="text-xs text-slate-600">
        Placed: an accepted offer. Days are counted from joining the practice (an interview or offer recorded from before joining counts as day
        0), over the clients who have had one. Follow-through: thank-you notes, check-ins and promises on time over those due in the last 90 days.
        Gone quiet: active clients with no activity for the practice&apos;s quiet period.
      </p>
    </div>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="text-lg font-semibold">{value}</dd>
    </div>
  );
}

function Group({ title, lines, empty }: { title: string; lines: Line[]; empty: string }) {
  if (lines.length === 0) {
    return (
      <Card title={title}>
        <p className="text-sm text-slate-600">{empty}</p>
      </Card>
    );
  }
  const chartRates = lines.map((l) => ({ name: l.name, Placement: rate(l.placementRate), "Follow-through": rate(l.followThroughRate) }));
  const chartDays = lines.map((l) => ({
    name: l.name,
    "To first interview": l.medianDaysToFirstInterview === null ? null : Math.round(l.medianDaysToFirstInterview),
    "To offer": l.medianDaysToOffer === null ? null : Math.round(l.medianDaysToOffer),
  }));
  const height = Math.max(160, lines.length * 36 + 60);
  return (
    <Card title={title}>
      {/* The numbers are in the table beneath: the charts are hidden from screen readers, so their keyboard layer is off too. */}
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <div aria-hidden="true" style={{ height }}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={chartRates} layout="vertical" margin={{ left: 16, right: 16 }} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" domain={[0, 100]} unit="%" />
              <YAxis type="category" dataKey="name" width={120} tick={{ fontSize: 12 }} />
              <Tooltip formatter={(value) => (value === null || value === undefined ? "—" : `${value}%`)} />
              <Legend />
              <Bar dataKey="Placement" fill="#0f766e" />
              <Bar dataKey="Follow-through" fill="#7c3aed" />
            </BarChart>
          </ResponsiveContainer>
        </div>
        <div aria-hidden="true" style={{ height }}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={chartDays} layout="vertical" margin={{ left: 16, right: 16 }} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" unit=" d" allowDecimals={false} />
              <YAxis type="category" dataKey="name" width={120} tick={{ fontSize: 12 }} />
              <Tooltip formatter={(value) => (value === null || value === undefined ? "—" : `${value} days`)} />
              <Legend />
              <Bar dataKey="To first interview" fill="#0369a1" />
              <Bar dataKey="To offer" fill="#b45309" />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </div>
      <div className="relative mt-4 overflow-x-auto">
        <table className="w-full min-w-[760px] text-left text-sm">
          <caption className="sr-only">{title}: outcomes</caption>
          <thead className="text-xs text-slate-600">
            <tr>
              {["Name", "Clients", "Placed", "Placement rate", "Median days to first interview", "Median days to offer", "Follow-through", "Gone quiet"].map((h, i) => (
                <th key={h} scope="col" className={`py-2 pr-3 font-medium ${i > 0 ? "text-right" : ""}`}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {lines.map((l) => (
              <tr key={l.name}>
                <th scope="row" className="py-2 pr-3 font-medium">{l.name}</th>
                <td className="py-2 pr-3 text-right">{l.clients}</td>
                <td className="py-2 pr-3 text-right">{l.placed}</td>
                <td className="py-2 pr-3 text-right">{percent(l.placementRate)}</td>
                <td className="py-2 pr-3 text-right" title={`${l.interviewed} clients with an interview`}>{days(l.medianDaysToFirstInterview)}</td>
                <td className="py-2 pr-3 text-right" title={`${l.offered} clients with an offer`}>{days(l.medianDaysToOffer)}</td>
                <td className="py-2 pr-3 text-right">{percent(l.followThroughRate)}</td>
                <td className="py-2 pr-3 text-right">{l.goneQuiet}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
