"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { INTERVIEW_KIND_LABEL, type InterviewKind } from "@/lib/vocabulary";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { AppRouterOutputs } from "@/server/trpc/types";
import { TimeZoneSelect } from "../../../_components/time-zone-select";
import { fieldErrors, useTRPC } from "../../../_components/trpc";
import { Button, Card, Field, Notice, Select } from "../../../_components/ui";
import { HydratedForm } from "../../../_components/hydrated-form";

type Options = AppRouterOutputs["interview"]["scheduleOptions"];
type Kind = InterviewKind;
type NewPerson = { key: number; name: string; title: string; email: string };

/** Video first: the most common kind, and the default. */
const KINDS: Kind[] = ["video", "phone", "onsite", "panel"];

export function ScheduleForm({ orgSlug, options, viewerTimeZone }: { orgSlug: string; options: Options; viewerTimeZone: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [date, setDate] = useState("");
  const [startTime, setStartTime] = useState("");
  const [lengthBy, setLengthBy] = useState<"duration" | "end">("duration");
  const [durationMinutes, setDuration] = useState("60");
  const [endTime, setEndTime] = useState("");
  const [timeZone, setTimeZone] = useState(viewerTimeZone);
  const [kind, setKind] = useState<Kind>("video");
  const [round, setRound] = useState("1");
  const [location, setLocation] = useState("");
  const [chosen, setChosen] = useState<string[]>([]);
  const [people, setPeople] = useState<NewPerson[]>([]);
  const [nextKey, setNextKey] = useState(1);

  const schedule = useMutation(
    trpc.interview.schedule.mutationOptions({
      onSuccess: async (interview) => {
        await queryClient.invalidateQueries({ queryKey: trpc.interview.list.queryKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.application.byId.queryKey() });
        router.push(`/${orgSlug}/interviews/${interview.id}`);
      },
    }),
  );
  const { message, fields } = fieldErrors(schedule.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    schedule.mutate({
      orgSlug,
      applicationId: options.application.id,
      kind,
      round: Number(round) || 1,
      date,
      startTime,
      ...(lengthBy === "duration" ? { durationMinutes: Number(durationMinutes) } : { endTime }),
      timeZone,
      location: location || null,
      interviewerIds: chosen,
      newInterviewers: people.map(({ name, title, email }) => ({ name, title: title || null, email: email || null })),
    });
  }

  const updatePerson = (key: number, change: Partial<NewPerson>) =>
    setPeople((current) => current.map((p) => (p.key === key ? { ...p, ...change } : p)));

  return (
    <HydratedForm onSubmit={submit} className="grid gap-4 lg:grid-cols-3" noValidate>
      <div className="space-y-4 lg:col-span-2">
        <Card title="When">
          <div className="grid gap-3 sm:grid-cols-2">
            <Field label="Date" name="date" type="date" value={date} onChange={(e) => setDate(e.target.value)} error={fields.date} required />
            <Field label="Start time" name="startTime" type="time" value={startTime} onChange={(e) => setStartTime(e.target.value)} error={fields.startTime} required />
            <TimeZoneSelect label="Time zone of the interview" name="timeZone" value={timeZone} onChange={setTimeZone} error={fields.timeZone} />
            <fieldset className="space-y-2">
              <legend className="mb-1 text-sm font-medium text-slate-800">Length</legend>
              <div className="flex gap-4 text-sm">
                <label className="flex items-center gap-2">
                  <input type="radio" name="lengthBy" checked={lengthBy === "duration"} onChange={() => setLengthBy("duration")} />
                  Duration
                </label>
                <label className="flex items-center gap-2">
                  <input type="radio" name="lengthBy" checked={lengthBy === "end"} onChange={() => setLengthBy("end")} />
                  End time
                </label>
              </div>
              {lengthBy === "duration" ? (
                <Field label="Duration in minutes" name="durationMinutes" type="number" min={5} max={720} step={5} value={durationMinutes} onChange={(e) => setDuration(e.target.value)} error={fields.durationMinutes} />
              ) : (
                <Field label="End time" name="endTime" type="time" value={endTime} onChange={(e) => setEndTime(e.target.value)} error={fields.endTime ?? fields.durationMinutes} />
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
            <Select label="Kind" name="kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)} error={fields.kind}>
              {KINDS.map((value) => (
                <option key={value} value={value}>
                  {INTERVIEW_KIND_LABEL[value]}
                </option>
              ))}
            </Select>
            <Field label="Round" name="round" type="number" min={1} max={20} value={round} onChange={(e) => setRound(e.target.value)} error={fields.round} />
            <div className="sm:col-span-2">
              <Field label="Location or link" name="location" value={location} maxLength={500} onChange={(e) => setLocation(e.target.value)} error={fields.location} hint="An address, or the video link." />
            </div>
          </div>
        </Card>
      </div>

      <div className="space-y-4">
        <Card title="Interviewers">
          {options.contacts.length > 0 ? (
            <fieldset>
              <legend className="mb-2 text-sm font-medium">People you know at {options.company.name}</legend>
              <ul className="space-y-1">
                {options.contacts.map((contact) => (
                  <li key={contact.id}>
                    <label className="flex items-start gap-2 text-sm">
                      <input
                        type="checkbox"
                        className="mt-1"
                        checked={chosen.includes(contact.id)}
                        onChange={(e) => setChosen((c) => (e.target.checked ? [...c, contact.id] : c.filter((id) => id !== contact.id)))}
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
          ) : (
            <p className="text-sm text-slate-600">You have no contacts at {options.company.name} yet. Add the people you will meet below.</p>
          )}

          <div className="mt-4 space-y-3">
            {people.map((person, index) => (
              <fieldset key={person.key} className="space-y-2 rounded-lg border border-slate-200 p-3">
                <legend className="px-1 text-sm font-medium">New interviewer {index + 1}</legend>
                <Field label="Name" name={`new-${person.key}-name`} value={person.name} maxLength={120} onChange={(e) => updatePerson(person.key, { name: e.target.value })} required />
                <Field label="Job title" name={`new-${person.key}-title`} value={person.title} maxLength={120} onChange={(e) => updatePerson(person.key, { title: e.target.value })} />
                <Field label="Email" name={`new-${person.key}-email`} type="email" value={person.email} maxLength={254} onChange={(e) => updatePerson(person.key, { email: e.target.value })} />
                <Button type="button" variant="secondary" onClick={() => setPeople((c) => c.filter((p) => p.key !== person.key))}>
                  Remove {person.name || "this interviewer"}
                </Button>
              </fieldset>
            ))}
            {fields.newInterviewers ? <Notice tone="error">{fields.newInterviewers}</Notice> : null}
            <Button
              type="button"
              variant="secondary"
              onClick={() => {
                setPeople((c) => [...c, { key: nextKey, name: "", title: "", email: "" }]);
                setNextKey((k) => k + 1);
              }}
            >
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
    </HydratedForm>
  );
}
