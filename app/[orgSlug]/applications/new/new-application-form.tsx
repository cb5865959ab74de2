"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { APPLICATION_STATUS_LABEL } from "@/lib/vocabulary";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { z } from "zod";
import { ZCreateApplicationInput } from "@/server/services/applications/schemas";
import { APPLICATION_STATUSES } from "@/server/services/applications/status";
import type { CapturedPosting } from "@/server/services/capture/extract";
import { checkedBy, errorAt, Form, useServerErrors, useZodForm } from "../../../_components/form";
import { useTRPC } from "../../../_components/trpc";
import { Button, ButtonLink, Card, Field, Notice, Select, TextArea } from "../../../_components/ui";
import { ApplicationDetailsFields, EMPTY_DETAILS, ZApplicationDetailsForm } from "../application-details-fields";
import { CapturePanel } from "./capture-panel";

const api = ZCreateApplicationInput.shape;

/** The new application as the form holds it: the API's fields, the details block as text. */
const ZNewApplicationForm = ZApplicationDetailsForm.extend({
  companyName: api.companyName,
  roleTitle: api.roleTitle,
  jobUrl: checkedBy(api.jobUrl.unwrap()),
  source: checkedBy(api.source.unwrap()),
  status: api.status.unwrap(),
  notes: api.notes.unwrap(),
});
type FormValues = z.input<typeof ZNewApplicationForm>;

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
  const form = useZodForm(ZNewApplicationForm, {
    defaultValues: { companyName: "", roleTitle: "", jobUrl: initialUrl, source: "", status: "saved", notes: "", ...EMPTY_DETAILS },
  });
  const { errors } = form.formState;
  const [captured, setCaptured] = useState<CapturedPosting["foundIn"] | null>(null);
  const create = useMutation(
    trpc.application.create.mutationOptions({
      onSuccess: async (result) => {
        await Promise.all([queryClient.invalidateQueries(trpc.application.pathFilter()), queryClient.invalidateQueries(trpc.dashboard.pathFilter())]);
        router.push(`/${orgSlug}/applications/${result.id}`);
      },
    }),
  );
  const message = useServerErrors(form, create.error);

  /** A captured posting fills what it knows; what the person already typed stays. */
  function fill(posting: CapturedPosting) {
    const found: Partial<Record<keyof FormValues, string | number | null>> = {
      companyName: posting.companyName,
      roleTitle: posting.roleTitle,
      jobUrl: posting.jobUrl,
      source: siteName(posting.jobUrl),
      location: posting.location,
      workplaceType: posting.workplaceType,
      jobType: posting.jobType,
      salaryMin: posting.salaryMin,
      salaryMax: posting.salaryMax,
      salaryCurrency: posting.salaryCurrency,
      deadlineOn: posting.deadlineOn,
      postingSnapshot: posting.description,
    };
    for (const [name, value] of Object.entries(found) as Array<[keyof FormValues, string | number | null]>) {
      if (!form.getValues(name) && value !== null && value !== "") form.setValue(name, String(value), { shouldDirty: true });
    }
    setCaptured(posting.foundIn);
  }

  return (
    <div className="max-w-3xl space-y-6">
      <CapturePanel orgSlug={orgSlug} bookmarklet={bookmarklet} initialUrl={initialUrl} onCaptured={fill} />
      <Card>
        <Form form={form} onSubmit={(values) => create.mutate({ orgSlug, ...values })} className="space-y-4">
          {captured ? <Notice tone="success">Filled in from {FOUND_IN[captured]}. Check the details, then save.</Notice> : null}
          {message ? <Notice tone="error">{message}</Notice> : null}
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              label="Company"
              required
              maxLength={200}
              autoComplete="organization"
              {...form.register("companyName")}
              error={errorAt(errors, "companyName")}
              hint="If you already track this company, the new role joins it."
            />
            <Field label="Role" required maxLength={200} {...form.register("roleTitle")} error={errorAt(errors, "roleTitle")} />
          </div>
          <Field label="Job link (optional)" type="url" inputMode="url" maxLength={2000} placeholder="https://" {...form.register("jobUrl")} error={errorAt(errors, "jobUrl")} />
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Source (optional)" maxLength={200} placeholder="Referral, job board, recruiter…" {...form.register("source")} error={errorAt(errors, "source")} />
            <Select label="Status" {...form.register("status")} error={errorAt(errors, "status")}>
              {APPLICATION_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {APPLICATION_STATUS_LABEL[status]}
                </option>
              ))}
            </Select>
          </div>
          <ApplicationDetailsFields />
          <TextArea label="Notes (optional)" rows={4} maxLength={10_000} {...form.register("notes")} error={errorAt(errors, "notes")} />
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <ButtonLink href={`/${orgSlug}/applications`} variant="secondary">
              Cancel
            </ButtonLink>
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? "Saving…" : "Save application"}
            </Button>
          </div>
        </Form>
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
