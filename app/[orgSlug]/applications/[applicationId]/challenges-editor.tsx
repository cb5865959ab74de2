"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { fieldErrors, useTRPC } from "../../../_components/trpc";
import { Button, Notice } from "../../../_components/ui";
import { HydratedForm } from "../../../_components/hydrated-form";

const MAX_CHALLENGES = 20;
const MAX_LENGTH = 300;

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
  const [items, setItems] = useState<string[]>(challenges);
  const [draft, setDraft] = useState("");
  const update = useMutation(trpc.company.update.mutationOptions({ onSuccess: onSaved }));
  const { message, fields } = fieldErrors(update.error);

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

  const add = (event: FormEvent) => {
    event.preventDefault();
    const text = draft.trim();
    if (!text || items.length >= MAX_CHALLENGES) return;
    setItems([...items, text]);
    setDraft("");
  };
  const dirty = items.join("\n") !== challenges.join("\n");
  const error = fields.challenges ?? message;

  return (
    <div className="space-y-3">
      {items.length === 0 ? <p className="text-sm text-slate-600">None yet. Add what the interviewers said they struggle with.</p> : null}
      <ul className="space-y-2">
        {items.map((item, index) => (
          <li key={index} className="flex gap-2">
            <label className="sr-only" htmlFor={`challenge-${index}`}>
              Challenge {index + 1}
            </label>
            <input
              id={`challenge-${index}`}
              value={item}
              maxLength={MAX_LENGTH}
              onChange={(event) => setItems(items.map((value, i) => (i === index ? event.target.value : value)))}
              className="block w-full min-w-0 rounded-lg border border-slate-300 px-3 py-1.5 text-sm"
            />
            <Button type="button" variant="secondary" className="shrink-0 px-3" onClick={() => setItems(items.filter((_, i) => i !== index))} aria-label={`Remove challenge ${index + 1}`}>
              Remove
            </Button>
          </li>
        ))}
      </ul>
      {items.length < MAX_CHALLENGES ? (
        <HydratedForm onSubmit={add} className="flex gap-2">
          <label className="sr-only" htmlFor="new-challenge">
            New challenge
          </label>
          <input
            id="new-challenge"
            value={draft}
            maxLength={MAX_LENGTH}
            placeholder="e.g. Onboarding new customers takes weeks"
            onChange={(event) => setDraft(event.target.value)}
            className="block w-full min-w-0 rounded-lg border border-slate-300 px-3 py-1.5 text-sm"
          />
          <Button type="submit" variant="secondary" className="shrink-0 px-3" disabled={!draft.trim()}>
            Add
          </Button>
        </HydratedForm>
      ) : (
        <p className="text-xs text-slate-500">That is the maximum of {MAX_CHALLENGES}.</p>
      )}
      {error ? <Notice tone="error">{error}</Notice> : null}
      <div className="flex justify-end">
        <Button
          type="button"
          disabled={!dirty || update.isPending}
          onClick={() => update.mutate({ orgSlug, companyId, challenges: items.map((item) => item.trim()).filter(Boolean) })}
        >
          {update.isPending ? "Saving…" : "Save challenges"}
        </Button>
      </div>
    </div>
  );
}
