"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { z } from "zod";
import { ZCreateCommitmentInput } from "@/server/services/commitments/schemas";
import { ZClockTime, ZIsoDate } from "@/server/services/interviews/schemas";
import { errorAt, Form, useServerErrors, useZodForm } from "../../_components/form";
import { useTRPC } from "../../_components/trpc";
import { Button, Card, EmptyState, Field, Notice } from "../../_components/ui";
import { When } from "../../_components/when";
import { instantAt } from "../../_components/zoned";

type Filter = "open" | "done" | "all";
type Props = { orgSlug: string; clientId?: string; canEdit: boolean; viewerTimeZone: string };

const FILTERS: Array<[Filter, string]> = [
  ["open", "To do"],
  ["done", "Done or no longer needed"],
  ["all", "All"],
];

export function CommitmentsPanel({ orgSlug, clientId, canEdit, viewerTimeZone }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<Filter>("open");
  // The page prefetched the open ones; another filter keeps the rows on screen until its answer arrives.
  const query = useQuery(trpc.commitment.list.queryOptions({ orgSlug, clientId, status: filter }, { placeholderData: keepPreviousData }));
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

/** A promise as the form asks it: a day and a time on the viewer's clock, sent as one instant (`dueAt`, so the API's error lands on the day). */
function addCommitmentSchema(viewerTimeZone: string) {
  return z
    .object({
      description: ZCreateCommitmentInput.shape.description,
      dueAt: z.string().min(1, "Give the date it is due.").pipe(ZIsoDate),
      dueTime: ZClockTime,
    })
    .transform(({ description, dueAt, dueTime }) => ({ description, dueAt: instantAt(dueAt, dueTime, viewerTimeZone) ?? new Date(Number.NaN) }));
}

function AddCommitment({ orgSlug, viewerTimeZone, onAdded }: { orgSlug: string; viewerTimeZone: string; onAdded: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const [schema] = useState(() => addCommitmentSchema(viewerTimeZone));
  const form = useZodForm(schema, { defaultValues: { description: "", dueAt: "", dueTime: "17:00" } });
  const { errors } = form.formState;
  const create = useMutation(
    trpc.commitment.create.mutationOptions({
      onSuccess: async () => {
        // Ready for the next one; the time is usually the same.
        form.reset({ description: "", dueAt: "", dueTime: form.getValues("dueTime") });
        await onAdded();
      },
    }),
  );
  const message = useServerErrors(form, create.error);

  return (
    <Form form={form} onSubmit={(values) => create.mutate({ orgSlug, ...values })} className="space-y-3">
      <Field label="What will you do?" maxLength={500} {...form.register("description")} error={errorAt(errors, "description")} />
      <div className="grid grid-cols-2 gap-3">
        <Field label="Due date" type="date" {...form.register("dueAt")} error={errorAt(errors, "dueAt")} />
        <Field label="Time" type="time" {...form.register("dueTime")} error={errorAt(errors, "dueTime")} />
      </div>
      {message ? <Notice tone="error">{message}</Notice> : null}
      {create.isSuccess ? <Notice tone="success">Added. You will be reminded before it is due, and again if it is not marked done by then.</Notice> : null}
      <Button type="submit" disabled={create.isPending}>
        {create.isPending ? "Adding…" : "Add promise"}
      </Button>
    </Form>
  );
}
