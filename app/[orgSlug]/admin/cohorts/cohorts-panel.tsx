"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useMemo, useState } from "react";
import type { AppRouterOutputs } from "@/server/trpc/types";
import { HydratedForm } from "../../../_components/hydrated-form";
import { fieldErrors, useTRPC } from "../../../_components/trpc";
import { Button, Card, EmptyState, Field, Notice, useConfirm } from "../../../_components/ui";
import { AssignModeChoice, CoachChoice, type AssignMode } from "../assign-coach-fields";

type Cohort = AppRouterOutputs["cohort"]["list"][number];
type Member = AppRouterOutputs["member"]["list"][number];

export function CohortsPanel({ orgSlug }: { orgSlug: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const cohorts = useQuery(trpc.cohort.list.queryOptions({ orgSlug, includeArchived: true }));
  const members = useQuery(trpc.member.list.queryOptions({ orgSlug }));
  const refresh = () => Promise.all([queryClient.invalidateQueries(trpc.cohort.pathFilter()), queryClient.invalidateQueries(trpc.member.pathFilter())]);
  const coaches = (members.data ?? []).filter((m) => m.role !== "client" && m.status === "active");
  const clients = (members.data ?? []).filter((m) => m.role === "client");

  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="space-y-6 lg:col-span-2">
        {cohorts.isPending ? (
          <p className="text-sm text-slate-600" aria-live="polite">
            Loading cohorts…
          </p>
        ) : cohorts.isError ? (
          <Notice tone="error">{cohorts.error.message}</Notice>
        ) : cohorts.data.length === 0 ? (
          <Card>
            <EmptyState title="No cohorts yet">Create one with the form beside this, or give each client a cohort in a roster upload.</EmptyState>
          </Card>
        ) : (
          cohorts.data.map((cohort) => (
            <CohortCard key={cohort.id} orgSlug={orgSlug} cohort={cohort} coaches={coaches} clients={clients} onChange={refresh} />
          ))
        )}
      </div>
      <div>
        <Card title="New cohort">
          <CreateCohort orgSlug={orgSlug} onCreated={refresh} />
        </Card>
      </div>
    </div>
  );
}

function CreateCohort({ orgSlug, onCreated }: { orgSlug: string; onCreated: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const create = useMutation(trpc.cohort.create.mutationOptions({ onSuccess: onCreated }));
  const { message, fields } = fieldErrors(create.error);
  return (
    <HydratedForm
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        create.mutate({ orgSlug, name: String(new FormData(form).get("name") ?? "") }, { onSuccess: () => form.reset() });
      }}
    >
      <Field label="Cohort name" name="name" required maxLength={80} error={fields.name} hint="For example: Class of 2027, Evening programme, City grant intake." />
      {message && !fields.name ? <Notice tone="error">{message}</Notice> : null}
      {create.isSuccess ? <Notice tone="success">Created {create.data.name}.</Notice> : null}
      <Button type="submit" disabled={create.isPending}>
        Create cohort
      </Button>
    </HydratedForm>
  );
}

function CohortCard({
  orgSlug,
  cohort,
  coaches,
  clients,
  onChange,
}: {
  orgSlug: string;
  cohort: Cohort;
  coaches: Member[];
  clients: Member[];
  onChange: () => Promise<unknown>;
}) {
  const trpc = useTRPC();
  const [panel, setPanel] = useState<"none" | "rename" | "clients">("none");
  const archive = useMutation(trpc.cohort.archive.mutationOptions({ onSuccess: onChange }));
  const confirm = useConfirm();
  const archived = cohort.archivedAt !== null;
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5" data-testid="cohort-card">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <h2 id={headingId} className="truncate text-base font-semibold">
            {cohort.name} {archived ? <span className="ml-1 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-normal text-slate-700">archived</span> : null}
          </h2>
          <p className="text-sm text-slate-600">
            {cohort.clientCount} {cohort.clientCount === 1 ? "client" : "clients"}
            {cohort.pendingInvitations > 0 ? ` · ${cohort.pendingInvitations} invited, not joined yet` : ""}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {!archived ? (
            <Button variant="secondary" type="button" aria-expanded={panel === "clients"} onClick={() => setPanel(panel === "clients" ? "none" : "clients")}>
              Choose clients
            </Button>
          ) : null}
          <Button variant="secondary" type="button" aria-expanded={panel === "rename"} onClick={() => setPanel(panel === "rename" ? "none" : "rename")}>
            Rename
          </Button>
          <Button
            variant="secondary"
            type="button"
            disabled={archive.isPending}
            onClick={async () => {
              // Restoring is harmless; archiving takes the cohort out of every list and filter.
              if (
                archived ||
                (await confirm({
                  title: `Archive ${cohort.name}?`,
                  description: "It leaves the lists and the filters and takes no new clients. Its clients stay in it for past reports, and you can restore it at any time.",
                  confirmLabel: "Archive cohort",
                  tone: "default",
                }))
              ) {
                archive.mutate({ orgSlug, cohortId: cohort.id, archived: !archived });
              }
            }}
          >
            {archived ? "Restore" : "Archive"}
          </Button>
        </div>
      </div>
      {archive.error ? <Notice tone="error">{archive.error.message}</Notice> : null}
      {panel === "rename" ? <RenameCohort orgSlug={orgSlug} cohort={cohort} onDone={() => onChange().then(() => setPanel("none"))} /> : null}
      {panel === "clients" ? <ChooseClients orgSlug={orgSlug} cohort={cohort} clients={clients} onDone={() => onChange().then(() => setPanel("none"))} /> : null}
      {!archived ? <AssignCohort orgSlug={orgSlug} cohort={cohort} coaches={coaches} onChange={onChange} /> : null}
    </section>
  );
}

function RenameCohort({ orgSlug, cohort, onDone }: { orgSlug: string; cohort: Cohort; onDone: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const rename = useMutation(trpc.cohort.rename.mutationOptions({ onSuccess: onDone }));
  const { message, fields } = fieldErrors(rename.error);
  return (
    <HydratedForm
      className="mt-3 flex flex-col gap-2 sm:flex-row sm:items-end"
      onSubmit={(event) => {
        event.preventDefault();
        rename.mutate({ orgSlug, cohortId: cohort.id, name: String(new FormData(event.currentTarget).get("name") ?? "") });
      }}
    >
      <div className="flex-1">
        <Field label={`New name for ${cohort.name}`} name="name" defaultValue={cohort.name} required maxLength={80} error={fields.name ?? message ?? undefined} />
      </div>
      <Button type="submit" disabled={rename.isPending}>
        Save name
      </Button>
    </HydratedForm>
  );
}

/** Every client with a checkbox, ticked when in the cohort; saving adds and removes the difference. */
function ChooseClients({ orgSlug, cohort, clients, onDone }: { orgSlug: string; cohort: Cohort; clients: Member[]; onDone: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const initial = useMemo(() => new Set(clients.filter((c) => c.cohortIds.includes(cohort.id)).map((c) => c.membershipId)), [clients, cohort.id]);
  const [chosen, setChosen] = useState<Set<string>>(initial);
  const [search, setSearch] = useState("");
  const add = useMutation(trpc.cohort.addClients.mutationOptions());
  const remove = useMutation(trpc.cohort.removeClients.mutationOptions());
  const error = add.error ?? remove.error;
  const shown = clients.filter((c) => `${c.name ?? ""} ${c.email}`.toLowerCase().includes(search.trim().toLowerCase()));
  const toAdd = [...chosen].filter((id) => !initial.has(id));
  const toRemove = [...initial].filter((id) => !chosen.has(id));

  if (clients.length === 0) return <div className="mt-3"><EmptyState title="No clients yet">Invite clients first, or upload a roster with this cohort in it.</EmptyState></div>;
  return (
    <HydratedForm
      className="mt-3 space-y-3"
      onSubmit={async (event) => {
        event.preventDefault();
        if (toAdd.length > 0) await add.mutateAsync({ orgSlug, cohortId: cohort.id, clientIds: toAdd });
        if (toRemove.length > 0) await remove.mutateAsync({ orgSlug, cohortId: cohort.id, clientIds: toRemove });
        await onDone();
      }}
    >
      <Field label="Find a client" name="search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
      <fieldset>
        <legend className="mb-2 text-sm font-medium">Clients in {cohort.name}</legend>
        <div className="flex gap-3 pb-2 text-sm">
          <button type="button" className="underline" onClick={() => setChosen(new Set([...chosen, ...shown.map((c) => c.membershipId)]))}>
            Select all shown
          </button>
          <button type="button" className="underline" onClick={() => setChosen(new Set([...chosen].filter((id) => !shown.some((c) => c.membershipId === id))))}>
            Clear shown
          </button>
        </div>
        <div className="grid max-h-72 gap-1 overflow-y-auto sm:grid-cols-2">
          {shown.map((client) => (
            <label key={client.membershipId} className="flex min-w-0 items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={chosen.has(client.membershipId)}
                onChange={(event) => {
                  const next = new Set(chosen);
                  if (event.target.checked) next.add(client.membershipId);
                  else next.delete(client.membershipId);
                  setChosen(next);
                }}
              />
              <span className="truncate">{client.name ?? client.email}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {error ? <Notice tone="error">{error.message}</Notice> : null}
      <Button type="submit" disabled={add.isPending || remove.isPending || (toAdd.length === 0 && toRemove.length === 0)}>
        Save clients{toAdd.length || toRemove.length ? ` (+${toAdd.length} −${toRemove.length})` : ""}
      </Button>
    </HydratedForm>
  );
}

function AssignCohort({ orgSlug, cohort, coaches, onChange }: { orgSlug: string; cohort: Cohort; coaches: Member[]; onChange: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const [coachId, setCoachId] = useState("");
  const [mode, setMode] = useState<AssignMode>("add");
  const assign = useMutation(trpc.member.bulkAssign.mutationOptions({ onSuccess: onChange }));
  const { message, fields } = fieldErrors(assign.error);
  if (coaches.length === 0) return null;
  const coachName = (id: string) => {
    const coach = coaches.find((c) => c.membershipId === id);
    return coach ? (coach.name ?? coach.email) : "the coach";
  };
  return (
    <HydratedForm
      className="mt-4 flex flex-col gap-3 border-t border-slate-100 pt-3 sm:flex-row sm:flex-wrap sm:items-end"
      onSubmit={(event) => {
        event.preventDefault();
        assign.mutate({ orgSlug, coachMembershipId: coachId, target: { cohortId: cohort.id }, mode });
      }}
    >
      <div className="sm:flex-1">
        <CoachChoice label={`Coach for ${cohort.name}`} coaches={coaches} value={coachId} onChange={setCoachId} error={fields.coachMembershipId} />
      </div>
      <div className="sm:flex-1">
        <AssignModeChoice value={mode} onChange={setMode} />
      </div>
      <Button type="submit" disabled={!coachId || assign.isPending}>
        Assign cohort
      </Button>
      <div className="sm:basis-full" aria-live="polite">
        {message ? <Notice tone="error">{message}</Notice> : null}
        {assign.isSuccess ? (
          <Notice tone="success">
            {cohort.name} assigned to {coachName(assign.variables.coachMembershipId)}: {assign.data.assigned} newly assigned, {assign.data.alreadyAssigned} already
            {assign.data.unassignedFromOthers > 0 ? `, ${assign.data.unassignedFromOthers} handed over from other coaches` : ""}
            {assign.data.invitations > 0 ? `, ${assign.data.invitations} pending invitations` : ""}.
          </Notice>
        ) : null}
      </div>
    </HydratedForm>
  );
}
