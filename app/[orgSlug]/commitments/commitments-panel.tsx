"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import type { AppRouterOutputs } from "@/server/trpc/types";
import { fieldErrors, useTRPC } from "../../_components/trpc";
import { Button, Card, EmptyState, Field, Notice } from "../../_components/ui";
import { When } from "../../_components/when";
import { instantAt } from "../../_components/zoned";
import { HydratedForm } from "../../_components/hydrated-form";

type Commitment = AppRouterOutputs["commitment"]["list"][number];
type Filter = "open" | "done" | "all";
type Props = { orgSlug: string; clientId?: string; initial: Commitment[]; canEdit: boolean; viewerTimeZone: string };

const FILTERS: Array<[Filter, string]> = [
  ["open", "To do"],
  ["done", "Done or no longer needed"],
  ["all", "All"],
];

export function CommitmentsPanel({ orgSlug, clientId, initial, canEdit, viewerTimeZone }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<Filter>("open");
  const query = useQuery(trpc.commitment.list.queryOptions({ orgSlug, clientId, status: filter }, { initialData: filter === "open" ? initial : undefined }));
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.commitment.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.interview.byId.queryKey() }),
    ]);
  const complete = useMutation(trpc.commitment.complete.mutationOptions({ onSuccess: refresh }));
  const reopen = useMutation(trpc.commitment.reopen.mutationOptions({ onSuccess: refresh }));
  const rows = query.data ?? [];
  const overdue = rows.filter((c) => c.overdue).length;
  const error = complete.error ?? reopen.error;

  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <div className="min-w-0 space-y-4 lg:col-span-2">
        <div role="group" aria-label="Show" className="flex flex-wrap gap-2">
          {FILTERS.map(([value, label]) => (
            <Button key={value} type="button" variant={filter === value ? "primary" : "secondary"} aria-pressed={filter === value} onClick={() => setFilter(value)}>
              {label}
            </Button>
          ))}
        </div>
        {overdue > 0 && filter !== "done" ? (
          <Notice tone="error">
            {overdue === 1 ? "One promise is overdue." : `${overdue} promises are overdue.`} A short note saying when it will arrive keeps trust intact.
          </Notice>
        ) : null}
        {error ? <Notice tone="error">{error.message}</Notice> : null}
        {query.isPending ? (
          <p className="text-sm text-slate-500" aria-live="polite">
            Loading…
          </p>
        ) : rows.length === 0 ? (
          <EmptyState title={filter === "done" ? "Nothing marked done yet" : "No open promises"}>
            {filter === "done"
              ? "When you keep a promise, mark it done and it moves here."
              : "Promises you record in an interview debrief show up here, or add one yourself."}
          </EmptyState>
        ) : (
          <ul className="space-y-2">
            {rows.map((c) => (
              <li
                key={c.id}
                className={`flex flex-col gap-2 rounded-xl border bg-white p-4 shadow-sm sm:flex-row sm:items-center sm:justify-between ${c.overdue ? "border-red-300 bg-red-50" : "border-slate-200"}`}
              >
                <div className="min-w-0">
                  <p className={`font-medium ${c.doneAt || c.releasedAt ? "text-slate-500 line-through" : ""}`}>{c.description}</p>
                  <p className="text-sm text-slate-600">
                    {c.doneAt ? (
                      <>
                        Done <When date={c.doneAt} timeZone={viewerTimeZone} />
                      </>
                    ) : c.releasedAt ? (
                      <>
                        No longer needed: the application closed <When date={c.releasedAt} timeZone={viewerTimeZone} />
                      </>
                    ) : (
                      <>
                        {c.overdue ? <strong className="text-red-700">Overdue · </strong> : null}
                        Due <When date={c.dueAt} timeZone={viewerTimeZone} />
                      </>
                    )}
                    {c.contactName ? ` · to ${c.contactName}` : ""}
                  </p>
                  {c.applicationId ? (
                    <Link href={`/${orgSlug}/applications/${c.applicationId}${clientId ? `?clientId=${encodeURIComponent(clientId)}` : ""}`} className="text-sm text-brand hover:underline">
                      {c.roleTitle} at {c.companyName}
                    </Link>
                  ) : null}
                </div>
                {canEdit ? (
                  c.doneAt ? (
                    <Button variant="secondary" onClick={() => reopen.mutate({ orgSlug, commitmentId: c.id })}>
                      Not done yet<span className="sr-only">: {c.description}</span>
                    </Button>
                  ) : c.releasedAt ? (
                    <Button variant="secondary" onClick={() => reopen.mutate({ orgSlug, commitmentId: c.id })}>
                      Keep this promise<span className="sr-only">: {c.description}</span>
                    </Button>
                  ) : (
                    <Button onClick={() => complete.mutate({ orgSlug, commitmentId: c.id })}>
                      Mark done<span className="sr-only">: {c.description}</span>
                    </Button>
                  )
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </div>
      {canEdit ? (
        <div>
          <Card title="Add a promise">
            <AddCommitment orgSlug={orgSlug} viewerTimeZone={viewerTimeZone} onAdded={refresh} />
          </Card>
        </div>
      ) : null}
    </div>
  );
}

function AddCommitment({ orgSlug, viewerTimeZone, onAdded }: { orgSlug: string; viewerTimeZone: string; onAdded: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const [description, setDescription] = useState("");
  const [date, setDate] = useState("");
  const [time, setTime] = useState("17:00");
  const [missingDate, setMissingDate] = useState(false);
  const create = useMutation(
    trpc.commitment.create.mutationOptions({
      onSuccess: async () => {
        setDescription("");
        setDate("");
        await onAdded();
      },
    }),
  );
  const { message, fields } = fieldErrors(create.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    const dueAt = instantAt(date, time, viewerTimeZone);
    setMissingDate(!dueAt);
    if (dueAt) create.mutate({ orgSlug, description, dueAt });
  }

  return (
    <HydratedForm onSubmit={submit} className="space-y-3" noValidate>
      <Field label="What will you do?" name="description" value={description} maxLength={500} onChange={(e) => setDescription(e.target.value)} error={fields.description} />
      <div className="grid grid-cols-2 gap-3">
        <Field label="Due date" name="dueDate" type="date" value={date} onChange={(e) => setDate(e.target.value)} error={missingDate ? "Give the date it is due." : fields.dueAt} />
        <Field label="Time" name="dueTime" type="time" value={time} onChange={(e) => setTime(e.target.value)} />
      </div>
      {message ? <Notice tone="error">{message}</Notice> : null}
      {create.isSuccess ? <Notice tone="success">Added. You will be reminded before it is due, and again if it is not marked done by then.</Notice> : null}
      <Button type="submit" disabled={create.isPending}>
        {create.isPending ? "Adding…" : "Add promise"}
      </Button>
    </HydratedForm>
  );
}
