"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { HydratedForm, useHydrated } from "../_components/hydrated-form";
import { TimeZoneSelect } from "../_components/time-zone-select";
import { fieldErrors, useTRPC } from "../_components/trpc";
import { Button, Card, Field, Notice } from "../_components/ui";

import type { FirstRunProfile as Profile } from "./first-run";

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * A new client's first minute: their name, the zone reminders arrive in (the browser's, unless
 * they choose another), a headline and two accomplishments. Every thank-you and follow-up draft
 * is written from these, so they come before the dashboard.
 */
export function FirstRunSetup({ orgSlug, orgName, initial }: { orgSlug: string; orgName: string; initial: Profile }) {
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const [name, setName] = useState(initial.name ?? "");
  // Still UTC means nobody chose yet: offer the browser's zone once the page runs in it.
  const [chosenZone, setChosenZone] = useState<string | null>(initial.timeZone === "UTC" ? null : initial.timeZone);
  const timeZone = chosenZone ?? (hydrated ? browserZone() : initial.timeZone);
  const [headline, setHeadline] = useState(initial.headline ?? "");
  const [first, setFirst] = useState(initial.accomplishments[0] ?? "");
  const [second, setSecond] = useState(initial.accomplishments[1] ?? "");
  const [missing, setMissing] = useState<Record<string, string>>({});
  const save = useMutation(trpc.profile.update.mutationOptions({ onSuccess: () => router.refresh() }));
  const { message, fields } = fieldErrors(save.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!name.trim()) problems.name = "Give your name: it signs your drafts.";
    if (!headline.trim()) problems.headline = "One line on what you do best, like “Data analyst who makes finance teams trust their numbers”.";
    if (!first.trim()) problems.first = "Name one result you are proud of.";
    if (!second.trim()) problems.second = "And one more.";
    setMissing(problems);
    if (Object.keys(problems).length > 0) return;
    save.mutate({ orgSlug, name, timeZone, headline, accomplishments: [first, second] });
  }

  return (
    <Card title={`Welcome to ${orgName}: two minutes before your dashboard`}>
      <p className="mb-4 text-sm text-slate-600">
        Your thank-you notes and follow-ups are drafted from these answers, and reminders arrive on your clock. You can change
        them later on your profile.
      </p>
      <HydratedForm onSubmit={submit} className="grid gap-4 sm:grid-cols-2" noValidate aria-label="First-run setup">
        <Field label="Your name" name="name" value={name} onChange={(e) => setName(e.target.value)} error={missing.name ?? fields.name} autoComplete="name" />
        <TimeZoneSelect label="Your time zone" name="timeZone" value={timeZone} onChange={setChosenZone} error={fields.timeZone} />
        <div className="sm:col-span-2">
          <Field label="Headline" name="headline" value={headline} maxLength={200} onChange={(e) => setHeadline(e.target.value)} error={missing.headline ?? fields.headline} />
        </div>
        <Field label="An accomplishment" name="accomplishment1" value={first} maxLength={300} onChange={(e) => setFirst(e.target.value)} error={missing.first ?? fields.accomplishments} hint="A result with a number works best: “cut month-end close from ten days to four”." />
        <Field label="Another accomplishment" name="accomplishment2" value={second} maxLength={300} onChange={(e) => setSecond(e.target.value)} error={missing.second} />
        {message ? (
          <div className="sm:col-span-2">
            <Notice tone="error">{message}</Notice>
          </div>
        ) : null}
        <div className="sm:col-span-2">
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? "Saving…" : "Save and open my dashboard"}
          </Button>
        </div>
      </HydratedForm>
    </Card>
  );
}
