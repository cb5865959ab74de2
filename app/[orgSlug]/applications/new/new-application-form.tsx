"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { APPLICATION_STATUSES, STATUS_LABEL, type ApplicationStatus } from "@/server/services/applications/status";
import { fieldErrors, useTRPC } from "../../../_components/trpc";
import { Button, ButtonLink, Card, Field, Notice, Select } from "../../../_components/ui";
import { HydratedForm } from "../../../_components/hydrated-form";

export function NewApplicationForm({ orgSlug }: { orgSlug: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ companyName: "", roleTitle: "", jobUrl: "", source: "", status: "saved" as ApplicationStatus, notes: "" });
  const create = useMutation(
    trpc.application.create.mutationOptions({
      onSuccess: async (result) => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.application.board.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.application.list.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.dashboard.client.queryKey() }),
        ]);
        router.push(`/${orgSlug}/applications/${result.id}`);
      },
    }),
  );
  const { message, fields } = fieldErrors(create.error);
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) => setForm((current) => ({ ...current, [key]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ orgSlug, ...form });
  };

  return (
    <Card className="max-w-2xl">
      <HydratedForm onSubmit={submit} className="space-y-4" noValidate>
        {message ? <Notice tone="error">{message}</Notice> : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label="Company"
            name="companyName"
            required
            maxLength={200}
            autoComplete="organization"
            value={form.companyName}
            onChange={set("companyName")}
            error={fields.companyName}
            hint="If you already track this company, the new role joins it."
          />
          <Field label="Role" name="roleTitle" required maxLength={200} value={form.roleTitle} onChange={set("roleTitle")} error={fields.roleTitle} />
        </div>
        <Field
          label="Job link (optional)"
          name="jobUrl"
          type="url"
          inputMode="url"
          maxLength={2000}
          placeholder="https://"
          value={form.jobUrl}
          onChange={set("jobUrl")}
          error={fields.jobUrl}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label="Source (optional)"
            name="source"
            maxLength={200}
            placeholder="Referral, job board, recruiter…"
            value={form.source}
            onChange={set("source")}
            error={fields.source}
          />
          <Select label="Status" name="status" value={form.status} onChange={set("status")} error={fields.status}>
            {APPLICATION_STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABEL[status]}
              </option>
            ))}
          </Select>
        </div>
        <label className="block">
          <span className="mb-1 block text-sm font-medium text-slate-800">Notes (optional)</span>
          <textarea
            name="notes"
            rows={4}
            maxLength={10_000}
            value={form.notes}
            onChange={set("notes")}
            aria-invalid={fields.notes ? true : undefined}
            className={`block w-full rounded-lg border px-3 py-2 text-sm shadow-sm ${fields.notes ? "border-red-500" : "border-slate-300"}`}
          />
          {fields.notes ? <span role="alert" className="mt-1 block text-sm text-red-700">{fields.notes}</span> : null}
        </label>
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <ButtonLink href={`/${orgSlug}/applications`} variant="secondary">
            Cancel
          </ButtonLink>
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? "Saving…" : "Save application"}
          </Button>
        </div>
      </HydratedForm>
    </Card>
  );
}
