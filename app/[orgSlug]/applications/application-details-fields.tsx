"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { z } from "zod";
import { ZCreateApplicationInput } from "@/server/services/applications/schemas";
import { EXCITEMENT_MAX, JOB_TYPE_LABEL, JOB_TYPES, WORKPLACE_LABEL, WORKPLACE_TYPES, type JobType, type WorkplaceType } from "@/server/services/applications/values";
import { checkedBy, errorAt, errorWithin } from "../../_components/form";
import { Field, Select, TextArea } from "../../_components/ui";

/**
 * The fields an application carries beyond company and role, as one block shared by the new
 * application form and the edit form: location, workplace, job type, salary range and currency,
 * deadline, excitement, tags, the days it was saved and applied, and the posting's text.
 */

const api = ZCreateApplicationInput.shape;
/** A choice whose empty option means "not known". */
const orNone = <T extends z.ZodType<string>>(schema: T) => schema.or(z.literal("")).transform((value) => (value === "" ? null : (value as z.output<T>)));
/** An amount typed with spaces or commas; a blank is none, anything else that is not a number is refused. */
const amount = z
  .string()
  .transform((value) => (value.trim() === "" ? null : Number(value.replace(/[\s,]/g, ""))))
  .pipe(api.salaryMin.unwrap());

/** The block's fields as the form holds them (text) and as the API takes them, checked by the API's own field schemas. */
export const ZApplicationDetailsForm = z.object({
  location: checkedBy(api.location.unwrap()),
  workplaceType: orNone(z.enum(WORKPLACE_TYPES, "Choose on-site, hybrid or remote.")),
  jobType: orNone(z.enum(JOB_TYPES, "Choose a job type from the list.")),
  salaryMin: amount,
  salaryMax: amount,
  salaryCurrency: checkedBy(api.salaryCurrency.unwrap()),
  deadlineOn: checkedBy(api.deadlineOn.unwrap()),
  excitement: z
    .string()
    .transform((value) => (value === "" ? null : Number(value)))
    .pipe(api.excitement.unwrap()),
  tags: z
    .string()
    .transform((value) =>
      value
        .split(",")
        .map((tag) => tag.trim())
        .filter(Boolean),
    )
    .pipe(api.tags.unwrap()),
  savedOn: checkedBy(api.savedOn.unwrap()),
  appliedOn: checkedBy(api.appliedOn.unwrap()),
  postingSnapshot: checkedBy(api.postingSnapshot.unwrap()),
});
export type DetailsForm = z.input<typeof ZApplicationDetailsForm>;

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
    workplaceType: application.workplaceType ?? "",
    jobType: application.jobType ?? "",
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

/** The block, inside a `Form` whose schema extends `ZApplicationDetailsForm`. */
export function ApplicationDetailsFields() {
  const { register, control, formState } = useFormContext<DetailsForm>();
  const { errors } = formState;
  const posting = useWatch({ control, name: "postingSnapshot" });
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Location (optional)" maxLength={200} {...register("location")} error={errorAt(errors, "location")} />
        <Select label="Workplace" {...register("workplaceType")} error={errorAt(errors, "workplaceType")}>
          <option value="">Not known</option>
          {WORKPLACE_TYPES.map((type) => (
            <option key={type} value={type}>
              {WORKPLACE_LABEL[type]}
            </option>
          ))}
        </Select>
        <Select label="Job type" {...register("jobType")} error={errorAt(errors, "jobType")}>
          <option value="">Not known</option>
          {JOB_TYPES.map((type) => (
            <option key={type} value={type}>
              {JOB_TYPE_LABEL[type]}
            </option>
          ))}
        </Select>
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Salary from" inputMode="numeric" {...register("salaryMin")} error={errorAt(errors, "salaryMin")} />
        <Field label="Salary to" inputMode="numeric" {...register("salaryMax")} error={errorAt(errors, "salaryMax")} />
        <Field label="Currency" maxLength={3} placeholder="USD" autoCapitalize="characters" {...register("salaryCurrency")} error={errorAt(errors, "salaryCurrency")} />
      </div>
      <div className="grid gap-4 sm:grid-cols-4">
        <Field label="Date saved" type="date" {...register("savedOn")} error={errorAt(errors, "savedOn")} />
        <Field label="Date applied" type="date" {...register("appliedOn")} error={errorAt(errors, "appliedOn")} />
        <Field label="Deadline" type="date" {...register("deadlineOn")} error={errorAt(errors, "deadlineOn")} />
        <Select label="Excitement" {...register("excitement")} error={errorAt(errors, "excitement")}>
          <option value="">Not rated</option>
          {Array.from({ length: EXCITEMENT_MAX }, (_, i) => i + 1).map((n) => (
            <option key={n} value={n}>
              {"★".repeat(n)} ({n} of {EXCITEMENT_MAX})
            </option>
          ))}
        </Select>
      </div>
      <Field label="Tags (optional)" placeholder="remote, dream job" {...register("tags")} error={errorWithin(errors, "tags")} hint="Separated by commas." />
      <details className="rounded-lg border border-slate-200 p-3" open={posting !== ""}>
        <summary className="cursor-pointer text-sm font-medium">The posting&rsquo;s text (kept in case it is taken down)</summary>
        <div className="mt-3">
          <TextArea label="Posting text" rows={8} maxLength={100_000} {...register("postingSnapshot")} error={errorAt(errors, "postingSnapshot")} />
        </div>
      </details>
    </>
  );
}
