"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { REMINDER_KIND_LABEL } from "@/lib/vocabulary";
import { useState, useSyncExternalStore, type FormEvent } from "react";
import type { AppRouterOutputs } from "@/server/trpc/types";
import { TimeZoneSelect } from "../../_components/time-zone-select";
import { fieldErrors, useTRPC } from "../../_components/trpc";
import { Button, Card, Field, Notice, Select, useToast } from "../../_components/ui";
import { HydratedForm } from "../../_components/hydrated-form";

type Profile = AppRouterOutputs["profile"]["get"];
type Kind = keyof Profile["reminderPreferences"];

/** What each reminder does, in one line, so switching one off is an informed choice. */
const REMINDER_HELP: Record<Kind, string> = {
  prepare: "The evening before an interview.",
  debrief: "Shortly after an interview ends.",
  thank_you_due: "When an interviewer has not been thanked in time.",
  commitment_due: "Before a promise is due.",
  commitment_overdue: "When a promise is late.",
  check_in: "When it is time to check in with the employer.",
  proposal_suggestion: "A nudge to write a short proposal.",
  networking_suggestion: "When someone you know could put in a good word.",
  rejection_follow_through: "After a rejection, to reply gracefully.",
  reconnect: "Months later, to get back in touch.",
  client_digest: "Monday morning: your week's interviews, follow-ups and drafts.",
  coach_digest: "Monday morning: what moved, what is overdue and who has gone quiet among your clients.",
};

const noop = () => () => {};
const deviceZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function ProfileForm({ orgSlug, initial, isClient }: { orgSlug: string; initial: Profile; isClient: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState(initial.name ?? "");
  const [timeZone, setTimeZone] = useState(initial.timeZone);
  const [headline, setHeadline] = useState(initial.headline ?? "");
  const [accomplishments, setAccomplishments] = useState<string[]>(() => [0, 1, 2].map((i) => initial.accomplishments[i] ?? ""));
  const [preferences, setPreferences] = useState(initial.reminderPreferences);
  const [draftTone, setDraftTone] = useState(initial.draftTone);
  const toast = useToast();
  const update = useMutation(
    trpc.profile.update.mutationOptions({
      onSuccess: async () => {
        toast("Saved. Your reminders follow the new settings.");
        await queryClient.invalidateQueries({ queryKey: trpc.profile.get.queryKey() });
      },
    }),
  );
  const { message, fields } = fieldErrors(update.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    update.mutate({ orgSlug, name, timeZone, headline: headline || null, accomplishments, reminderPreferences: preferences, draftTone });
  }

  // Read after hydration: the server does not know the visitor's zone.
  const browserZone = useSyncExternalStore(noop, deviceZone, () => null);

  return (
    <HydratedForm onSubmit={submit} className="grid gap-4 lg:grid-cols-3" noValidate>
      <div className="space-y-4 lg:col-span-2">
        <Card title="About you">
          <div className="space-y-3">
            <Field label="Name" name="name" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} error={fields.name} autoComplete="name" />
            <p className="text-sm text-slate-600">Email: {initial.email}</p>
            <TimeZoneSelect name="timeZone" value={timeZone} onChange={setTimeZone} error={fields.timeZone} />
            {browserZone && browserZone !== timeZone ? (
              <button type="button" className="text-sm text-brand underline" onClick={() => setTimeZone(browserZone)}>
                Use this device&apos;s zone ({browserZone.replaceAll("_", " ")})
              </button>
            ) : null}
            <Field
              label="Headline"
              name="headline"
              value={headline}
              maxLength={200}
              onChange={(e) => setHeadline(e.target.value)}
              error={fields.headline}
              hint="One line on what you bring, for example: Analyst who turns messy data into decisions."
            />
          </div>
        </Card>
        {isClient ? (
          <Card title="Your three strongest accomplishments">
            <p className="mb-3 text-sm text-slate-600">Follow-up letters tie one of these to the challenge an interviewer described. Concrete numbers help.</p>
            <div className="space-y-3">
              {accomplishments.map((value, index) => (
                <Field
                  key={index}
                  label={`Accomplishment ${index + 1}`}
                  name={`accomplishment-${index}`}
                  value={value}
                  maxLength={300}
                  onChange={(e) => setAccomplishments((all) => all.map((a, i) => (i === index ? e.target.value : a)))}
                />
              ))}
              {fields.accomplishments ? <Notice tone="error">{fields.accomplishments}</Notice> : null}
            </div>
            <div className="mt-4">
              <Select
                label="How your drafts sound"
                name="draftTone"
                value={draftTone}
                onChange={(e) => setDraftTone(e.target.value as typeof draftTone)}
                error={fields.draftTone}
                hint="Applies to drafts written from now on."
              >
                <option value="warm">Warm: “Hi Elena,” … “Best,”</option>
                <option value="formal">Formal: “Dear Elena,” … “Kind regards,”</option>
              </Select>
            </div>
          </Card>
        ) : null}
      </div>
      <div className="space-y-4">
        {Object.keys(preferences).length > 0 ? (
          <Card title={isClient ? "Reminder emails" : "Emails"}>
            <fieldset>
              <legend className="mb-2 text-sm text-slate-600">Switch off the kinds you do not want. They are sent in your time zone, never at night.</legend>
              <ul className="space-y-2">
                {(Object.keys(preferences) as Kind[]).map((kind) => (
                  <li key={kind}>
                    <label className="flex items-start gap-2 text-sm">
                      <input
                        type="checkbox"
                        className="mt-1"
                        checked={preferences[kind] !== false}
                        onChange={(e) => setPreferences((p) => ({ ...p, [kind]: e.target.checked }))}
                      />
                      <span>
                        {REMINDER_KIND_LABEL[kind] ?? kind}
                        <span className="block text-xs text-slate-500">{REMINDER_HELP[kind]}</span>
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
              {fields.reminderPreferences ? <Notice tone="error">{fields.reminderPreferences}</Notice> : null}
            </fieldset>
          </Card>
        ) : null}
        {message ? <Notice tone="error">{message}</Notice> : null}
        <Button type="submit" disabled={update.isPending}>
          {update.isPending ? "Saving…" : "Save profile"}
        </Button>
      </div>
    </HydratedForm>
  );
}
