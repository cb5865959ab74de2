"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useId, useMemo, useState } from "react";
import { Controller, useWatch } from "react-hook-form";
import { z } from "zod";
import { ZClientSelection, ZCreateCohortInput, ZRenameCohortInput } from "@/server/services/cohorts/schemas";
import type { AppRouterOutputs } from "@/server/trpc/types";
import { errorAt, Form, useServerErrors, useZodForm } from "../../../_components/form";
import { useTRPC } from "../../../_components/trpc";
import { Button, Card, EmptyState, Field, Notice, useConfirm } from "../../../_components/ui";
import { AssignModeChoice, CoachChoice, ZAssignCoachFields } from "../assign-coach-fields";

type Cohort = AppRouterOutputs["cohort"]["list"][number];
type Member = AppRouterOutputs["member"]["list"][number];

export function CohortsPanel({ orgSlug }: { orgSlug: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: cohorts } = useSuspenseQuery(trpc.cohort.list.queryOptions({ orgSlug, includeArchived: true }));
  const { data: members } = useSuspenseQuery(trpc.member.list.queryOptions({ orgSlug }));
  const refresh = () => Promise.all([queryClient.invalidateQueries(trpc.cohort.pathFilter()), queryClient.invalidateQueries(trpc.member.pathFilter())]);
  const coaches = members.filter((m) => m.role !== "client" && m.status === "active");
  const clients = members.filter((m) => m.role === "client");

  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="min-w-0 space-y-6 lg:col-span-2">
        {cohorts.length === 0 ? (
          <Card>
            <EmptyState title="No cohorts yet">Create one with the form beside this, or give each client a cohort in a roster upload.</EmptyState>
          </Card>
        ) : (
          cohorts.map((cohort) => (
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
  const form = useZodForm(ZCreateCohortInput, { defaultValues: { name: "" } });
  const create = useMutation(trpc.cohort.create.mutationOptions({ onSuccess: onCreated }));
  const message = useServerErrors(form, create.error);
  return (
    <Form form={form} onSubmit={(values) => create.mutate({ orgSlug, ...values }, { onSuccess: () => form.reset() })} className="space-y-3">
      <Field
        label="Cohort name"
        required
        maxLength={80}
        {...form.register("name")}
        error={errorAt(form.formState.errors, "name")}
        hint="For example: Class of 2027, Evening programme, City grant intake."
      />
      {message ? <Notice tone="error">{message}</Notice> : null}
      {create.isSuccess ? <Notice tone="success">Created {create.data.name}.</Notice> : null}
      <Button type="submit" disabled={create.isPending}>
        Create cohort
      </Button>
    </Form>
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

const ZNewName = ZRenameCohortInput.pick({ name: true });

function RenameCohort({ orgSlug, cohort, onDone }: { orgSlug: string; cohort: Cohort; onDone: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const form = useZodForm(ZNewName, { defaultValues: { name: cohort.name } });
  const rename = useMutation(trpc.cohort.rename.mutationOptions({ onSuccess: onDone }));
  // One field: an error naming none (a name already taken) is shown on it too.
  const message = useServerErrors(form, rename.error);
  return (
    <Form
      form={form}
      onSubmit={(values) => rename.mutate({ orgSlug, cohortId: cohort.id, ...values })}
      className="mt-3 flex flex-col gap-2 sm:flex-row sm:items-end"
    >
      <div className="flex-1">
        <Field label={`New name for ${cohort.name}`} required maxLength={80} {...form.register("name")} error={errorAt(form.formState.errors, "name") ?? message ?? undefined} />
      </div>
      <Button type="submit" disabled={rename.isPending}>
        Save name
      </Button>
    </Form>
  );
}

/** The clients ticked for a cohort: saving adds and removes the difference, so an empty choice is allowed. */
const ZCohortMembers = z.object({ clientIds: z.array(ZClientSelection.element) });

/** Every client with a checkbox, ticked when in the cohort; saving adds and removes the difference. */
function ChooseClients({ orgSlug, cohort, clients, onDone }: { orgSlug: string; cohort: Cohort; clients: Member[]; onDone: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const initial = useMemo(() => new Set(clients.filter((c) => c.cohortIds.includes(cohort.id)).map((c) => c.membershipId)), [clients, cohort.id]);
  const form = useZodForm(ZCohortMembers, { defaultValues: { clientIds: [...initial] } });
  const chosen = new Set(useWatch({ control: form.control, name: "clientIds" }));
  // What narrows the list on screen, not part of what is saved.
  const [search, setSearch] = useState("");
  const add = useMutation(trpc.cohort.addClients.mutationOptions());
  const remove = useMutation(trpc.cohort.removeClients.mutationOptions());
  const message = useServerErrors(form, add.error ?? remove.error);
  const shown = clients.filter((c) => `${c.name ?? ""} ${c.email}`.toLowerCase().includes(search.trim().toLowerCase()));
  const toAdd = [...chosen].filter((id) => !initial.has(id));
  const toRemove = [...initial].filter((id) => !chosen.has(id));
  const choose = (ids: Iterable<string>) => form.setValue("clientIds", [...new Set(ids)], { shouldDirty: true });

  if (clients.length === 0) return <div className="mt-3"><EmptyState title="No clients yet">Invite clients first, or upload a roster with this cohort in it.</EmptyState></div>;
  return (
    <Form
      form={form}
      className="mt-3 space-y-3"
      onSubmit={async () => {
        if (toAdd.length > 0) await add.mutateAsync({ orgSlug, cohortId: cohort.id, clientIds: toAdd });
        if (toRemove.length > 0) await remove.mutateAsync({ orgSlug, cohortId: cohort.id, clientIds: toRemove });
        await onDone();
      }}
    >
      <Field label="Find a client" name="search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
      <fieldset>
        <legend className="mb-2 text-sm font-medium">Clients in {cohort.name}</legend>
        <div className="flex gap-3 pb-2 text-sm">
          <button type="button" className="underline" onClick={() => choose([...chosen, ...shown.map((c) => c.membershipId)])}>
            Select all shown
          </button>
          <button type="button" className="underline" onClick={() => choose([...chosen].filter((id) => !shown.some((c) => c.membershipId === id)))}>
            Clear shown
          </button>
        </div>
        <Controller
          control={form.control}
          name="clientIds"
          render={({ field }) => (
            <div className="grid max-h-72 gap-1 overflow-y-auto sm:grid-cols-2">
              {shown.map((client) => (
                <label key={client.membershipId} className="flex min-w-0 items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    checked={field.value.includes(client.membershipId)}
                    onChange={(event) =>
                      field.onChange(event.target.checked ? [...field.value, client.membershipId] : field.value.filter((id) => id !== client.membershipId))
                    }
                  />
                  <span className="truncate">{client.name ?? client.email}</span>
                </label>
              ))}
            </div>
          )}
        />
        {errorAt(form.formState.errors, "clientIds") ? <p role="alert" className="mt-1 text-sm text-red-700">{errorAt(form.formState.errors, "clientIds")}</p> : null}
      </fieldset>
      {message ? <Notice tone="error">{message}</Notice> : null}
      <Button type="submit" disabled={add.isPending || remove.isPending || (toAdd.length === 0 && toRemove.length === 0)}>
        Save clients{toAdd.length || toRemove.length ? ` (+${toAdd.length} −${toRemove.length})` : ""}
      </Button>
    </Form>
  );
}

function AssignCohort({ orgSlug, cohort, coaches, onChange }: { orgSlug: string; cohort: Cohort; coaches: Member[]; onChange: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const form = useZodForm(ZAssignCoachFields, { defaultValues: { coachMembershipId: "", mode: "add" } });
  const coachId = useWatch({ control: form.control, name: "coachMembershipId" });
  const assign = useMutation(trpc.member.bulkAssign.mutationOptions({ onSuccess: onChange }));
  const message = useServerErrors(form, assign.error);
  if (coaches.length === 0) return null;
  const coachName = (id: string) => {
    const coach = coaches.find((c) => c.membershipId === id);
    return coach ? (coach.name ?? coach.email) : "the coach";
  };
  return (
    <Form
      form={form}
      onSubmit={(values) => assign.mutate({ orgSlug, ...values, target: { cohortId: cohort.id } })}
      className="mt-4 flex flex-col gap-3 border-t border-slate-100 pt-3 sm:flex-row sm:flex-wrap sm:items-end"
    >
      <div className="sm:flex-1">
        <CoachChoice label={`Coach for ${cohort.name}`} coaches={coaches} {...form.register("coachMembershipId")} error={errorAt(form.formState.errors, "coachMembershipId")} />
      </div>
      <div className="sm:flex-1">
        <AssignModeChoice {...form.register("mode")} />
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
    </Form>
  );
}
