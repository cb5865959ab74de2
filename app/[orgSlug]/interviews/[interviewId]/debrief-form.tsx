"use client";

import { useMutation } from "@tanstack/react-query";
import { DRAFT_KIND_LABEL } from "@/lib/vocabulary";
import Link from "next/link";
import { useId, useState, type FormEvent } from "react";
import { fieldErrors, useTRPC } from "../../../_components/trpc";
import { Button, Field, Notice, Select, TextArea } from "../../../_components/ui";
import { instantAt, wallClock } from "../../../_components/zoned";
import type { InterviewDetail } from "./interview-view";
import { useInterviewRefresh } from "./refresh";
import { HydratedForm } from "../../../_components/hydrated-form";

type Channel = "email" | "phone" | "linkedin" | "via_recruiter" | "other";
type CheckInRule = "none" | "agreed" | "not_before";
type PromiseRow = { key: string; id?: string; description: string; due: string; contactId: string };
type PersonNotes = { discussed: string; challenges: string[] };

const CHANNELS: Array<[Channel, string]> = [
  ["email", "Email"],
  ["phone", "Phone"],
  ["linkedin", "LinkedIn"],
  ["via_recruiter", "Through the recruiter"],
  ["other", "Another way"],
];

/** Promises are due at the end of the working day, in the viewer's zone. */
const PROMISE_DUE_TIME = "17:00";

export function DebriefForm({ orgSlug, detail, viewerTimeZone }: { orgSlug: string; detail: InterviewDetail; viewerTimeZone: string }) {
  const trpc = useTRPC();
  const refresh = useInterviewRefresh();
  const formId = useId();
  const { interview, participants, company } = detail;

  const [askedForJob, setAskedForJob] = useState(interview.askedForJob === null ? "" : interview.askedForJob ? "yes" : "no");
  const [nextSteps, setNextSteps] = useState(interview.nextSteps ?? "");
  const [expectAnswerBy, setExpectAnswerBy] = useState(interview.expectAnswerBy ?? "");
  const [channel, setChannel] = useState<Channel | "">(interview.preferredChannel ?? "");
  const [rule, setRule] = useState<CheckInRule>(interview.agreedCheckInOn ? "agreed" : interview.notBeforeOn ? "not_before" : "none");
  const [ruleDate, setRuleDate] = useState(interview.agreedCheckInOn ?? interview.notBeforeOn ?? "");
  const [notes, setNotes] = useState(interview.debriefNotes ?? "");
  const [people, setPeople] = useState<Record<string, PersonNotes>>(() =>
    Object.fromEntries(participants.map((p) => [p.contactId, { discussed: p.discussed ?? "", challenges: p.challengesDiscussed }])),
  );
  const [newChallenge, setNewChallenge] = useState("");
  const [addedChallenges, setAddedChallenges] = useState<string[]>([]);
  const [promises, setPromises] = useState<PromiseRow[]>(() =>
    detail.promises.map((p) => ({ key: p.id, id: p.id, description: p.description, due: wallClock(p.dueAt, viewerTimeZone).date, contactId: p.contactId ?? "" })),
  );
  const [counter, setCounter] = useState(0);
  const [localError, setLocalError] = useState<string | null>(null);

  const save = useMutation(
    trpc.interview.debrief.mutationOptions({
      onSuccess: async (result) => {
        // Rows saved for the first time now have ids, so the next save edits them in place.
        setPromises(result.promises.map((p) => ({ key: p.id, id: p.id, description: p.description, due: wallClock(p.dueAt, viewerTimeZone).date, contactId: p.contactId ?? "" })));
        await refresh();
      },
    }),
  );
  const { message, fields } = fieldErrors(save.error);
  const challenges = [...company.challenges, ...addedChallenges.filter((c) => !company.challenges.some((k) => k.toLowerCase() === c.toLowerCase()))];

  function addChallenge() {
    const clean = newChallenge.trim();
    if (!clean) return;
    if (!challenges.some((c) => c.toLowerCase() === clean.toLowerCase())) setAddedChallenges((c) => [...c, clean]);
    setNewChallenge("");
  }

  const updatePromise = (key: string, change: Partial<PromiseRow>) => setPromises((rows) => rows.map((r) => (r.key === key ? { ...r, ...change } : r)));

  function submit(event: FormEvent) {
    event.preventDefault();
    setLocalError(null);
    if (askedForJob === "") {
      setLocalError("Say whether you asked for the job.");
      return;
    }
    const promisesInput = [];
    for (const row of promises) {
      const dueAt = instantAt(row.due, PROMISE_DUE_TIME, viewerTimeZone);
      if (!dueAt) {
        setLocalError("Give each promise a due date.");
        return;
      }
      promisesInput.push({ id: row.id, description: row.description, dueAt, contactId: row.contactId || null });
    }
    save.mutate({
      orgSlug,
      interviewId: interview.id,
      askedForJob: askedForJob === "yes",
      nextSteps: nextSteps || null,
      expectAnswerBy: expectAnswerBy || null,
      preferredChannel: channel || null,
      checkInRule: rule,
      agreedCheckInOn: rule === "agreed" && ruleDate ? ruleDate : null,
      notBeforeOn: rule === "not_before" && ruleDate ? ruleDate : null,
      notes: notes || null,
      promises: promisesInput,
      interviewers: participants.map((p) => ({
        contactId: p.contactId,
        discussed: people[p.contactId]?.discussed || null,
        challengesDiscussed: people[p.contactId]?.challenges ?? [],
      })),
      companyChallenges: addedChallenges,
    });
  }

  const created = save.data?.createdDrafts ?? [];

  return (
    <HydratedForm onSubmit={submit} className="space-y-6" noValidate aria-describedby={`${formId}-intro`}>
      <p id={`${formId}-intro`} className="text-sm text-slate-600">
        What you record here plans your follow-up: thank-you notes and letters for each interviewer, and reminders timed to what the employer asked.
      </p>

      <div className="grid gap-3 sm:grid-cols-2">
        <Select label="Did you ask for the job?" name="askedForJob" value={askedForJob} onChange={(e) => setAskedForJob(e.target.value)} error={fields.askedForJob}>
          <option value="">Choose…</option>
          <option value="yes">Yes, I said I want it</option>
          <option value="no">Not this time</option>
        </Select>
        <Field label="When should you hear back?" name="expectAnswerBy" type="date" value={expectAnswerBy} onChange={(e) => setExpectAnswerBy(e.target.value)} error={fields.expectAnswerBy} />
        <div className="sm:col-span-2">
          <TextArea label="What happens next?" name="nextSteps" rows={3} maxLength={2000} value={nextSteps} onChange={(e) => setNextSteps(e.target.value)} error={fields.nextSteps} />
        </div>
        <Select label="How do they prefer to hear from you?" name="preferredChannel" value={channel} onChange={(e) => setChannel(e.target.value as Channel | "")} error={fields.preferredChannel}>
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
            <input type="radio" name="checkInRule" checked={rule === "none"} onChange={() => setRule("none")} />
            No date was named
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="checkInRule" checked={rule === "agreed"} onChange={() => setRule("agreed")} />
            We agreed a day to check in
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="checkInRule" checked={rule === "not_before"} onChange={() => setRule("not_before")} />
            They asked me to wait until a day
          </label>
        </div>
        {rule !== "none" ? (
          <div className="max-w-xs">
            <Field
              label={rule === "agreed" ? "Agreed check-in date" : "Not before"}
              name={rule === "agreed" ? "agreedCheckInOn" : "notBeforeOn"}
              type="date"
              value={ruleDate}
              onChange={(e) => setRuleDate(e.target.value)}
              error={rule === "agreed" ? fields.agreedCheckInOn : fields.notBeforeOn}
              hint={rule === "agreed" ? "You will be reminded that morning." : "No reminder to check in comes before this day."}
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
        {fields.interviewers ? <Notice tone="error">{fields.interviewers}</Notice> : null}
        {participants.map((person) => {
          const notesOf = people[person.contactId] ?? { discussed: "", challenges: [] };
          const headingId = `${formId}-person-${person.contactId}`;
          return (
            <section key={person.contactId} aria-labelledby={headingId} className="space-y-3 rounded-lg border border-slate-200 p-3">
              <h4 id={headingId} className="font-medium">
                {person.name}
                {person.title ? <span className="font-normal text-slate-500"> · {person.title}</span> : null}
              </h4>
              <TextArea
                label={`What did you discuss with ${person.name}?`}
                name={`discussed-${person.contactId}`}
                rows={3}
                maxLength={2000}
                value={notesOf.discussed}
                onChange={(e) => setPeople((all) => ({ ...all, [person.contactId]: { ...notesOf, discussed: e.target.value } }))}
                hint="A sentence or two: their letter refers to it."
              />
              {challenges.length > 0 ? (
                <fieldset>
                  <legend className="mb-1 text-sm font-medium">Challenges that came up with {person.name}</legend>
                  <ul className="space-y-1">
                    {challenges.map((challenge) => (
                      <li key={challenge}>
                        <label className="flex items-start gap-2 text-sm">
                          <input
                            type="checkbox"
                            className="mt-1"
                            checked={notesOf.challenges.includes(challenge)}
                            onChange={(e) =>
                              setPeople((all) => ({
                                ...all,
                                [person.contactId]: {
                                  ...notesOf,
                                  challenges: e.target.checked ? [...notesOf.challenges, challenge] : notesOf.challenges.filter((c) => c !== challenge),
                                },
                              }))
                            }
                          />
                          {challenge}
                        </label>
                      </li>
                    ))}
                  </ul>
                </fieldset>
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
              error={fields.companyChallenges}
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
        {promises.length === 0 ? <p className="text-sm text-slate-600">Nothing promised? Then nothing to add here.</p> : null}
        {fields.promises ? <Notice tone="error">{fields.promises}</Notice> : null}
        <ul className="space-y-3">
          {promises.map((row, index) => (
            <li key={row.key} className="grid gap-2 rounded-lg border border-slate-200 p-3 sm:grid-cols-[1fr_10rem_12rem_auto] sm:items-end">
              <Field label="Promise" name={`promise-${row.key}`} value={row.description} maxLength={500} onChange={(e) => updatePromise(row.key, { description: e.target.value })} />
              <Field label="Due" name={`promise-due-${row.key}`} type="date" value={row.due} onChange={(e) => updatePromise(row.key, { due: e.target.value })} />
              <Select label="Made to" name={`promise-to-${row.key}`} value={row.contactId} onChange={(e) => updatePromise(row.key, { contactId: e.target.value })}>
                <option value="">No one in particular</option>
                {participants.map((p) => (
                  <option key={p.contactId} value={p.contactId}>
                    {p.name}
                  </option>
                ))}
              </Select>
              <Button type="button" variant="secondary" aria-label={`Remove row ${index + 1}`} onClick={() => setPromises((rows) => rows.filter((r) => r.key !== row.key))}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            setPromises((rows) => [...rows, { key: `new-${counter}`, description: "", due: "", contactId: "" }]);
            setCounter((c) => c + 1);
          }}
        >
          Add a promise
        </Button>
      </section>

      <TextArea label="Anything else worth remembering" name="debriefNotes" rows={3} maxLength={4000} value={notes} onChange={(e) => setNotes(e.target.value)} error={fields.notes} />

      {localError ? <Notice tone="error">{localError}</Notice> : null}
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
    </HydratedForm>
  );
}
