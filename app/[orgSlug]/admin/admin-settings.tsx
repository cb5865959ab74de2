"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import { formatDateTime } from "@/lib/dates";
import { ZDeleteClientInput } from "@/server/services/clients/schemas";
import { ZUpdateBrandingInput, ZUpdatePolicyInput } from "@/server/services/settings/schemas";
import type { AppRouterOutputs } from "@/server/trpc/types";
import { AUDIT_PAGE_SIZE, auditChangeLines } from "./audit-changes";
import { errorAt, Form, useServerErrors, useZodForm } from "../../_components/form";
import { useTRPC } from "../../_components/trpc";
import { Button, Card, EmptyState, Field, Notice, useToast } from "../../_components/ui";

type Settings = AppRouterOutputs["settings"]["get"];
type PolicyKey = Exclude<keyof Settings["policy"], "aiRewriting">;

const POLICY_FIELDS: Array<{ key: PolicyKey; label: string; hint: string; type: "time" | "number" }> = [
  { key: "prepareLocalTime", label: "Prepare reminder time", hint: "Local time on the day before an interview", type: "time" },
  { key: "debriefDelayMinutes", label: "Debrief reminder delay (minutes)", hint: "After an interview ends", type: "number" },
  { key: "thankYouWindowHours", label: "Thank-you window (hours)", hint: "After an interview ends", type: "number" },
  { key: "commitmentLeadHours", label: "Promise reminder lead (hours)", hint: "Before a promise is due", type: "number" },
  { key: "checkInDefaultDays", label: "Default check-in delay (days)", hint: "When the employer named no date", type: "number" },
  { key: "reconnectAfterDays", label: "Reconnect after a rejection (days)", hint: "Suggest getting back in touch", type: "number" },
  { key: "quietHoursStart", label: "Quiet hours start", hint: "No reminders from this local time", type: "time" },
  { key: "quietHoursEnd", label: "Quiet hours end", hint: "Reminders resume at this local time", type: "time" },
  { key: "goneQuietDays", label: "Gone quiet after (days)", hint: "Flag clients with no activity", type: "number" },
];

/** Owner sections of the admin page: policy, branding, archive/delete clients, and the audit log. */
export function AdminSettings({ orgSlug, viewerTimeZone }: { orgSlug: string; viewerTimeZone: string }) {
  const trpc = useTRPC();
  const { data: settings } = useSuspenseQuery(trpc.settings.get.queryOptions({ orgSlug }));
  return (
    <div className="mt-6 grid gap-6 lg:grid-cols-2">
      <Card title="Follow-up policy">
        <PolicyForm orgSlug={orgSlug} policy={settings.policy} />
      </Card>
      <Card title="Branding">
        <BrandingForm orgSlug={orgSlug} current={settings} />
      </Card>
      <Card title="Archive or delete a client">
        <ClientLifecycle orgSlug={orgSlug} />
      </Card>
      <Card title="Audit log">
        <AuditLog orgSlug={orgSlug} viewerTimeZone={viewerTimeZone} />
      </Card>
    </div>
  );
}

/** After a settings change: the settings and the audit log that now records it. */
function useRefreshSettings() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.settings.get.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.audit.list.queryKey() }),
    ]);
}

function PolicyForm({ orgSlug, policy }: { orgSlug: string; policy: Settings["policy"] }) {
  const trpc = useTRPC();
  const refresh = useRefreshSettings();
  const toast = useToast();
  const form = useZodForm(ZUpdatePolicyInput, { defaultValues: policy });
  const update = useMutation(
    trpc.settings.updatePolicy.mutationOptions({
      onSuccess: async () => {
        toast("Policy saved. New reminders follow it from now on.");
        await refresh();
      },
    }),
  );
  // A whole-policy check (the prepare time inside quiet hours) names its field; the form shows it there.
  const message = useServerErrors(form, update.error);
  const { errors } = form.formState;
  return (
    <Form form={form} onSubmit={(values) => update.mutate({ orgSlug, ...values })} className="grid gap-3 sm:grid-cols-2">
      {POLICY_FIELDS.map((field) => (
        <Field
          key={field.key}
          label={field.label}
          type={field.type}
          hint={field.hint}
          error={errorAt(errors, field.key)}
          // An empty or malformed number is NaN, which the schema explains next to the field.
          {...form.register(field.key, field.type === "number" ? { valueAsNumber: true } : {})}
          {...(field.type === "number" ? { inputMode: "numeric" as const, step: 1 } : {})}
        />
      ))}
      <label className="flex items-start gap-2 text-sm sm:col-span-2">
        <input type="checkbox" {...form.register("aiRewriting")} className="mt-1" />
        <span>
          Let clients rewrite drafts with AI
          <span className="block text-xs text-slate-500">Only where the server has a model configured; the model sees the facts of one interview and the draft.</span>
        </span>
      </label>
      <div className="sm:col-span-2 space-y-2">
        {message ? <Notice tone="error">{message}</Notice> : null}
        <Button type="submit" disabled={update.isPending}>{update.isPending ? "Saving…" : "Save policy"}</Button>
      </div>
    </Form>
  );
}

function BrandingForm({ orgSlug, current }: { orgSlug: string; current: Pick<Settings, "name" | "brandColor" | "logoUrl"> }) {
  const trpc = useTRPC();
  const refresh = useRefreshSettings();
  const toast = useToast();
  const form = useZodForm(ZUpdateBrandingInput, { defaultValues: { name: current.name, brandColor: current.brandColor, logoUrl: current.logoUrl ?? "" } });
  const colour = useWatch({ control: form.control, name: "brandColor" });
  const update = useMutation(
    trpc.settings.updateBranding.mutationOptions({
      onSuccess: async () => {
        toast("Branding saved.");
        await refresh();
      },
    }),
  );
  const message = useServerErrors(form, update.error);
  const { errors } = form.formState;
  return (
    <Form form={form} onSubmit={(values) => update.mutate({ orgSlug, ...values })} className="space-y-3">
      <Field label="Practice name" maxLength={120} {...form.register("name")} error={errorAt(errors, "name")} />
      <div className="flex items-end gap-3">
        <div className="flex-1">
          <Field label="Brand colour" {...form.register("brandColor")} error={errorAt(errors, "brandColor")} hint="Like #0f766e; used in emails" />
        </div>
        <input
          type="color"
          aria-label="Pick the brand colour"
          value={/^#[0-9a-f]{6}$/i.test(colour) ? colour : "#000000"}
          onChange={(e) => form.setValue("brandColor", e.target.value, { shouldDirty: true })}
          className="mb-6 h-10 w-12 rounded border border-slate-300"
        />
      </div>
      <Field label="Logo address (https)" type="url" {...form.register("logoUrl")} error={errorAt(errors, "logoUrl")} hint="Leave empty for no logo" />
      {message ? <Notice tone="error">{message}</Notice> : null}
      <Button type="submit" disabled={update.isPending}>{update.isPending ? "Saving…" : "Save branding"}</Button>
    </Form>
  );
}

function ClientLifecycle({ orgSlug }: { orgSlug: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: members } = useSuspenseQuery(trpc.member.list.queryOptions({ orgSlug }));
  const [deleting, setDeleting] = useState<{ id: string; email: string } | null>(null);
  const refresh = () => Promise.all([
    queryClient.invalidateQueries({ queryKey: trpc.member.list.queryKey() }),
    queryClient.invalidateQueries({ queryKey: trpc.audit.list.queryKey() }),
    queryClient.invalidateQueries({ queryKey: trpc.coach.overview.queryKey() }),
  ]);
  const archive = useMutation(trpc.client.archive.mutationOptions({ onSuccess: refresh }));
  const unarchive = useMutation(trpc.client.unarchive.mutationOptions({ onSuccess: refresh }));
  const clients = members.filter((m) => m.role === "client");
  if (clients.length === 0) return <EmptyState title="No clients yet">Invite clients first.</EmptyState>;
  const error = archive.error ?? unarchive.error;
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">
        Archive a client who found a job: their records stay, read-only, out of the active views. Delete only when the client asks for their
        data to be removed; it cannot be undone.
      </p>
      {error ? <Notice tone="error">{error.message}</Notice> : null}
      <ul className="divide-y divide-slate-100 text-sm">
        {clients.map((c) => (
          <li key={c.membershipId} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <span className="min-w-0">
              <span className="block truncate font-medium">{c.name ?? c.email}</span>
              <span className="block text-xs text-slate-500">{c.email} · {c.status === "archived" ? "archived" : "active"}</span>
            </span>
            <span className="flex gap-2">
              {c.status === "archived" ? (
                <Button variant="secondary" type="button" onClick={() => unarchive.mutate({ orgSlug, clientId: c.membershipId })}>Restore</Button>
              ) : (
                <Button variant="secondary" type="button" onClick={() => archive.mutate({ orgSlug, clientId: c.membershipId })}>Archive</Button>
              )}
              <Button variant="danger" type="button" onClick={() => setDeleting({ id: c.membershipId, email: c.email })}>Delete…</Button>
            </span>
          </li>
        ))}
      </ul>
      {deleting ? <DeleteClientForm key={deleting.id} orgSlug={orgSlug} client={deleting} onClose={() => setDeleting(null)} onDeleted={refresh} /> : null}
    </div>
  );
}

const ZDeleteConfirmation = ZDeleteClientInput.pick({ confirmation: true });

function DeleteClientForm({ orgSlug, client, onClose, onDeleted }: { orgSlug: string; client: { id: string; email: string }; onClose: () => void; onDeleted: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const form = useZodForm(ZDeleteConfirmation, { defaultValues: { confirmation: "" } });
  const remove = useMutation(trpc.client.delete.mutationOptions({ onSuccess: async () => { onClose(); await onDeleted(); } }));
  const message = useServerErrors(form, remove.error);
  return (
    <Form
      form={form}
      onSubmit={(values) => remove.mutate({ orgSlug, clientId: client.id, ...values })}
      className="space-y-3 rounded-lg border border-red-200 bg-red-50 p-3"
      aria-label={`Delete ${client.email}`}
    >
      <p className="text-sm text-red-900">
        This deletes every application, interview, contact, draft, reminder and note of <strong>{client.email}</strong> in this practice. Type
        their email address to confirm.
      </p>
      <Field label="Client's email address" autoComplete="off" {...form.register("confirmation")} error={errorAt(form.formState.errors, "confirmation")} autoFocus />
      {message ? <Notice tone="error">{message}</Notice> : null}
      <div className="flex gap-2">
        <Button variant="danger" type="submit" disabled={remove.isPending}>{remove.isPending ? "Deleting…" : "Delete this client's data"}</Button>
        <Button variant="secondary" type="button" onClick={onClose}>Cancel</Button>
      </div>
    </Form>
  );
}

const ACTION_LABEL: Record<string, string> = {
  "member.role_changed": "Changed a role", "member.removed": "Removed a member", "assignment.added": "Assigned a client",
  "assignment.removed": "Unassigned a client", "invitation.created": "Invited someone", "invitation.revoked": "Revoked an invitation",
  "invitation.accepted": "Accepted an invitation", "organization.created": "Created the practice", "policy.updated": "Changed the follow-up policy",
  "branding.updated": "Changed the branding", "client.archived": "Archived a client", "client.unarchived": "Restored a client", "client.deleted": "Deleted a client's data",
  "assignment.bulk": "Assigned clients in bulk", "onboarding.imported": "Invited clients from a roster", "cohort.created": "Created a cohort",
  "cohort.renamed": "Renamed a cohort", "cohort.archived": "Archived a cohort", "cohort.unarchived": "Restored a cohort",
  "cohort.clients_added": "Added clients to a cohort", "cohort.clients_removed": "Removed clients from a cohort",
};

function AuditLog({ orgSlug, viewerTimeZone }: { orgSlug: string; viewerTimeZone: string }) {
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  // The first page arrives with the page; another page keeps the one on screen until it comes.
  const audit = useQuery({ ...trpc.audit.list.queryOptions({ orgSlug, page, pageSize: AUDIT_PAGE_SIZE }), placeholderData: keepPreviousData });
  if (audit.isPending) return <p className="text-sm text-slate-500">Loading the audit log…</p>;
  if (audit.isError) return <Notice tone="error">{audit.error.message}</Notice>;
  const pages = Math.max(1, Math.ceil(audit.data.total / AUDIT_PAGE_SIZE));
  if (audit.data.entries.length === 0) return <EmptyState title="Nothing recorded yet">Role changes, assignments, policy edits and deletions show here.</EmptyState>;
  return (
    <div>
      <ol className="divide-y divide-slate-100 text-sm">
        {audit.data.entries.map((entry) => (
          <li key={entry.id} className="py-2">
            <p className="font-medium">{ACTION_LABEL[entry.action] ?? entry.action}</p>
            {auditChangeLines(entry.data).length ? (
              <ul className="mt-0.5 text-xs text-slate-700">
                {auditChangeLines(entry.data).map((line) => (
                  <li key={line} className="break-words">{line}</li>
                ))}
              </ul>
            ) : null}
            <p className="text-xs text-slate-500">
              {entry.actorName ?? entry.actorEmail ?? "Someone who has since left"} · {formatDateTime(entry.createdAt, viewerTimeZone)}
            </p>
          </li>
        ))}
      </ol>
      <nav className="mt-3 flex items-center justify-between text-sm" aria-label="Pages of the audit log">
        <span aria-live="polite">Page {page} of {pages}{audit.isPlaceholderData ? " · loading…" : ""}</span>
        <span className="flex gap-2">
          <Button variant="secondary" type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>Newer</Button>
          <Button variant="secondary" type="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>Older</Button>
        </span>
      </nav>
    </div>
  );
}
