"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { Controller, useWatch } from "react-hook-form";
import { ROLE_LABEL, type MemberRole } from "@/lib/vocabulary";
import { formatDate } from "@/lib/dates";
import { ZClientSelection } from "@/server/services/cohorts/schemas";
import { ZCreateInvitationInput } from "@/server/services/org/schemas";
import { emptyAsNone, errorAt, Form, useServerErrors, useZodForm } from "../../_components/form";
import { useTRPC } from "../../_components/trpc";
import { Button, Card, EmptyState, Field, Notice, Select, useConfirm } from "../../_components/ui";
import { AssignModeChoice, CoachChoice, ZAssignCoachFields } from "./assign-coach-fields";

type Role = MemberRole;

export function AdminPanel({ orgSlug, viewerTimeZone }: { orgSlug: string; viewerTimeZone: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: members } = useSuspenseQuery(trpc.member.list.queryOptions({ orgSlug }));
  const { data: cohorts } = useSuspenseQuery(trpc.cohort.list.queryOptions({ orgSlug }));
  const { data: invitations } = useSuspenseQuery(trpc.invitation.list.queryOptions({ orgSlug }));
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.member.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.invitation.list.queryKey() }),
    ]);

  const coaches = members.filter((m) => m.role !== "client");
  const clients = members.filter((m) => m.role === "client");

  return (
    // min-w-0: a grid column is otherwise as wide as its longest unbroken line (a long
    // invitation address, truncated on screen), which pushed a phone's page sideways.
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="min-w-0 space-y-6 lg:col-span-2">
        <Card title="Members">
          <MembersTable orgSlug={orgSlug} members={members} coaches={coaches} onChange={refresh} />
        </Card>
        <Card title="Assign clients to a coach">
          <BulkAssign orgSlug={orgSlug} clients={clients} coaches={coaches} onChange={refresh} />
        </Card>
      </div>
      <div className="min-w-0 space-y-6">
        <Card title="Invite someone">
          <InviteForm orgSlug={orgSlug} coaches={coaches} cohorts={cohorts} onInvited={refresh} />
        </Card>
        <Card title="Invitations">
          {invitations.length === 0 ? (
            <EmptyState title="No invitations yet">Invite a coach or a client with the form above.</EmptyState>
          ) : (
            <InvitationList orgSlug={orgSlug} invitations={invitations} onChange={refresh} viewerTimeZone={viewerTimeZone} />
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

/** The clients ticked in the list, with the coach and mode the API takes. */
const ZAssignChosen = ZAssignCoachFields.extend({ clientIds: ZClientSelection });

function BulkAssign({ orgSlug, clients, coaches, onChange }: { orgSlug: string; clients: Member[]; coaches: Member[]; onChange: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const form = useZodForm(ZAssignChosen, { defaultValues: { clientIds: [], coachMembershipId: "", mode: "add" } });
  const [selected, coachId] = useWatch({ control: form.control, name: ["clientIds", "coachMembershipId"] });
  const assign = useMutation(
    trpc.member.bulkAssign.mutationOptions({
      onSuccess: async () => {
        form.setValue("clientIds", []);
        await onChange();
      },
    }),
  );
  const message = useServerErrors(form, assign.error, { target: "clientIds", "target.clientIds": "clientIds" });
  if (clients.length === 0) return <EmptyState title="No clients yet">Invite clients first; then assign them here.</EmptyState>;
  if (coaches.length === 0) return <EmptyState title="No coaches yet">Invite a coach first.</EmptyState>;
  const { errors } = form.formState;
  return (
    <Form
      form={form}
      onSubmit={({ clientIds, ...assignment }) => assign.mutate({ orgSlug, ...assignment, target: { clientIds } })}
      className="space-y-3"
    >
      <fieldset>
        <legend className="mb-2 text-sm font-medium">Clients</legend>
        <Controller
          control={form.control}
          name="clientIds"
          render={({ field }) => (
            <div className="grid gap-1 sm:grid-cols-2">
              {clients.map((client) => (
                <label key={client.membershipId} className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    checked={field.value.includes(client.membershipId)}
                    onChange={(event) =>
                      field.onChange(event.target.checked ? [...field.value, client.membershipId] : field.value.filter((id) => id !== client.membershipId))
                    }
                  />
                  {client.name ?? client.email}
                </label>
              ))}
            </div>
          )}
        />
        {errorAt(errors, "clientIds") ? <p role="alert" className="mt-1 text-sm text-red-700">{errorAt(errors, "clientIds")}</p> : null}
      </fieldset>
      <CoachChoice label="Coach" coaches={coaches} {...form.register("coachMembershipId")} error={errorAt(errors, "coachMembershipId")} />
      <AssignModeChoice {...form.register("mode")} />
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
    </Form>
  );
}

/** The invitation as the form asks it: the optional coach and cohort are a select each. */
const ZInviteForm = ZCreateInvitationInput.extend({
  coachMembershipId: emptyAsNone(ZCreateInvitationInput.shape.coachMembershipId.unwrap()),
  cohortId: emptyAsNone(ZCreateInvitationInput.shape.cohortId.unwrap()),
});

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
  const form = useZodForm(ZInviteForm, { defaultValues: { email: "", role: "client", coachMembershipId: "", cohortId: "" } });
  const role = useWatch({ control: form.control, name: "role" });
  const invite = useMutation(trpc.invitation.create.mutationOptions({ onSuccess: onInvited }));
  const message = useServerErrors(form, invite.error);
  const { errors } = form.formState;
  return (
    <Form
      form={form}
      className="space-y-3"
      onSubmit={({ coachMembershipId, cohortId, ...invitation }) => {
        // Only a client has a coach and a cohort.
        const forClient = invitation.role === "client" ? { coachMembershipId, cohortId } : {};
        invite.mutate(
          { orgSlug, ...invitation, ...forClient },
          // Ready for the next person, in the same role.
          { onSuccess: () => form.reset({ email: "", role: invitation.role, coachMembershipId: "", cohortId: "" }) },
        );
      }}
    >
      <Field label="Email" type="email" required {...form.register("email")} error={errorAt(errors, "email")} />
      <Select label="Role" {...form.register("role")} error={errorAt(errors, "role")}>
        <option value="client">Client</option>
        <option value="coach">Coach</option>
        <option value="owner">Owner</option>
      </Select>
      {role === "client" && coaches.length > 0 ? (
        <Select label="Coach (optional)" {...form.register("coachMembershipId")} error={errorAt(errors, "coachMembershipId")}>
          <option value="">Assign later</option>
          {coaches.map((coach) => (
            <option key={coach.membershipId} value={coach.membershipId}>
              {coach.name ?? coach.email}
            </option>
          ))}
        </Select>
      ) : null}
      {role === "client" && cohorts.length > 0 ? (
        <Select label="Cohort (optional)" {...form.register("cohortId")} error={errorAt(errors, "cohortId")}>
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
    </Form>
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
