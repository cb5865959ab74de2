"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ROLE_LABEL, type MemberRole } from "@/lib/vocabulary";
import { useState } from "react";
import { fieldErrors, useTRPC } from "../../_components/trpc";
import { Button, Card, EmptyState, Field, Notice, Select, useConfirm } from "../../_components/ui";
import { formatDate } from "@/lib/dates";
import { HydratedForm } from "../../_components/hydrated-form";
import { AssignModeChoice, CoachChoice, type AssignMode } from "./assign-coach-fields";

type Role = MemberRole;

export function AdminPanel({ orgSlug, viewerTimeZone }: { orgSlug: string; viewerTimeZone: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const members = useQuery(trpc.member.list.queryOptions({ orgSlug }));
  const cohorts = useQuery(trpc.cohort.list.queryOptions({ orgSlug }));
  const invitations = useQuery(trpc.invitation.list.queryOptions({ orgSlug }));
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.member.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.invitation.list.queryKey() }),
    ]);

  const coaches = (members.data ?? []).filter((m) => m.role !== "client");
  const clients = (members.data ?? []).filter((m) => m.role === "client");

  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="space-y-6 lg:col-span-2">
        <Card title="Members">
          {members.isPending ? (
            <p className="text-sm text-slate-500" aria-live="polite">Loading members…</p>
          ) : members.isError ? (
            <Notice tone="error">{members.error.message}</Notice>
          ) : (
            <MembersTable orgSlug={orgSlug} members={members.data} coaches={coaches} onChange={refresh} />
          )}
        </Card>
        <Card title="Assign clients to a coach">
          <BulkAssign orgSlug={orgSlug} clients={clients} coaches={coaches} onChange={refresh} />
        </Card>
      </div>
      <div className="space-y-6">
        <Card title="Invite someone">
          <InviteForm orgSlug={orgSlug} coaches={coaches} cohorts={cohorts.data ?? []} onInvited={refresh} />
        </Card>
        <Card title="Invitations">
          {invitations.isPending ? (
            <p className="text-sm text-slate-500">Loading invitations…</p>
          ) : (invitations.data ?? []).length === 0 ? (
            <EmptyState title="No invitations yet">Invite a coach or a client with the form above.</EmptyState>
          ) : (
            <InvitationList orgSlug={orgSlug} invitations={invitations.data ?? []} onChange={refresh} viewerTimeZone={viewerTimeZone} />
          )}
        </Card>
      </div>
    </div>
  );
}

type Member = { membershipId: string; name: string | null; email: string; role: Role; coachMembershipIds: string[] };

function MembersTable({ orgSlug, members, coaches, onChange }: { orgSlug: string; members: Member[]; coaches: Member[]; onChange: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const confirm = useConfirm();
  const changeRole = useMutation(trpc.member.changeRole.mutationOptions({ onSuccess: onChange }));
  const remove = useMutation(trpc.member.remove.mutationOptions({ onSuccess: onChange }));
  const unassign = useMutation(trpc.member.unassign.mutationOptions({ onSuccess: onChange }));
  const error = changeRole.error ?? remove.error ?? unassign.error;
  const coachName = (id: string) => {
    const coach = coaches.find((c) => c.membershipId === id);
    return coach ? (coach.name ?? coach.email) : "Unknown coach";
  };
  return (
    <div className="space-y-3">
      {error ? <Notice tone="error">{error.message}</Notice> : null}
      <ul className="divide-y divide-slate-100">
        {members.map((member) => (
          <li key={member.membershipId} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center">
            <div className="min-w-0 flex-1">
              <p className="truncate font-medium">{member.name ?? member.email}</p>
              <p className="truncate text-sm text-slate-500">{member.email}</p>
              {member.role === "client" ? (
                <p className="mt-1 flex flex-wrap gap-1 text-xs">
                  {member.coachMembershipIds.length === 0 ? <span className="text-amber-700">No coach assigned</span> : null}
                  {member.coachMembershipIds.map((coachId) => (
                    <span key={coachId} className="inline-flex items-center gap-1 rounded-full bg-slate-100 px-2 py-0.5">
                      {coachName(coachId)}
                      <button
                        type="button"
                        className="text-slate-600 hover:text-red-700"
                        aria-label={`Unassign ${member.name ?? member.email} from ${coachName(coachId)}`}
                        onClick={() => unassign.mutate({ orgSlug, coachMembershipId: coachId, clientMembershipId: member.membershipId })}
                      >
                        ×
                      </button>
                    </span>
                  ))}
                </p>
              ) : null}
            </div>
            <div className="flex items-center gap-2">
              <label className="sr-only" htmlFor={`role-${member.membershipId}`}>
                Role of {member.name ?? member.email}
              </label>
              <select
                id={`role-${member.membershipId}`}
                className="rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm"
                value={member.role}
                onChange={(event) => changeRole.mutate({ orgSlug, membershipId: member.membershipId, role: event.target.value as Role })}
              >
                {(Object.keys(ROLE_LABEL) as Role[]).map((role) => (
                  <option key={role} value={role}>
                    {ROLE_LABEL[role]}
                  </option>
                ))}
              </select>
              {member.role !== "client" ? (
                <Button
                  variant="danger"
                  type="button"
                  onClick={async () => {
                    const who = member.name ?? member.email;
                    if (await confirm({ title: `Remove ${who} from the organisation?`, description: "They lose access to this organisation at once.", confirmLabel: "Remove" })) {
                      remove.mutate({ orgSlug, membershipId: member.membershipId });
                    }
                  }}
                >
                  Remove
                </Button>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

function BulkAssign({ orgSlug, clients, coaches, onChange }: { orgSlug: string; clients: Member[]; coaches: Member[]; onChange: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const [selected, setSelected] = useState<string[]>([]);
  const [coachId, setCoachId] = useState("");
  const [mode, setMode] = useState<AssignMode>("add");
  const assign = useMutation(
    trpc.member.bulkAssign.mutationOptions({
      onSuccess: async () => {
        setSelected([]);
        await onChange();
      },
    }),
  );
  if (clients.length === 0) return <EmptyState title="No clients yet">Invite clients first; then assign them here.</EmptyState>;
  if (coaches.length === 0) return <EmptyState title="No coaches yet">Invite a coach first.</EmptyState>;
  const { message, fields } = fieldErrors(assign.error);
  return (
    <HydratedForm
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        assign.mutate({ orgSlug, coachMembershipId: coachId, target: { clientIds: selected }, mode });
      }}
    >
      <fieldset>
        <legend className="mb-2 text-sm font-medium">Clients</legend>
        <div className="grid gap-1 sm:grid-cols-2">
          {clients.map((client) => (
            <label key={client.membershipId} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={selected.includes(client.membershipId)}
                onChange={(event) =>
                  setSelected((current) =>
                    event.target.checked ? [...current, client.membershipId] : current.filter((id) => id !== client.membershipId),
                  )
                }
              />
              {client.name ?? client.email}
            </label>
          ))}
        </div>
      </fieldset>
      <CoachChoice label="Coach" coaches={coaches} value={coachId} onChange={setCoachId} error={fields.coachMembershipId} />
      <AssignModeChoice value={mode} onChange={setMode} />
      {message ? <Notice tone="error">{message}</Notice> : null}
      {assign.isSuccess ? (
        <Notice tone="success">
          Assigned: {assign.data.assigned} newly, {assign.data.alreadyAssigned} already
          {assign.data.unassignedFromOthers > 0 ? `, ${assign.data.unassignedFromOthers} handed over from other coaches` : ""}.
        </Notice>
      ) : null}
      <Button type="submit" disabled={!coachId || selected.length === 0 || assign.isPending}>
        Assign {selected.length || ""} selected
      </Button>
    </HydratedForm>
  );
}

function InviteForm({
  orgSlug,
  coaches,
  cohorts,
  onInvited,
}: {
  orgSlug: string;
  coaches: Member[];
  cohorts: Array<{ id: string; name: string }>;
  onInvited: () => Promise<unknown>;
}) {
  const trpc = useTRPC();
  const [role, setRole] = useState<Role>("client");
  const invite = useMutation(trpc.invitation.create.mutationOptions({ onSuccess: onInvited }));
  const { message, fields } = fieldErrors(invite.error);
  return (
    <HydratedForm
      className="space-y-3"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const coachMembershipId = String(form.get("coachMembershipId") ?? "");
        const cohortId = String(form.get("cohortId") ?? "");
        invite.mutate(
          {
            orgSlug,
            email: String(form.get("email") ?? ""),
            role,
            coachMembershipId: role === "client" && coachMembershipId ? coachMembershipId : undefined,
            cohortId: role === "client" && cohortId ? cohortId : undefined,
          },
          { onSuccess: () => (event.target as HTMLFormElement).reset() },
        );
      }}
    >
      <Field label="Email" name="email" type="email" required error={fields.email} />
      <Select label="Role" name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
        <option value="client">Client</option>
        <option value="coach">Coach</option>
        <option value="owner">Owner</option>
      </Select>
      {role === "client" && coaches.length > 0 ? (
        <Select label="Coach (optional)" name="coachMembershipId" error={fields.coachMembershipId} defaultValue="">
          <option value="">Assign later</option>
          {coaches.map((coach) => (
            <option key={coach.membershipId} value={coach.membershipId}>
              {coach.name ?? coach.email}
            </option>
          ))}
        </Select>
      ) : null}
      {role === "client" && cohorts.length > 0 ? (
        <Select label="Cohort (optional)" name="cohortId" error={fields.cohortId} defaultValue="">
          <option value="">None</option>
          {cohorts.map((cohort) => (
            <option key={cohort.id} value={cohort.id}>
              {cohort.name}
            </option>
          ))}
        </Select>
      ) : null}
      {message ? <Notice tone="error">{message}</Notice> : null}
      {invite.isSuccess ? <Notice tone="success">Invitation sent to {invite.data.email}.</Notice> : null}
      <Button type="submit" disabled={invite.isPending}>
        {invite.isPending ? "Sending…" : "Send invitation"}
      </Button>
    </HydratedForm>
  );
}

type Invitation = { id: string; email: string; role: Role; state: "pending" | "accepted" | "revoked" | "expired"; expiresAt: Date };

function InvitationList({
  orgSlug,
  invitations,
  onChange,
  viewerTimeZone,
}: {
  orgSlug: string;
  invitations: Invitation[];
  onChange: () => Promise<unknown>;
  viewerTimeZone: string;
}) {
  const trpc = useTRPC();
  const revoke = useMutation(trpc.invitation.revoke.mutationOptions({ onSuccess: onChange }));
  return (
    <ul className="divide-y divide-slate-100 text-sm">
      {invitations.map((invitation) => (
        <li key={invitation.id} className="flex items-center justify-between gap-2 py-2">
          <span className="min-w-0">
            <span className="block truncate font-medium">{invitation.email}</span>
            <span className="block text-xs text-slate-500">
              {ROLE_LABEL[invitation.role]} · {invitation.state}
              {invitation.state === "pending" ? ` · expires ${formatDate(invitation.expiresAt, viewerTimeZone)}` : ""}
            </span>
          </span>
          {invitation.state === "pending" ? (
            <Button variant="secondary" type="button" onClick={() => revoke.mutate({ orgSlug, invitationId: invitation.id })}>
              Revoke
            </Button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
