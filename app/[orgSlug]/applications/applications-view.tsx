"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { APPLICATION_STATUS_LABEL } from "@/lib/vocabulary";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useRef, useState, type DragEvent } from "react";
import { APPLICATION_STATUSES, type ApplicationStatus } from "@/server/services/applications/status";
import { EXCITEMENT_MAX, formatSalary, JOB_TYPE_LABEL, JOB_TYPES, WORKPLACE_LABEL, WORKPLACE_TYPES, type JobType, type WorkplaceType } from "@/server/services/applications/values";
import type { AppRouterOutputs } from "@/server/trpc/types";
import { REJECT_CONFIRM } from "../../_components/followup-labels";
import { StatusBadge } from "../../_components/status-badge";
import { useTRPC } from "../../_components/trpc";
import {
  Button,
  ButtonLink,
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuTrigger,
  EmptyState,
  Notice,
  useConfirm,
} from "../../_components/ui";
import { formatDate, formatDateTime } from "@/lib/dates";
import { listInput, readViewState, writeViewState, type ViewState } from "./search-state";

type Row = AppRouterOutputs["application"]["list"][number];
type Board = AppRouterOutputs["application"]["board"];
type Props = { orgSlug: string; clientId?: string; canEdit: boolean; viewerTimeZone: string };

const DRAG_TYPE = "application/x-followthrough-application";

export function ApplicationsView({ orgSlug, clientId, canEdit, viewerTimeZone }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const state = readViewState(params);
  const update = (patch: Partial<ViewState>) => router.replace(`${pathname}${writeViewState(params, { ...state, ...patch })}`, { scroll: false });

  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <div role="group" aria-label="Layout" className="inline-flex rounded-lg border border-slate-300 bg-white p-0.5">
          {(["board", "table"] as const).map((view) => (
            <button
              key={view}
              type="button"
              aria-pressed={state.view === view}
              onClick={() => update({ view })}
              className={`min-h-9 rounded-md px-3 text-sm font-medium ${state.view === view ? "bg-brand text-white" : "text-slate-700 hover:bg-slate-50"}`}
            >
              {view === "board" ? "Board" : "Table"}
            </button>
          ))}
        </div>
        {state.view === "table" ? <SearchBox value={state.q} onChange={(q) => update({ q })} /> : null}
      </div>
      {state.view === "board" ? (
        <BoardView orgSlug={orgSlug} clientId={clientId} canEdit={canEdit} viewerTimeZone={viewerTimeZone} />
      ) : (
        <TableView orgSlug={orgSlug} clientId={clientId} viewerTimeZone={viewerTimeZone} state={state} update={update} canEdit={canEdit} />
      )}
    </div>
  );
}

/** Typing updates the URL after a short pause, so every keystroke does not replace history. */
function SearchBox({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  // The URL changed under us (e.g. "Clear filters"): show what it now says.
  if (value !== seen) {
    setSeen(value);
    setText(value);
  }
  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => onChange(text), 300);
    return () => clearTimeout(timer);
  }, [text, value, onChange]);
  return (
    <label className="block sm:w-72">
      <span className="sr-only">Search by role or company</span>
      <input
        type="search"
        value={text}
        maxLength={200}
        placeholder="Search role or company"
        onChange={(event) => setText(event.target.value)}
        className="block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm shadow-sm"
      />
    </label>
  );
}

function useChangeStatus(orgSlug: string, clientId: string | undefined, onMoved: (message: string) => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const boardKey = trpc.application.board.queryKey({ orgSlug, clientId });
  return useMutation(
    trpc.application.changeStatus.mutationOptions({
      // The card moves at once; the server's answer confirms it or puts it back.
      onMutate: async ({ applicationId, status }) => {
        await queryClient.cancelQueries({ queryKey: boardKey });
        const previous = queryClient.getQueryData<Board>(boardKey);
        if (previous) {
          const card = previous.columns.flatMap((c) => c.applications).find((a) => a.id === applicationId);
          if (card) {
            queryClient.setQueryData<Board>(boardKey, {
              columns: previous.columns.map((column) => ({
                ...column,
                applications:
                  column.status === status
                    ? [{ ...card, status, statusChangedAt: new Date() }, ...column.applications.filter((a) => a.id !== applicationId)]
                    : column.applications.filter((a) => a.id !== applicationId),
              })),
            });
          }
        }
        return { previous };
      },
      onError: (_error, _input, context) => {
        if (context?.previous) queryClient.setQueryData(boardKey, context.previous);
      },
      onSuccess: (result) => {
        if (result.changed) onMoved(`Moved to ${APPLICATION_STATUS_LABEL[result.status]}.`);
      },
      // A rejection also drafts a reply and closes follow-ups: every cached view may have changed.
      // Not awaited: the move is done when the server answers, not when every view has refetched.
      onSettled: () => {
        void queryClient.invalidateQueries();
      },
    }),
  );
}

function BoardView({ orgSlug, clientId, canEdit, viewerTimeZone }: Props) {
  const trpc = useTRPC();
  const board = useSuspenseQuery(trpc.application.board.queryOptions({ orgSlug, clientId }));
  const [announcement, setAnnouncement] = useState("");
  const [dragOver, setDragOver] = useState<ApplicationStatus | null>(null);
  // The card just moved from its menu: it is drawn anew in its new column, and takes the focus back there.
  const [focusCard, setFocusCard] = useState<string | null>(null);
  const changeStatus = useChangeStatus(orgSlug, clientId, setAnnouncement);
  const confirm = useConfirm();
  const focusTaken = useCallback(() => setFocusCard(null), []);

  const move = async (applicationId: string, from: ApplicationStatus, to: ApplicationStatus, { keepFocus = false } = {}) => {
    if (from === to) return;
    if (to === "rejected" && !(await confirm(REJECT_CONFIRM))) return;
    if (keepFocus) setFocusCard(applicationId);
    changeStatus.mutate({ orgSlug, applicationId, status: to });
  };

  const total = board.data.columns.reduce((sum, column) => sum + column.applications.length, 0);
  if (total === 0) {
    return (
      <EmptyState
        title="No active applications"
        action={canEdit ? <ButtonLink href={`/${orgSlug}/applications/new`}>Add your first application</ButtonLink> : undefined}
      >
        {canEdit
          ? "Add a role you are interested in, even before you apply: research notes and reminders build up from there."
          : "This client has no active applications yet."}
      </EmptyState>
    );
  }

  const onDrop = (event: DragEvent, status: ApplicationStatus) => {
    event.preventDefault();
    setDragOver(null);
    const payload = event.dataTransfer.getData(DRAG_TYPE);
    if (!payload) return;
    const { id, from } = JSON.parse(payload) as { id: string; from: ApplicationStatus };
    void move(id, from, status);
  };

  return (
    <>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
      {changeStatus.error ? <Notice tone="error">{changeStatus.error.message}</Notice> : null}
      <p className="hidden text-xs text-slate-500 sm:block" id="board-scroll-hint">
        Seven columns, from Saved to Withdrawn: scroll sideways inside the board (or Shift + mouse wheel) to see them all.
      </p>
      {/* The board scrolls inside itself, never the page: min-w-0 lets it shrink to the viewport. */}
      <div
        className="board-scroller relative grid min-w-0 max-w-full gap-3 sm:flex sm:overflow-x-auto sm:pb-3 sm:pr-8"
        role="region"
        aria-label="Applications board"
        aria-describedby="board-scroll-hint"
        tabIndex={0}
      >
        {board.data.columns.map((column) => (
          <section
            key={column.status}
            aria-label={`${APPLICATION_STATUS_LABEL[column.status]}: ${column.applications.length}`}
            onDragOver={
              canEdit
                ? (event) => {
                    if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
                    event.preventDefault();
                    event.dataTransfer.dropEffect = "move";
                    setDragOver(column.status);
                  }
                : undefined
            }
            onDragLeave={() => setDragOver((current) => (current === column.status ? null : current))}
            onDrop={canEdit ? (event) => onDrop(event, column.status) : undefined}
            className={`flex min-h-24 min-w-0 flex-col rounded-xl border p-2 sm:w-64 sm:shrink-0 ${
              dragOver === column.status ? "border-brand bg-brand-light/40" : "border-slate-200 bg-slate-100/60"
            }`}
          >
            <h2 className="mb-2 flex items-center justify-between px-1 text-sm font-semibold">
              {APPLICATION_STATUS_LABEL[column.status]}
              <span className="rounded-full bg-white px-2 text-xs font-medium text-slate-600">{column.applications.length}</span>
            </h2>
            <ul className="flex flex-1 flex-col gap-2">
              {column.applications.map((application) => (
                <BoardCard
                  key={application.id}
                  application={application}
                  orgSlug={orgSlug}
                  clientId={clientId}
                  canEdit={canEdit}
                  viewerTimeZone={viewerTimeZone}
                  busy={changeStatus.isPending && changeStatus.variables?.applicationId === application.id}
                  takeFocus={focusCard === application.id}
                  onFocusTaken={focusTaken}
                  onMove={(to) => void move(application.id, application.status, to, { keepFocus: true })}
                />
              ))}
              {column.applications.length === 0 ? <li className="px-1 text-xs text-slate-600">{canEdit ? "Drop a card here." : "None."}</li> : null}
            </ul>
          </section>
        ))}
      </div>
    </>
  );
}

function BoardCard({
  application,
  orgSlug,
  clientId,
  canEdit,
  viewerTimeZone,
  busy,
  takeFocus,
  onFocusTaken,
  onMove,
}: {
  application: Row;
  orgSlug: string;
  clientId?: string;
  canEdit: boolean;
  viewerTimeZone: string;
  busy: boolean;
  takeFocus: boolean;
  onFocusTaken: () => void;
  onMove: (to: ApplicationStatus) => void;
}) {
  const moveButton = useRef<HTMLButtonElement>(null);
  // The choice waits until the menu has closed and handed focus back to its button, so a confirm
  // dialog that follows (for "Rejected") returns focus there too.
  const chosen = useRef<ApplicationStatus | null>(null);
  useEffect(() => {
    if (!takeFocus) return;
    // After the menu (or the confirm dialog) has put focus back where it was, which is gone.
    const timer = setTimeout(() => {
      moveButton.current?.focus();
      onFocusTaken();
    }, 0);
    return () => clearTimeout(timer);
  }, [takeFocus, onFocusTaken]);
  const name = `${application.roleTitle} at ${application.companyName}`;
  return (
    <li
      draggable={canEdit}
      onDragStart={(event) => {
        event.dataTransfer.setData(DRAG_TYPE, JSON.stringify({ id: application.id, from: application.status }));
        event.dataTransfer.effectAllowed = "move";
      }}
      className={`relative min-w-0 break-words rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm [overflow-wrap:anywhere] ${canEdit ? "cursor-grab active:cursor-grabbing" : ""} ${busy ? "opacity-60" : ""}`}
    >
      <Link href={applicationHref(orgSlug, application.id, clientId)} className="font-medium text-slate-900 hover:text-brand hover:underline">
        {application.roleTitle}
      </Link>
      <p className="text-slate-600">{application.companyName}</p>
      <CardFacts application={application} viewerTimeZone={viewerTimeZone} />
      {canEdit ? (
        // A menu, not a select: arrowing through the choices moves nothing; only choosing one does.
        <DropdownMenu>
          <DropdownMenuTrigger
            ref={moveButton}
            className="mt-2 w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-left text-xs text-slate-700 hover:bg-slate-50 disabled:opacity-60"
          >
            Move<span className="sr-only"> {name}</span> to…
          </DropdownMenuTrigger>
          <DropdownMenuContent
            align="start"
            className="w-48"
            onCloseAutoFocus={() => {
              const to = chosen.current;
              chosen.current = null;
              if (to) onMove(to);
            }}
          >
            <DropdownMenuLabel>Move to</DropdownMenuLabel>
            {APPLICATION_STATUSES.filter((status) => status !== application.status).map((status) => (
              <DropdownMenuItem key={status} onSelect={() => (chosen.current = status)}>
                {APPLICATION_STATUS_LABEL[status]}
              </DropdownMenuItem>
            ))}
          </DropdownMenuContent>
        </DropdownMenu>
      ) : null}
    </li>
  );
}

function CardFacts({ application, viewerTimeZone }: { application: Row; viewerTimeZone: string }) {
  const facts = [
    application.nextInterviewAt ? `Interview ${formatDateTime(application.nextInterviewAt, viewerTimeZone)}` : null,
    application.openCommitments ? `${application.openCommitments} open promise${application.openCommitments === 1 ? "" : "s"}` : null,
    application.openDrafts ? `${application.openDrafts} draft${application.openDrafts === 1 ? "" : "s"} waiting` : null,
  ].filter(Boolean);
  if (facts.length === 0) return null;
  return (
    <ul className="mt-1 space-y-0.5 text-xs text-slate-500">
      {facts.map((fact) => (
        <li key={fact}>{fact}</li>
      ))}
    </ul>
  );
}

const applicationHref = (orgSlug: string, id: string, clientId?: string) =>
  `/${orgSlug}/applications/${id}${clientId ? `?clientId=${encodeURIComponent(clientId)}` : ""}`;

const COLUMNS = [
  { key: "role", label: "Role" },
  { key: "company", label: "Company" },
  { key: "status", label: "Status" },
  { key: null, label: "Where" },
  { key: null, label: "Salary" },
  { key: null, label: "Next interview" },
  { key: null, label: "Open items" },
  { key: "updated", label: "Updated" },
  { key: "created", label: "Added" },
] as const;

function TableView({
  orgSlug,
  clientId,
  viewerTimeZone,
  state,
  update,
  canEdit,
}: {
  orgSlug: string;
  clientId?: string;
  viewerTimeZone: string;
  state: ViewState;
  update: (patch: Partial<ViewState>) => void;
  canEdit: boolean;
}) {
  const trpc = useTRPC();
  // A new filter keeps the rows on screen until its answer arrives; the first render finds the page's prefetch.
  const list = useQuery(trpc.application.list.queryOptions({ orgSlug, clientId, ...listInput(state) }, { placeholderData: keepPreviousData }));
  const toggleStatus = (status: ApplicationStatus) =>
    update({ status: state.status.includes(status) ? state.status.filter((s) => s !== status) : [...state.status, status] });
  const sortBy = (key: ViewState["sort"]) =>
    update({ sort: key, dir: state.sort === key ? (state.dir === "asc" ? "desc" : "asc") : key === "updated" || key === "created" ? "desc" : "asc" });
  const filtered = state.status.length > 0 || state.q !== "" || state.archived || state.workplace !== "" || state.jobType !== "" || state.tag !== "" || state.excitement > 0;

  return (
    <div className="space-y-3">
      <fieldset className="flex flex-wrap items-center gap-2 text-sm">
        <legend className="sr-only">Filter by status</legend>
        {APPLICATION_STATUSES.map((status) => (
          <label
            key={status}
            className={`inline-flex cursor-pointer items-center gap-1.5 rounded-full border px-3 py-1 ${
              state.status.includes(status) ? "border-brand bg-brand-light/50" : "border-slate-300 bg-white"
            }`}
          >
            <input type="checkbox" className="accent-brand" checked={state.status.includes(status)} onChange={() => toggleStatus(status)} />
            {APPLICATION_STATUS_LABEL[status]}
          </label>
        ))}
        <label className="inline-flex items-center gap-1.5 px-1">
          <input type="checkbox" className="accent-brand" checked={state.archived} onChange={() => update({ archived: !state.archived })} />
          Include archived
        </label>
        {filtered ? (
          <Button type="button" variant="secondary" className="min-h-8 px-3 py-1" onClick={() => update({ status: [], q: "", archived: false, workplace: "", jobType: "", tag: "", excitement: 0 })}>
            Clear filters
          </Button>
        ) : null}
      </fieldset>
      <DetailFilters state={state} update={update} />

      {list.isPending ? (
        <p className="text-sm text-slate-500" aria-live="polite">Loading…</p>
      ) : list.isError ? (
        <Notice tone="error">{list.error.message}</Notice>
      ) : list.data.length === 0 ? (
        <EmptyState
          title={filtered ? "Nothing matches these filters" : "No applications yet"}
          action={!filtered && canEdit ? <ButtonLink href={`/${orgSlug}/applications/new`}>Add an application</ButtonLink> : undefined}
        >
          {filtered ? "Try another status or search, or clear the filters." : "Add the roles you are considering to start tracking them."}
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="min-w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs uppercase text-slate-600">
              <tr>
                {COLUMNS.map((column) => (
                  <th
                    key={column.label}
                    scope="col"
                    className="whitespace-nowrap px-3 py-2 font-semibold"
                    aria-sort={column.key && state.sort === column.key ? (state.dir === "asc" ? "ascending" : "descending") : undefined}
                  >
                    {column.key ? (
                      <button type="button" onClick={() => sortBy(column.key)} className="inline-flex items-center gap-1 uppercase hover:text-brand">
                        {column.label}
                        <span aria-hidden>{state.sort === column.key ? (state.dir === "asc" ? "▲" : "▼") : "↕"}</span>
                      </button>
                    ) : (
                      column.label
                    )}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {list.data.map((row) => (
                <tr key={row.id} className={row.archivedAt ? "text-slate-500" : undefined}>
                  <td className="px-3 py-2">
                    <Link href={applicationHref(orgSlug, row.id, clientId)} className="font-medium text-brand hover:underline">
                      {row.roleTitle}
                    </Link>
                    {row.archivedAt ? <span className="ml-2 text-xs">(archived)</span> : null}
                  </td>
                  <td className="px-3 py-2">{row.companyName}</td>
                  <td className="whitespace-nowrap px-3 py-2">
                    <StatusBadge status={row.status} />
                    <span className="block text-xs text-slate-500">since {formatDate(row.statusChangedAt, viewerTimeZone)}</span>
                  </td>
                  <td className="px-3 py-2">
                    {[row.location, row.workplaceType && WORKPLACE_LABEL[row.workplaceType]].filter(Boolean).join(" · ") || "—"}
                    {row.tags.length > 0 ? <span className="block text-xs text-slate-500">{row.tags.join(", ")}</span> : null}
                  </td>
                  <td className="whitespace-nowrap px-3 py-2">{formatSalary({ min: row.salaryMin, max: row.salaryMax, currency: row.salaryCurrency }) || "—"}</td>
                  <td className="whitespace-nowrap px-3 py-2">{row.nextInterviewAt ? formatDateTime(row.nextInterviewAt, viewerTimeZone) : "—"}</td>
                  <td className="whitespace-nowrap px-3 py-2 text-xs">
                    {row.openCommitments} promise{row.openCommitments === 1 ? "" : "s"} · {row.openDrafts} draft{row.openDrafts === 1 ? "" : "s"}
                  </td>
                  <td className="whitespace-nowrap px-3 py-2">{formatDate(row.updatedAt, viewerTimeZone)}</td>
                  <td className="whitespace-nowrap px-3 py-2">{formatDate(row.createdAt, viewerTimeZone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/** Workplace, job type, excitement and tag: the fields people sort a long search by. */
function DetailFilters({ state, update }: { state: ViewState; update: (patch: Partial<ViewState>) => void }) {
  const control = "block w-full rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm";
  return (
    <div className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
      <label>
        <span className="mb-1 block text-xs font-medium text-slate-600">Workplace</span>
        <select className={control} value={state.workplace} onChange={(event) => update({ workplace: event.target.value as WorkplaceType | "" })}>
          <option value="">Any</option>
          {WORKPLACE_TYPES.map((type) => (
            <option key={type} value={type}>
              {WORKPLACE_LABEL[type]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="mb-1 block text-xs font-medium text-slate-600">Job type</span>
        <select className={control} value={state.jobType} onChange={(event) => update({ jobType: event.target.value as JobType | "" })}>
          <option value="">Any</option>
          {JOB_TYPES.map((type) => (
            <option key={type} value={type}>
              {JOB_TYPE_LABEL[type]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="mb-1 block text-xs font-medium text-slate-600">Excitement</span>
        <select className={control} value={state.excitement} onChange={(event) => update({ excitement: Number(event.target.value) })}>
          <option value={0}>Any</option>
          {Array.from({ length: EXCITEMENT_MAX - 1 }, (_, i) => i + 2).map((n) => (
            <option key={n} value={n}>
              {"★".repeat(n)}
              {n < EXCITEMENT_MAX ? " or more" : ""}
            </option>
          ))}
        </select>
      </label>
      <TagFilter value={state.tag} onChange={(tag) => update({ tag })} className={control} />
    </div>
  );
}

function TagFilter({ value, onChange, className }: { value: string; onChange: (tag: string) => void; className: string }) {
  const [text, setText] = useState(value);
  return (
    <label>
      <span className="mb-1 block text-xs font-medium text-slate-600">Tag</span>
      <input
        className={className}
        value={text}
        maxLength={40}
        placeholder="e.g. remote"
        onChange={(event) => setText(event.target.value)}
        onBlur={() => text.trim() !== value && onChange(text.trim())}
        onKeyDown={(event) => event.key === "Enter" && onChange(text.trim())}
      />
    </label>
  );
}
