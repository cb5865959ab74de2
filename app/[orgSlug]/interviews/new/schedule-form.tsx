"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { INTERVIEW_KIND_LABEL, type InterviewKind } from "@/lib/vocabulary";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Controller, useFieldArray, useWatch, type UseFormReturn } from "react-hook-form";
import { z } from "zod";
import { ZClockTime, ZIsoDate, ZScheduleInterviewInput, ZTimeZone } from "@/server/services/interviews/schemas";
import { errorAt, Form, useServerErrors, useZodForm } from "../../../_components/form";
import { TimeZoneSelect } from "../../../_components/time-zone-select";
import { useTRPC } from "../../../_components/trpc";
import { Button, Card, Field, Notice, Select } from "../../../_components/ui";

/** Video first: the most common kind, and the default. */
const KINDS: InterviewKind[] = ["video", "phone", "onsite", "panel"];

const api = ZScheduleInterviewInput.shape;

/**
 * The schedule form asks for the length one way or the other (a duration or an end time) and
 * sends only the one chosen; every field is checked by the API's own field schema.
 */
const ZScheduleForm = z
  .object({
    date: ZIsoDate,
    startTime: ZClockTime,
    lengthBy: z.enum(["duration", "end"]),
    durationMinutes: z.number({ error: "Give the duration in minutes." }).int().min(5, "An interview lasts at least 5 minutes.").max(720, "An interview lasts at most 12 hours."),
    endTime: z.string(),
    timeZone: ZTimeZone,
    kind: api.kind,
    round: z.number({ error: "Give the round as a number." }).int().min(1, "Rounds start at 1.").max(20, "Use a round between 1 and 20."),
    location: api.location,
    interviewerIds: z.array(z.string()),
    newInterviewers: api.newInterviewers,
  })
  .superRefine((value, ctx) => {
    if (value.lengthBy === "end" && !ZClockTime.safeParse(value.endTime).success) {
      ctx.addIssue({ code: "custom", path: ["endTime"], message: "Enter a time like 14:30." });
    } else if (value.lengthBy === "end" && value.endTime <= value.startTime) {
      ctx.addIssue({ code: "custom", path: ["endTime"], message: "The interview must end after it starts." });
    }
  })
  .transform(({ lengthBy, durationMinutes, endTime, ...rest }) => ({ ...rest, ...(lengthBy === "duration" ? { durationMinutes } : { endTime }) }));

export function ScheduleForm({ orgSlug, applicationId, viewerTimeZone }: { orgSlug: string; applicationId: string; viewerTimeZone: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { data: options } = useSuspenseQuery(trpc.interview.scheduleOptions.queryOptions({ orgSlug, applicationId }));
  const form = useZodForm(ZScheduleForm, {
    defaultValues: {
      date: "",
      startTime: "",
      lengthBy: "duration",
      durationMinutes: 60,
      endTime: "",
      timeZone: viewerTimeZone,
      kind: "video",
      round: 1,
      location: "",
      interviewerIds: [],
      newInterviewers: [],
    },
  });
  const { errors } = form.formState;
  const people = useFieldArray({ control: form.control, name: "newInterviewers" });
  const [lengthBy, timeZone] = useWatch({ control: form.control, name: ["lengthBy", "timeZone"] });

  const schedule = useMutation(
    trpc.interview.schedule.mutationOptions({
      onSuccess: async (interview) => {
        await queryClient.invalidateQueries({ queryKey: trpc.interview.list.queryKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.application.byId.queryKey() });
        router.push(`/${orgSlug}/interviews/${interview.id}`);
      },
    }),
  );
  const message = useServerErrors(form, schedule.error);

  return (
    <Form form={form} onSubmit={(values) => schedule.mutate({ orgSlug, applicationId: options.application.id, ...values })} className="grid gap-4 lg:grid-cols-3">
      <div className="space-y-4 lg:col-span-2">
        <Card title="When">
          <div className="grid gap-3 sm:grid-cols-2">
            <Field label="Date" type="date" {...form.register("date")} error={errorAt(errors, "date")} required />
            <Field label="Start time" type="time" {...form.register("startTime")} error={errorAt(errors, "startTime")} required />
            <Controller
              control={form.control}
              name="timeZone"
              render={({ field }) => <TimeZoneSelect label="Time zone of the interview" name={field.name} value={field.value} onChange={field.onChange} error={errorAt(errors, "timeZone")} />}
            />
            <fieldset className="space-y-2">
              <legend className="mb-1 text-sm font-medium text-slate-800">Length</legend>
              <div className="flex gap-4 text-sm">
                <label className="flex items-center gap-2">
                  <input type="radio" value="duration" {...form.register("lengthBy")} />
                  Duration
                </label>
                <label className="flex items-center gap-2">
                  <input type="radio" value="end" {...form.register("lengthBy")} />
                  End time
                </label>
              </div>
              {lengthBy === "duration" ? (
                <Field label="Duration in minutes" type="number" min={5} max={720} step={5} {...form.register("durationMinutes", { valueAsNumber: true })} error={errorAt(errors, "durationMinutes")} />
              ) : (
                <Field label="End time" type="time" {...form.register("endTime")} error={errorAt(errors, "endTime") ?? errorAt(errors, "durationMinutes")} />
              )}
            </fieldset>
          </div>
          {timeZone !== viewerTimeZone ? (
            <p className="mt-3 text-sm text-slate-600">
              You are in {viewerTimeZone.replaceAll("_", " ")}; the interview page will show both clocks.
            </p>
          ) : null}
        </Card>

        <Card title="What and where">
          <div className="grid gap-3 sm:grid-cols-2">
            <Select label="Kind" {...form.register("kind")} error={errorAt(errors, "kind")}>
              {KINDS.map((value) => (
                <option key={value} value={value}>
                  {INTERVIEW_KIND_LABEL[value]}
                </option>
              ))}
            </Select>
            <Field label="Round" type="number" min={1} max={20} {...form.register("round", { valueAsNumber: true })} error={errorAt(errors, "round")} />
            <div className="sm:col-span-2">
              <Field label="Location or link" maxLength={500} {...form.register("location")} error={errorAt(errors, "location")} hint="An address, or the video link." />
            </div>
          </div>
        </Card>
      </div>

      <div className="space-y-4">
        <Card title="Interviewers">
          {options.contacts.length > 0 ? (
            <Controller
              control={form.control}
              name="interviewerIds"
              render={({ field }) => (
                <fieldset>
                  <legend className="mb-2 text-sm font-medium">People you know at {options.company.name}</legend>
                  <ul className="space-y-1">
                    {options.contacts.map((contact) => (
                      <li key={contact.id}>
                        <label className="flex items-start gap-2 text-sm">
                          <input
                            type="checkbox"
                            className="mt-1"
                            name={field.name}
                            checked={field.value.includes(contact.id)}
                            onChange={(e) => field.onChange(e.target.checked ? [...field.value, contact.id] : field.value.filter((id) => id !== contact.id))}
                            onBlur={field.onBlur}
                          />
                          <span>
                            {contact.name}
                            {contact.title ? <span className="block text-xs text-slate-500">{contact.title}</span> : null}
                          </span>
                        </label>
                      </li>
                    ))}
                  </ul>
                </fieldset>
              )}
            />
          ) : (
            <p className="text-sm text-slate-600">You have no contacts at {options.company.name} yet. Add the people you will meet below.</p>
          )}

          <div className="mt-4 space-y-3">
            {people.fields.map((person, index) => (
              <fieldset key={person.id} className="space-y-2 rounded-lg border border-slate-200 p-3">
                <legend className="px-1 text-sm font-medium">New interviewer {index + 1}</legend>
                <Field label="Name" maxLength={120} {...form.register(`newInterviewers.${index}.name`)} error={errorAt(errors, `newInterviewers.${index}.name`)} required />
                <Field label="Job title" maxLength={120} {...form.register(`newInterviewers.${index}.title`)} error={errorAt(errors, `newInterviewers.${index}.title`)} />
                <Field label="Email" type="email" maxLength={254} {...form.register(`newInterviewers.${index}.email`)} error={errorAt(errors, `newInterviewers.${index}.email`)} />
                <RemovePerson form={form} index={index} onRemove={() => people.remove(index)} />
              </fieldset>
            ))}
            {errorAt(errors, "newInterviewers") ? <Notice tone="error">{errorAt(errors, "newInterviewers")}</Notice> : null}
            <Button type="button" variant="secondary" onClick={() => people.append({ name: "", title: "", email: "" })}>
              Add a new interviewer
            </Button>
          </div>
        </Card>

        {message ? <Notice tone="error">{message}</Notice> : null}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={schedule.isPending}>
            {schedule.isPending ? "Scheduling…" : "Schedule interview"}
          </Button>
          <Link href={`/${orgSlug}/applications/${options.application.id}`} className="inline-flex min-h-10 items-center px-2 text-sm text-brand hover:underline">
            Back to the application
          </Link>
        </div>
      </div>
    </Form>
  );
}

/** The remove button names the person being typed, as it did before the form library. */
function RemovePerson({ form, index, onRemove }: { form: UseFormReturn<z.input<typeof ZScheduleForm>, unknown, z.output<typeof ZScheduleForm>>; index: number; onRemove: () => void }) {
  const name = useWatch({ control: form.control, name: `newInterviewers.${index}.name` });
  return (
    <Button type="button" variant="secondary" onClick={onRemove}>
      Remove {name || "this interviewer"}
    </Button>
  );
}
