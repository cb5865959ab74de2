"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useState } from "react";
import { formatRelative } from "@/lib/dates";
import { percent } from "../../_components/percent";
import { useTRPC } from "../../_components/trpc";
import { z } from "zod";
import { ZCohortClientsInput } from "@/server/services/cohorts/schemas";
import { errorAt, Form, useServerErrors, useZodForm } from "../../_components/form";
import { Button, Card, EmptyState, Notice, Select } from "../../_components/ui";
import { HydratedForm } from "../../_components/hydrated-form";
import { useCohortParam } from "./cohort-param";
import { OVERVIEW_PAGE_SIZE, overviewInput, type OverviewFilters } from "./overview-input";

type SortKey =
  | "name" | "activeApplications" | "interviewsThisWeek" | "interviewsNextWeek" | "followUpsDue" | "overdue"
  | "thankYouRate" | "checkInRate" | "commitmentRate" | "followThroughRate" | "lastActivityAt";

const COLUMNS: Array<{ key: SortKey; label: string; numeric?: boolean }> = [
  { key: "name", label: "Client" },
  { key: "activeApplications", label: "Active applications", numeric: true },
  { key: "interviewsThisWeek", label: "Interviews this week", numeric: true },
  { key: "interviewsNextWeek", label: "Interviews next week", numeric: true },
  { key: "followUpsDue", label: "Due today", numeric: true },
  { key: "overdue", label: "Overdue", numeric: true },
  { key: "thankYouRate", label: "Thank-yous on time", numeric: true },
  { key: "checkInRate", label: "Check-ins on time", numeric: true },
  { key: "commitmentRate", label: "Promises kept", numeric: true },
  { key: "followThroughRate", label: "Follow-through", numeric: true },
  { key: "lastActivityAt", label: "Last activity" },
];

type Flag = "any" | "yes" | "no";
const flagValue = (flag: Flag) => (flag === "any" ? undefined : flag === "yes");

export function ClientsOverview({
  orgSlug, isOwner, goneQuietDays, coaches, cohorts,
}: {
  orgSlug: string;
  isOwner: boolean;
  goneQuietDays: number;
  coaches: Array<{ id: string; name: string }>;
  cohorts: Array<{ id: string; name: string }>;
}) {
  const trpc = useTRPC();
  const [sort, setSort] = useState<SortKey>("name");
  const [direction, setDirection] = useState<"asc" | "desc">("asc");
  const [searchText, setSearchText] = useState("");
  const [search, setSearch] = useState("");
  const [coachId, setCoachId] = useState("");
  const [goneQuiet, setGoneQuiet] = useState<Flag>("any");
  const [hasOverdue, setHasOverdue] = useState<Flag>("any");
  const [status, setStatus] = useState<"active" | "archived">("active");
  // Shared with the charts above through the URL: one cohort choice for the whole page.
  const [cohortParam, setCohortId] = useCohortParam();
  const cohortId = cohorts.some((c) => c.id === cohortParam) ? cohortParam : "";
  // Owners pick clients on the page for a bulk action (add to a cohort); the choice survives paging.
  const [selected, setSelected] = useState<Map<string, string>>(new Map());
  const [added, setAdded] = useState<string | null>(null);
  // Keyset pages: the cursor names the row beside the page, so a page costs the same deep in 20,000
  // clients as at the top; `page` only numbers them for the reader.
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const firstPage = () => {
    setCursor(undefined);
    setPage(1);
  };

  // Search as the coach types, without a request per keystroke.
  useEffect(() => {
    const timer = setTimeout(() => {
      setSearch(searchText.trim());
      setCursor(undefined);
      setPage(1);
    }, 300);
    return () => clearTimeout(timer);
  }, [searchText]);

  const sortBy = (key: SortKey) => {
    if (key === sort) setDirection(direction === "asc" ? "desc" : "asc");
    else {
      setSort(key);
      // Counts and rates are most useful biggest first; names and dates A→Z / oldest first.
      setDirection(key === "name" || key === "lastActivityAt" ? "asc" : "desc");
    }
    firstPage();
  };
  const filters: OverviewFilters = {
    sort, direction, status,
    search: search || undefined,
    coachId: coachId || undefined,
    cohortId: cohortId || undefined,
    goneQuiet: flagValue(goneQuiet),
    hasOverdue: flagValue(hasOverdue),
  };
  // The first page on arrival was loaded with the page (HydrateClient); later ones keep the rows on screen while they come.
  const overview = useQuery({ ...trpc.coach.overview.queryOptions(overviewInput(orgSlug, filters, cursor)), placeholderData: keepPreviousData });
  const exportHref = `/api/orgs/${encodeURIComponent(orgSlug)}/export/overview?${new URLSearchParams(
    Object.entries(filters).flatMap(([key, value]) => (value === undefined ? [] : [[key, String(value)]])),
  ).toString()}`;
  const pages = overview.data ? Math.max(1, Math.ceil(overview.data.total / OVERVIEW_PAGE_SIZE)) : 1;
  const filtersOn = Boolean(search || coachId || cohortId || goneQuiet !== "any" || hasOverdue !== "any" || status !== "active");

  return (
    <Card title="Clients overview">
      <HydratedForm className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-5" role="search" onSubmit={(e) => e.preventDefault()}>
        <label className="block lg:col-span-2">
          <span className="mb-1 block text-sm font-medium">Search clients</span>
          <input
            type="search"
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            placeholder="Name or email"
            maxLength={120}
            className="block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm"
          />
        </label>
        {isOwner ? (
          <FilterSelect label="Coach" value={coachId} onChange={(v) => { setCoachId(v); firstPage(); }}>
            <option value="">All coaches</option>
            {coaches.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </FilterSelect>
        ) : null}
        {cohorts.length ? (
          <FilterSelect label="Cohort" value={cohortId} onChange={(v) => { setCohortId(v); firstPage(); }}>
            <option value="">All cohorts</option>
            {cohorts.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </FilterSelect>
        ) : null}
        <FilterSelect label={`Gone quiet (${goneQuietDays}+ days)`} value={goneQuiet} onChange={(v) => { setGoneQuiet(v as Flag); firstPage(); }}>
          <option value="any">Everyone</option>
          <option value="yes">Gone quiet only</option>
          <option value="no">Active recently</option>
        </FilterSelect>
        <FilterSelect label="Overdue" value={hasOverdue} onChange={(v) => { setHasOverdue(v as Flag); firstPage(); }}>
          <option value="any">Everyone</option>
          <option value="yes">Something overdue</option>
          <option value="no">Nothing overdue</option>
        </FilterSelect>
        <FilterSelect label="Status" value={status} onChange={(v) => { setStatus(v as "active" | "archived"); firstPage(); }}>
          <option value="active">Active clients</option>
          <option value="archived">Archived clients</option>
        </FilterSelect>
      </HydratedForm>

      {isOwner && selected.size > 0 ? (
        <AddToCohort
          orgSlug={orgSlug}
          cohorts={cohorts}
          selected={selected}
          onClear={() => setSelected(new Map())}
          onAdded={(message) => { setAdded(message); setSelected(new Map()); }}
        />
      ) : null}
      {added ? <div className="mb-4"><Notice tone="success">{added}</Notice></div> : null}

      {overview.isPending ? (
        <p className="text-sm text-slate-500" aria-live="polite">Loading clients…</p>
      ) : overview.isError ? (
        <Notice tone="error">{overview.error.message}</Notice>
      ) : overview.data.rows.length === 0 ? (
        filtersOn ? (
          <EmptyState title="No clients match">Clear the search or loosen the filters to see more clients.</EmptyState>
        ) : (
          <EmptyState title={isOwner ? "No clients yet" : "No clients are assigned to you yet"}>
            {isOwner
              ? "Invite your first client from the admin page; they appear here once they accept."
              : "An owner of the practice assigns clients to coaches. Ask them to assign you someone."}
          </EmptyState>
        )
      ) : (
        <>
          {/* `relative`: the header buttons' screen-reader-only labels are absolutely positioned; without a
              positioned scroll container they escape it and widen the whole page on a phone. */}
          <div className="relative overflow-x-auto" aria-busy={overview.isFetching}>
            <table className="w-full min-w-[960px] text-left text-sm">
              <caption className="sr-only">
                Clients, sorted by {COLUMNS.find((c) => c.key === sort)!.label} {direction === "asc" ? "ascending" : "descending"}
              </caption>
              <thead className="text-xs text-slate-500">
                <tr>
                  {isOwner ? (
                    <th scope="col" className="w-8 py-2 pr-2">
                      <input
                        type="checkbox"
                        aria-label="Select every client on this page"
                        checked={overview.data.rows.every((row) => selected.has(row.clientId))}
                        onChange={(e) => {
                          const next = new Map(selected);
                          for (const row of overview.data.rows) {
                            if (e.target.checked) next.set(row.clientId, row.name ?? row.email);
                            else next.delete(row.clientId);
                          }
                          setSelected(next);
                        }}
                        className="size-4"
                      />
                    </th>
                  ) : null}
                  {COLUMNS.map((column) => (
                    <th
                      key={column.key}
                      scope="col"
                      aria-sort={sort === column.key ? (direction === "asc" ? "ascending" : "descending") : "none"}
                      className={`py-2 pr-3 font-medium ${column.numeric ? "text-right" : ""}`}
                    >
                      <button
                        type="button"
                        onClick={() => sortBy(column.key)}
                        aria-label={`Sort by ${column.label.toLowerCase()}`}
                        className="inline-flex items-center gap-1 rounded hover:text-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand"
                      >
                        {column.label}
                        <span aria-hidden="true">{sort === column.key ? (direction === "asc" ? "▲" : "▼") : "↕"}</span>
                      </button>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {overview.data.rows.map((row) => (
                  <tr key={row.clientId} className={row.overdue > 0 ? "bg-red-50/60" : undefined}>
                    {isOwner ? (
                      <td className="py-2 pr-2 align-top">
                        <input
                          type="checkbox"
                          aria-label={`Select ${row.name ?? row.email}`}
                          checked={selected.has(row.clientId)}
                          onChange={(e) => {
                            setAdded(null);
                            const next = new Map(selected);
                            if (e.target.checked) next.set(row.clientId, row.name ?? row.email);
                            else next.delete(row.clientId);
                            setSelected(next);
                          }}
                          className="size-4"
                        />
                      </td>
                    ) : null}
                    <th scope="row" className="py-2 pr-3 text-left font-medium">
                      <Link className="text-brand hover:underline" href={`/${orgSlug}/clients/${row.clientId}`}>
                        {row.name ?? row.email}
                      </Link>
                      <span className="block text-xs font-normal text-slate-500">{row.email}</span>
                      {row.goneQuiet ? (
                        <span className="mt-1 inline-block rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">Gone quiet</span>
                      ) : null}
                      {isOwner && row.coaches.length ? (
                        <span className="block text-xs font-normal text-slate-500">Coach: {row.coaches.map((c) => c.name).join(", ")}</span>
                      ) : null}
                      {row.cohorts.length ? (
                        <span className="block text-xs font-normal text-slate-500">
                          {row.cohorts.length === 1 ? "Cohort" : "Cohorts"}: {row.cohorts.map((c) => c.name).join(", ")}
                        </span>
                      ) : null}
                    </th>
                    <td className="py-2 pr-3 text-right">{row.activeApplications}</td>
                    <td className="py-2 pr-3 text-right">{row.interviewsThisWeek}</td>
                    <td className="py-2 pr-3 text-right">{row.interviewsNextWeek}</td>
                    <td className="py-2 pr-3 text-right">{row.followUpsDue}</td>
                    <td className={`py-2 pr-3 text-right ${row.overdue > 0 ? "font-semibold text-red-700" : ""}`}>
                      {row.overdue}
                      {row.overdue > 0 ? <span className="sr-only"> overdue</span> : null}
                    </td>
                    <td className="py-2 pr-3 text-right" title={`${row.thankYou.onTime} of ${row.thankYou.due}`}>{percent(row.thankYou.rate)}</td>
                    <td className="py-2 pr-3 text-right" title={`${row.checkIn.onTime} of ${row.checkIn.due}`}>{percent(row.checkIn.rate)}</td>
                    <td className="py-2 pr-3 text-right" title={`${row.commitments.onTime} of ${row.commitments.due}`}>{percent(row.commitments.rate)}</td>
                    <td className="py-2 pr-3 text-right font-medium">{percent(row.followThroughRate)}</td>
                    <td className="py-2 pr-3">{row.lastActivityAt ? formatRelative(row.lastActivityAt) : "never"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav className="mt-4 flex flex-wrap items-center justify-between gap-2 text-sm" aria-label="Pages of clients">
            <span aria-live="polite">
              {overview.data.total} client{overview.data.total === 1 ? "" : "s"} · page {page} of {pages}
            </span>
            <span className="flex flex-wrap gap-2">
              <a
                href={exportHref}
                download
                className="inline-flex items-center rounded-lg border border-slate-300 px-3 py-2 font-medium hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand"
              >
                Export {overview.data.total} to CSV
              </a>
              <Button
                variant="secondary"
                type="button"
                disabled={!overview.data.previousCursor}
                onClick={() => { setCursor(overview.data.previousCursor ?? undefined); setPage(Math.max(1, page - 1)); }}
              >
                Previous
              </Button>
              <Button
                variant="secondary"
                type="button"
                disabled={!overview.data.nextCursor}
                onClick={() => { setCursor(overview.data.nextCursor ?? undefined); setPage(page + 1); }}
              >
                Next
              </Button>
            </span>
          </nav>
          <p className="mt-2 text-xs text-slate-500">
            Rates cover the last 90 days: thank-you notes sent within the practice&apos;s window, check-ins sent on the agreed day (or up to two days
            after), and promises kept by their due date.
          </p>
        </>
      )}
    </Card>
  );
}

function FilterSelect({ label, value, onChange, children }: { label: string; value: string; onChange: (value: string) => void; children: React.ReactNode }) {
  return (
    <label className="block">
      <span className="mb-1 block text-sm font-medium">{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm">
        {children}
      </select>
    </label>
  );
}

/** The one choice of the bulk action; the clients are the selection. */
const ADD_TO_COHORT = ZCohortClientsInput.pick({ cohortId: true }).extend({ cohortId: z.uuid({ error: "Choose a cohort." }) });

/**
 * The bulk action for the clients an owner selected: add them to one cohort (`cohort.addClients`,
 * owners only). Afterwards the overview and the charts are read again, so the new cohort shows on
 * the rows and in a cohort's charts at once.
 */
function AddToCohort({
  orgSlug, cohorts, selected, onClear, onAdded,
}: {
  orgSlug: string;
  cohorts: Array<{ id: string; name: string }>;
  selected: Map<string, string>;
  onClear: () => void;
  onAdded: (message: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useZodForm(ADD_TO_COHORT, { defaultValues: { cohortId: "" } });
  const add = useMutation(
    trpc.cohort.addClients.mutationOptions({
      onSuccess: async (result, input) => {
        const name = cohorts.find((c) => c.id === input.cohortId)?.name ?? "the cohort";
        onAdded(
          `Added ${result.added} client${result.added === 1 ? "" : "s"} to ${name}` +
            (result.alreadyIn ? ` (${result.alreadyIn} already in it).` : "."),
        );
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.coach.overview.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.coach.charts.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.cohort.list.queryKey() }),
        ]);
      },
    }),
  );
  const message = useServerErrors(form, add.error);
  const count = selected.size;
  return (
    <div className="mb-4 space-y-2 rounded-lg border border-slate-200 bg-slate-50 p-3" role="region" aria-label="Selected clients">
      <Form form={form} className="flex flex-wrap items-end gap-3" onSubmit={({ cohortId }) => add.mutate({ orgSlug, cohortId, clientIds: [...selected.keys()] })}>
        <p className="text-sm font-medium" aria-live="polite">
          {count} client{count === 1 ? "" : "s"} selected
        </p>
        {cohorts.length ? (
          <>
            <Select label="Cohort to add them to" {...form.register("cohortId")} error={errorAt(form.formState.errors, "cohortId") ?? errorAt(form.formState.errors, "clientIds")}>
              <option value="">Choose a cohort</option>
              {cohorts.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </Select>
            <Button type="submit" disabled={add.isPending}>
              {add.isPending ? "Adding…" : "Add to cohort"}
            </Button>
          </>
        ) : (
          <p className="text-sm text-slate-600">No cohorts yet: create one on the organisation admin page, then add these clients to it here.</p>
        )}
        <Button type="button" variant="secondary" onClick={onClear}>
          Clear selection
        </Button>
      </Form>
      {message ? <Notice tone="error">{message}</Notice> : null}
    </div>
  );
}
