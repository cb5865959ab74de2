"use client";

import { EXCITEMENT_MAX, JOB_TYPE_LABEL, JOB_TYPES, WORKPLACE_LABEL, WORKPLACE_TYPES, type JobType, type WorkplaceType } from "@/server/services/applications/values";
import { Field, Select, TextArea } from "../../_components/ui";

/**
 * The fields an application carries beyond company and role, as one block shared by the new
 * application form and the edit form: location, workplace, job type, salary range and currency,
 * deadline, excitement, tags, the days it was saved and applied, and the posting's text.
 */

export type DetailsForm = {
  location: string;
  workplaceType: string;
  jobType: string;
  salaryMin: string;
  salaryMax: string;
  salaryCurrency: string;
  deadlineOn: string;
  excitement: string;
  tags: string;
  savedOn: string;
  appliedOn: string;
  postingSnapshot: string;
};

export const EMPTY_DETAILS: DetailsForm = {
  location: "",
  workplaceType: "",
  jobType: "",
  salaryMin: "",
  salaryMax: "",
  salaryCurrency: "",
  deadlineOn: "",
  excitement: "",
  tags: "",
  savedOn: "",
  appliedOn: "",
  postingSnapshot: "",
};

/** What the form holds for an application as the API returns it. */
export function detailsOf(application: {
  location: string | null;
  workplaceType: WorkplaceType | null;
  jobType: JobType | null;
  salaryMin: number | null;
  salaryMax: number | null;
  salaryCurrency: string | null;
  deadlineOn: string | null;
  excitement: number | null;
  tags: string[];
  savedOn: string | null;
  appliedOn: string | null;
  postingSnapshot: string | null;
}): DetailsForm {
  const text = (value: string | number | null) => (value === null ? "" : String(value));
  return {
    location: text(application.location),
    workplaceType: text(application.workplaceType),
    jobType: text(application.jobType),
    salaryMin: text(application.salaryMin),
    salaryMax: text(application.salaryMax),
    salaryCurrency: text(application.salaryCurrency),
    deadlineOn: text(application.deadlineOn),
    excitement: text(application.excitement),
    tags: application.tags.join(", "),
    savedOn: text(application.savedOn),
    appliedOn: text(application.appliedOn),
    postingSnapshot: text(application.postingSnapshot),
  };
}

/** The form's text as the API's input; a number field that is not a number is sent as NaN for the server to refuse. */
export function detailsInput(form: DetailsForm) {
  const amount = (value: string) => (value.trim() === "" ? null : Number(value.replace(/[\s,]/g, "")));
  return {
    location: form.location,
    workplaceType: (form.workplaceType || null) as WorkplaceType | null,
    jobType: (form.jobType || null) as JobType | null,
    salaryMin: amount(form.salaryMin),
    salaryMax: amount(form.salaryMax),
    salaryCurrency: form.salaryCurrency,
    deadlineOn: form.deadlineOn,
    excitement: form.excitement ? Number(form.excitement) : null,
    tags: form.tags
      .split(",")
      .map((tag) => tag.trim())
      .filter(Boolean),
    savedOn: form.savedOn,
    appliedOn: form.appliedOn,
    postingSnapshot: form.postingSnapshot,
  };
}

type Props = {
  form: DetailsForm;
  set: (key: keyof DetailsForm) => (event: { target: { value: string } }) => void;
  errors: Record<string, string>;
};

export function ApplicationDetailsFields({ form, set, errors }: Props) {
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Location (optional)" name="location" maxLength={200} value={form.location} onChange={set("location")} error={errors.location} />
        <Select label="Workplace" name="workplaceType" value={form.workplaceType} onChange={set("workplaceType")} error={errors.workplaceType}>
          <option value="">Not known</option>
          {WORKPLACE_TYPES.map((type) => (
            <option key={type} value={type}>
              {WORKPLACE_LABEL[type]}
            </option>
          ))}
        </Select>
        <Select label="Job type" name="jobType" value={form.jobType} onChange={set("jobType")} error={errors.jobType}>
          <option value="">Not known</option>
          {JOB_TYPES.map((type) => (
            <option key={type} value={type}>
              {JOB_TYPE_LABEL[type]}
            </option>
          ))}
        </Select>
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Salary from" name="salaryMin" inputMode="numeric" value={form.salaryMin} onChange={set("salaryMin")} error={errors.salaryMin} />
        <Field label="Salary to" name="salaryMax" inputMode="numeric" value={form.salaryMax} onChange={set("salaryMax")} error={errors.salaryMax} />
        <Field label="Currency" name="salaryCurrency" maxLength={3} placeholder="USD" autoCapitalize="characters" value={form.salaryCurrency} onChange={set("salaryCurrency")} error={errors.salaryCurrency} />
      </div>
      <div className="grid gap-4 sm:grid-cols-4">
        <Field label="Date saved" name="savedOn" type="date" value={form.savedOn} onChange={set("savedOn")} error={errors.savedOn} />
        <Field label="Date applied" name="appliedOn" type="date" value={form.appliedOn} onChange={set("appliedOn")} error={errors.appliedOn} />
        <Field label="Deadline" name="deadlineOn" type="date" value={form.deadlineOn} onChange={set("deadlineOn")} error={errors.deadlineOn} />
        <Select label="Excitement" name="excitement" value={form.excitement} onChange={set("excitement")} error={errors.excitement}>
          <option value="">Not rated</option>
          {Array.from({ length: EXCITEMENT_MAX }, (_, i) => i + 1).map((n) => (
            <option key={n} value={n}>
              {"★".repeat(n)} ({n} of {EXCITEMENT_MAX})
            </option>
          ))}
        </Select>
      </div>
      <Field label="Tags (optional)" name="tags" placeholder="remote, dream job" value={form.tags} onChange={set("tags")} error={errors.tags} hint="Separated by commas." />
      <details className="rounded-lg border border-slate-200 p-3" open={form.postingSnapshot !== ""}>
        <summary className="cursor-pointer text-sm font-medium">The posting&rsquo;s text (kept in case it is taken down)</summary>
        <div className="mt-3">
          <TextArea label="Posting text" name="postingSnapshot" rows={8} maxLength={100_000} value={form.postingSnapshot} onChange={set("postingSnapshot")} error={errors.postingSnapshot} />
        </div>
      </details>
    </>
  );
}
