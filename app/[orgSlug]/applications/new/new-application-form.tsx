"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { APPLICATION_STATUS_LABEL } from "@/lib/vocabulary";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { APPLICATION_STATUSES, type ApplicationStatus } from "@/server/services/applications/status";
import type { CapturedPosting } from "@/server/services/capture/extract";
import { fieldErrors, useTRPC } from "../../../_components/trpc";
import { Button, ButtonLink, Card, Field, Notice, Select, TextArea } from "../../../_components/ui";
import { ApplicationDetailsFields, detailsInput, EMPTY_DETAILS, type DetailsForm } from "../application-details-fields";
import { CapturePanel } from "./capture-panel";
import { HydratedForm } from "../../../_components/hydrated-form";

type MainForm = { companyName: string; roleTitle: string; jobUrl: string; source: string; status: ApplicationStatus; notes: string };

const FOUND_IN: Record<CapturedPosting["foundIn"], string> = {
  "json-ld": "the posting's structured data",
  microdata: "the posting's structured data",
  "open-graph": "the page's title and summary (check the company and role)",
  text: "the text you pasted (check every field)",
};

export function NewApplicationForm({ orgSlug, bookmarklet, initialUrl }: { orgSlug: string; bookmarklet: boolean; initialUrl: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<MainForm>({ companyName: "", roleTitle: "", jobUrl: initialUrl, source: "", status: "saved", notes: "" });
  const [details, setDetails] = useState<DetailsForm>(EMPTY_DETAILS);
  const [captured, setCaptured] = useState<CapturedPosting["foundIn"] | null>(null);
  const create = useMutation(
    trpc.application.create.mutationOptions({
      onSuccess: async (result) => {
        await Promise.all([queryClient.invalidateQueries(trpc.application.pathFilter()), queryClient.invalidateQueries(trpc.dashboard.pathFilter())]);
        router.push(`/${orgSlug}/applications/${result.id}`);
      },
    }),
  );
  const { message, fields } = fieldErrors(create.error);
  const set = (key: keyof MainForm) => (event: { target: { value: string } }) => setForm((current) => ({ ...current, [key]: event.target.value }));
  const setDetail = (key: keyof DetailsForm) => (event: { target: { value: string } }) => setDetails((current) => ({ ...current, [key]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ orgSlug, ...form, ...detailsInput(details) });
  };

  /** A captured posting fills what it knows; what the person already typed stays. */
  function fill(posting: CapturedPosting) {
    const keep = (current: string, found: string | number | null) => current || (found === null ? "" : String(found));
    setForm((current) => ({
      ...current,
      companyName: keep(current.companyName, posting.companyName),
      roleTitle: keep(current.roleTitle, posting.roleTitle),
      jobUrl: keep(current.jobUrl, posting.jobUrl),
      source: keep(current.source, siteName(posting.jobUrl)),
    }));
    setDetails((current) => ({
      ...current,
      location: keep(current.location, posting.location),
      workplaceType: keep(current.workplaceType, posting.workplaceType),
      jobType: keep(current.jobType, posting.jobType),
      salaryMin: keep(current.salaryMin, posting.salaryMin),
      salaryMax: keep(current.salaryMax, posting.salaryMax),
      salaryCurrency: keep(current.salaryCurrency, posting.salaryCurrency),
      deadlineOn: keep(current.deadlineOn, posting.deadlineOn),
      postingSnapshot: keep(current.postingSnapshot, posting.description),
    }));
    setCaptured(posting.foundIn);
  }

  return (
    <div className="max-w-3xl space-y-6">
      <CapturePanel orgSlug={orgSlug} bookmarklet={bookmarklet} initialUrl={initialUrl} onCaptured={fill} />
      <Card>
        <HydratedForm onSubmit={submit} className="space-y-4" noValidate>
          {captured ? <Notice tone="success">Filled in from {FOUND_IN[captured]}. Check the details, then save.</Notice> : null}
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
          <Field label="Job link (optional)" name="jobUrl" type="url" inputMode="url" maxLength={2000} placeholder="https://" value={form.jobUrl} onChange={set("jobUrl")} error={fields.jobUrl} />
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Source (optional)" name="source" maxLength={200} placeholder="Referral, job board, recruiter…" value={form.source} onChange={set("source")} error={fields.source} />
            <Select label="Status" name="status" value={form.status} onChange={set("status")} error={fields.status}>
              {APPLICATION_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {APPLICATION_STATUS_LABEL[status]}
                </option>
              ))}
            </Select>
          </div>
          <ApplicationDetailsFields form={details} set={setDetail} errors={fields} />
          <TextArea label="Notes (optional)" name="notes" rows={4} maxLength={10_000} value={form.notes} onChange={set("notes")} error={fields.notes} />
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
    </div>
  );
}

/** "boards.greenhouse.io" → "greenhouse.io": where the posting was found, as the source. */
function siteName(url: string): string {
  if (!url || !URL.canParse(url)) return "";
  const host = new URL(url).hostname.replace(/^www\./, "");
  if (/(^|\.)linkedin\.com$/.test(host)) return "LinkedIn";
  if (/(^|\.)indeed\./.test(host)) return "Indeed";
  return host.split(".").slice(-2).join(".");
}
