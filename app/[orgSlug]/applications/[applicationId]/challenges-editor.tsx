"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useFieldArray } from "react-hook-form";
import { z } from "zod";
import { MAX_CHALLENGES, ZUpdateCompanyInput } from "@/server/services/companies/schemas";
import { errorAt, errorWithin, Form, useServerErrors, useZodForm } from "../../../_components/form";
import { useTRPC } from "../../../_components/trpc";
import { Button, Notice } from "../../../_components/ui";

const MAX_LENGTH = 300;

/** Each challenge is a row of the list (held as `{ text }`, as field arrays need); blank rows are dropped on saving. */
const ZChallengesForm = z.object({
  challenges: z
    .array(z.object({ text: z.string().trim().max(MAX_LENGTH, "Keep each challenge under 300 characters.") }))
    .transform((rows) => rows.map((row) => row.text).filter(Boolean))
    .pipe(ZUpdateCompanyInput.shape.challenges.unwrap()),
});

/** A short list the client edits line by line: add, change, remove, then save them together. */
export function ChallengesEditor({
  orgSlug,
  companyId,
  challenges,
  canEdit,
  onSaved,
}: {
  orgSlug: string;
  companyId: string;
  challenges: string[];
  canEdit: boolean;
  onSaved: () => Promise<unknown>;
}) {
  const trpc = useTRPC();
  const form = useZodForm(ZChallengesForm, { defaultValues: { challenges: challenges.map((text) => ({ text })) } });
  const rows = useFieldArray({ control: form.control, name: "challenges" });
  const [draft, setDraft] = useState("");
  const update = useMutation(trpc.company.update.mutationOptions({ onSuccess: onSaved }));
  // The API names a challenge by its place in the list; the form keeps it in that row's `text`.
  const message = useServerErrors(form, update.error, (path) => (/^challenges\.\d+$/.test(path) ? `${path}.text` : path));
  const { errors, isDirty } = form.formState;

  if (!canEdit) {
    return challenges.length === 0 ? (
      <p className="text-sm text-slate-600">None recorded yet.</p>
    ) : (
      <ul className="list-disc space-y-1 pl-5 text-sm">
        {challenges.map((challenge) => (
          <li key={challenge}>{challenge}</li>
        ))}
      </ul>
    );
  }

  const add = () => {
    const text = draft.trim();
    if (!text || rows.fields.length >= MAX_CHALLENGES) return;
    rows.append({ text });
    setDraft("");
  };
  const error = errorAt(errors, "challenges") ?? errorWithin(errors, "challenges") ?? message;

  return (
    <Form form={form} onSubmit={(values) => update.mutate({ orgSlug, companyId, ...values })} className="space-y-3">
      {rows.fields.length === 0 ? <p className="text-sm text-slate-600">None yet. Add what the interviewers said they struggle with.</p> : null}
      <ul className="space-y-2">
        {rows.fields.map((row, index) => (
          <li key={row.id} className="flex gap-2">
            <label className="sr-only" htmlFor={`challenge-${index}`}>
              Challenge {index + 1}
            </label>
            <input
              id={`challenge-${index}`}
              maxLength={MAX_LENGTH}
              aria-invalid={errorAt(errors, `challenges.${index}.text`) ? true : undefined}
              {...form.register(`challenges.${index}.text`)}
              className="block w-full min-w-0 rounded-lg border border-slate-300 px-3 py-1.5 text-sm"
            />
            <Button type="button" variant="secondary" className="shrink-0 px-3" onClick={() => rows.remove(index)} aria-label={`Remove challenge ${index + 1}`}>
              Remove
            </Button>
          </li>
        ))}
      </ul>
      {rows.fields.length < MAX_CHALLENGES ? (
        <div className="flex gap-2">
          <label className="sr-only" htmlFor="new-challenge">
            New challenge
          </label>
          <input
            id="new-challenge"
            value={draft}
            maxLength={MAX_LENGTH}
            placeholder="e.g. Onboarding new customers takes weeks"
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              // Enter adds the line, as it did when this was a form of its own, rather than saving.
              if (event.key === "Enter") {
                event.preventDefault();
                add();
              }
            }}
            className="block w-full min-w-0 rounded-lg border border-slate-300 px-3 py-1.5 text-sm"
          />
          <Button type="button" variant="secondary" className="shrink-0 px-3" disabled={!draft.trim()} onClick={add}>
            Add
          </Button>
        </div>
      ) : (
        <p className="text-xs text-slate-500">That is the maximum of {MAX_CHALLENGES}.</p>
      )}
      {error ? <Notice tone="error">{error}</Notice> : null}
      <div className="flex justify-end">
        <Button type="submit" disabled={!isDirty || update.isPending}>
          {update.isPending ? "Saving…" : "Save challenges"}
        </Button>
      </div>
    </Form>
  );
}
