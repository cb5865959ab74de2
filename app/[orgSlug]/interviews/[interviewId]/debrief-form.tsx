"use client";

import { useMutation } from "@tanstack/react-query";
import { DRAFT_KIND_LABEL } from "@/lib/vocabulary";
import Link from "next/link";
import { useId, useMemo, useState } from "react";
import { Controller, useFieldArray, useWatch } from "react-hook-form";
import { z } from "zod";
import { ZContactChannel, ZDebriefInterviewInput, ZIsoDate } from "@/server/services/interviews/schemas";
import { errorAt, errorWithin, Form, useServerErrors, useZodForm } from "../../../_components/form";
import { useTRPC } from "../../../_components/trpc";
import { Button, Field, Notice, Select, TextArea } from "../../../_components/ui";
import { instantAt, wallClock } from "../../../_components/zoned";
import type { InterviewDetail } from "./interview-view";
import { useInterviewRefresh } from "./refresh";

const CHANNELS = [
  ["email", "Email"],
  ["phone", "Phone"],
  ["linkedin", "LinkedIn"],
  ["via_recruiter", "Through the recruiter"],
  ["other", "Another way"],
] as const;

/** Promises are due at the end of the working day, in the viewer's zone. */
const PROMISE_DUE_TIME = "17:00";

const api = ZDebriefInterviewInput.shape;
const apiPromise = api.promises.unwrap().element.shape;
const apiInterviewer = api.interviewers.unwrap().element.shape;
/** An optional date or choice: the empty option sends null. */
const orNone = <T extends z.ZodType<string>>(schema: T) => schema.or(z.literal("")).transform((value) => (value === "" ? null : (value as z.output<T>)));

/**
 * The debrief as the form asks it: "yes"/"no" for asking for the job, a due date per promise
 * (an instant at the end of that day in the viewer's zone), and the check-in date only for the
 * rule chosen. The fields keep the API's names and paths, so the server's field errors
 * ("promises.1.description", "agreedCheckInOn") land on the same inputs.
 */
function debriefFormSchema(viewerTimeZone: string) {
  return z
    .object({
      askedForJob: z.enum(["", "yes", "no"]).refine((value) => value !== "", "Say whether you asked for the job.").transform((value) => value === "yes"),
      nextSteps: api.nextSteps,
      expectAnswerBy: orNone(ZIsoDate),
      preferredChannel: orNone(ZContactChannel),
      checkInRule: z.enum(["none", "agreed", "not_before"]),
      agreedCheckInOn: orNone(ZIsoDate),
      notBeforeOn: orNone(ZIsoDate),
      notes: api.notes,
      promises: z
        .array(
          z.object({
            id: apiPromise.id,
            description: apiPromise.description,
            dueAt: z
              .string()
              .min(1, "Give the date it is due.")
              .pipe(ZIsoDate)
              .transform((date) => instantAt(date, PROMISE_DUE_TIME, viewerTimeZone) ?? new Date(Number.NaN)),
            contactId: orNone(z.uuid()),
          }),
        )
        .max(20, "Record at most 20 promises."),
      interviewers: z.array(z.object({ contactId: apiInterviewer.contactId, discussed: apiInterviewer.discussed, challengesDiscussed: z.array(z.string()) })),
      companyChallenges: z.array(z.string()),
    })
    .superRefine((value, ctx) => {
      if (value.checkInRule === "agreed" && !value.agreedCheckInOn) {
        ctx.addIssue({ code: "custom", path: ["agreedCheckInOn"], message: "Give the day you agreed to check in, or choose “No date was named”." });
      }
      if (value.checkInRule === "not_before" && !value.notBeforeOn) {
        ctx.addIssue({ code: "custom", path: ["notBeforeOn"], message: "Give the day they asked you to wait until, or choose “No date was named”." });
      }
    })
    .transform(({ checkInRule, agreedCheckInOn, notBeforeOn, ...rest }) => ({
      ...rest,
      checkInRule,
      // Only the chosen rule's date is sent.
      agreedCheckInOn: checkInRule === "agreed" ? agreedCheckInOn : null,
      notBeforeOn: checkInRule === "not_before" ? notBeforeOn : null,
    }));
}

export function DebriefForm({ orgSlug, detail, viewerTimeZone }: { orgSlug: string; detail: InterviewDetail; viewerTimeZone: string }) {
  const trpc = useTRPC();
  const refresh = useInterviewRefresh();
  const formId = useId();
  const { interview, participants, company } = detail;
  const schema = useMemo(() => debriefFormSchema(viewerTimeZone), [viewerTimeZone]);

  const form = useZodForm(schema, {
    defaultValues: {
      askedForJob: interview.askedForJob === null ? "" : interview.askedForJob ? "yes" : "no",
      nextSteps: interview.nextSteps ?? "",
      expectAnswerBy: interview.expectAnswerBy ?? "",
      preferredChannel: interview.preferredChannel ?? "",
      checkInRule: interview.agreedCheckInOn ? "agreed" : interview.notBeforeOn ? "not_before" : "none",
      agreedCheckInOn: interview.agreedCheckInOn ?? "",
      notBeforeOn: interview.notBeforeOn ?? "",
      notes: interview.debriefNotes ?? "",
      promises: detail.promises.map((p) => ({ id: p.id, description: p.description, dueAt: wallClock(p.dueAt, viewerTimeZone).date, contactId: p.contactId ?? "" })),
      interviewers: participants.map((p) => ({ contactId: p.contactId, discussed: p.discussed ?? "", challengesDiscussed: p.challengesDiscussed })),
      companyChallenges: [],
    },
  });
  const { errors } = form.formState;
  // `key`, not `id`: a saved promise's own id is one of its fields.
  const promises = useFieldArray({ control: form.control, name: "promises", keyName: "key" });
  const interviewers = useFieldArray({ control: form.control, name: "interviewers", keyName: "key" });
  const rule = useWatch({ control: form.control, name: "checkInRule" });
  const addedChallenges = useWatch({ control: form.control, name: "companyChallenges" }) ?? [];
  const [newChallenge, setNewChallenge] = useState("");

  const save = useMutation(
    trpc.interview.debrief.mutationOptions({
      onSuccess: async (result) => {
        // Rows saved for the first time now have ids, so the next save edits them in place.
        result.promises.forEach((saved, index) => form.setValue(`promises.${index}.id`, saved.id));
        await refresh();
      },
    }),
  );
  const message = useServerErrors(form, save.error);
  const challenges = [...company.challenges, ...addedChallenges.filter((c) => !company.challenges.some((k) => k.toLowerCase() === c.toLowerCase()))];

  function addChallenge() {
    const clean = newChallenge.trim();
    if (!clean) return;
    if (!challenges.some((c) => c.toLowerCase() === clean.toLowerCase())) form.setValue("companyChallenges", [...addedChallenges, clean]);
    setNewChallenge("");
  }

  const created = save.data?.createdDrafts ?? [];

  return (
    <Form
      form={form}
      onSubmit={(values) => save.mutate({ orgSlug, interviewId: interview.id, ...values })}
      className="space-y-6"
      aria-describedby={`${formId}-intro`}
    >
      <p id={`${formId}-intro`} className="text-sm text-slate-600">
        What you record here plans your follow-up: thank-you notes and letters for each interviewer, and reminders timed to what the employer asked.
      </p>

      <div className="grid gap-3 sm:grid-cols-2">
        <Select label="Did you ask for the job?" {...form.register("askedForJob")} error={errorAt(errors, "askedForJob")}>
          <option value="">Choose…</option>
          <option value="yes">Yes, I said I want it</option>
          <option value="no">Not this time</option>
        </Select>
        <Field label="When should you hear back?" type="date" {...form.register("expectAnswerBy")} error={errorAt(errors, "expectAnswerBy")} />
        <div className="sm:col-span-2">
          <TextArea label="What happens next?" rows={3} maxLength={2000} {...form.register("nextSteps")} error={errorAt(errors, "nextSteps")} />
        </div>
        <Select label="How do they prefer to hear from you?" {...form.register("preferredChannel")} error={errorAt(errors, "preferredChannel")}>
          <option value="">They did not say</option>
          {CHANNELS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </div>

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">Checking in</legend>
        <div className="flex flex-col gap-2 text-sm sm:flex-row sm:gap-6">
          <label className="flex items-center gap-2">
            <input type="radio" value="none" {...form.register("checkInRule")} />
            No date was named
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" value="agreed" {...form.register("checkInRule")} />
            We agreed a day to check in
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" value="not_before" {...form.register("checkInRule")} />
            They asked me to wait until a day
          </label>
        </div>
        {rule === "agreed" ? (
          <div className="max-w-xs">
            <Field
              label="Agreed check-in date"
              type="date"
              {...form.register("agreedCheckInOn")}
              error={errorAt(errors, "agreedCheckInOn")}
              hint="You will be reminded that morning."
            />
          </div>
        ) : null}
        {rule === "not_before" ? (
          <div className="max-w-xs">
            <Field
              label="Not before"
              type="date"
              {...form.register("notBeforeOn")}
              error={errorAt(errors, "notBeforeOn")}
              hint="No reminder to check in comes before this day."
            />
          </div>
        ) : null}
      </fieldset>

      <section aria-labelledby={`${formId}-people`} className="space-y-4">
        <h3 id={`${formId}-people`} className="text-base font-semibold">
          The people you met
        </h3>
        {participants.length === 0 ? (
          <p className="text-sm text-slate-600">No interviewers were recorded for this interview, so no thank-you notes will be drafted.</p>
        ) : null}
        {errorAt(errors, "interviewers") ? <Notice tone="error">{errorAt(errors, "interviewers")}</Notice> : null}
        {interviewers.fields.map((row, index) => {
          const person = participants.find((p) => p.contactId === row.contactId);
          if (!person) return null;
          const headingId = `${formId}-person-${person.contactId}`;
          return (
            <section key={row.key} aria-labelledby={headingId} className="space-y-3 rounded-lg border border-slate-200 p-3">
              <h4 id={headingId} className="font-medium">
                {person.name}
                {person.title ? <span className="font-normal text-slate-500"> · {person.title}</span> : null}
              </h4>
              <TextArea
                label={`What did you discuss with ${person.name}?`}
                rows={3}
                maxLength={2000}
                {...form.register(`interviewers.${index}.discussed`)}
                error={errorAt(errors, `interviewers.${index}.discussed`)}
                hint="A sentence or two: their letter refers to it."
              />
              {challenges.length > 0 ? (
                <Controller
                  control={form.control}
                  name={`interviewers.${index}.challengesDiscussed`}
                  render={({ field }) => (
                    <fieldset>
                      <legend className="mb-1 text-sm font-medium">Challenges that came up with {person.name}</legend>
                      <ul className="space-y-1">
                        {challenges.map((challenge) => (
                          <li key={challenge}>
                            <label className="flex items-start gap-2 text-sm">
                              <input
                                type="checkbox"
                                className="mt-1"
                                name={field.name}
                                checked={field.value.includes(challenge)}
                                onChange={(e) => field.onChange(e.target.checked ? [...field.value, challenge] : field.value.filter((c) => c !== challenge))}
                                onBlur={field.onBlur}
                              />
                              {challenge}
                            </label>
                          </li>
                        ))}
                      </ul>
                      {errorWithin(errors, field.name) ? <Notice tone="error">{errorWithin(errors, field.name)}</Notice> : null}
                    </fieldset>
                  )}
                />
              ) : null}
            </section>
          );
        })}
        <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
          <div className="flex-1">
            <Field
              label={`A challenge ${company.name} named`}
              name="newChallenge"
              value={newChallenge}
              maxLength={200}
              onChange={(e) => setNewChallenge(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter") {
                  e.preventDefault();
                  addChallenge();
                }
              }}
              error={errorAt(errors, "companyChallenges")}
              hint="It is kept with the company and feeds your letters and a proposal."
            />
          </div>
          <Button type="button" variant="secondary" onClick={addChallenge}>
            Add challenge
          </Button>
        </div>
      </section>

      <section aria-labelledby={`${formId}-promises`} className="space-y-3">
        <h3 id={`${formId}-promises`} className="text-base font-semibold">
          Promises you made
        </h3>
        {promises.fields.length === 0 ? <p className="text-sm text-slate-600">Nothing promised? Then nothing to add here.</p> : null}
        {errorAt(errors, "promises") ? <Notice tone="error">{errorAt(errors, "promises")}</Notice> : null}
        <ul className="space-y-3">
          {promises.fields.map((row, index) => (
            <li key={row.key} className="grid gap-2 rounded-lg border border-slate-200 p-3 sm:grid-cols-[1fr_10rem_12rem_auto] sm:items-end">
              <Field label="Promise" maxLength={500} {...form.register(`promises.${index}.description`)} error={errorAt(errors, `promises.${index}.description`)} />
              <Field label="Due" type="date" {...form.register(`promises.${index}.dueAt`)} error={errorAt(errors, `promises.${index}.dueAt`)} />
              <Select label="Made to" {...form.register(`promises.${index}.contactId`)} error={errorAt(errors, `promises.${index}.contactId`)}>
                <option value="">No one in particular</option>
                {participants.map((p) => (
                  <option key={p.contactId} value={p.contactId}>
                    {p.name}
                  </option>
                ))}
              </Select>
              <Button type="button" variant="secondary" aria-label={`Remove row ${index + 1}`} onClick={() => promises.remove(index)}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
        <Button type="button" variant="secondary" onClick={() => promises.append({ description: "", dueAt: "", contactId: "" })}>
          Add a promise
        </Button>
      </section>

      <TextArea label="Anything else worth remembering" rows={3} maxLength={4000} {...form.register("notes")} error={errorAt(errors, "notes")} />

      {message ? <Notice tone="error">{message}</Notice> : null}
      {save.isSuccess ? (
        <Notice tone="success">
          Debrief saved.{" "}
          {created.length > 0 ? (
            <>
              {created.length} new {created.length === 1 ? "draft is" : "drafts are"} ready:{" "}
              {created.map((d, i) => (
                <span key={d.id}>
                  {i > 0 ? ", " : ""}
                  <Link href={`/${orgSlug}/drafts/${d.id}`} className="underline">
                    {DRAFT_KIND_LABEL[d.kind]}
                  </Link>
                </span>
              ))}
              .
            </>
          ) : (
            "Your drafts were already prepared; see them below."
          )}
        </Notice>
      ) : null}
      <Button type="submit" disabled={save.isPending}>
        {save.isPending ? "Saving…" : "Save debrief"}
      </Button>
    </Form>
  );
}
