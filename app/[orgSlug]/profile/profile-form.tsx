"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useSyncExternalStore } from "react";
import { Controller, useWatch } from "react-hook-form";
import { REMINDER_KIND_LABEL } from "@/lib/vocabulary";
import { ZUpdateProfileInput } from "@/server/services/profile/schemas";
import type { AppRouterOutputs } from "@/server/trpc/types";
import { errorAt, Form, useServerErrors, useZodForm } from "../../_components/form";
import { TimeZoneSelect } from "../../_components/time-zone-select";
import { useTRPC } from "../../_components/trpc";
import { Button, Card, Field, Notice, Select, useToast } from "../../_components/ui";

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

export function ProfileForm({ orgSlug, isClient }: { orgSlug: string; isClient: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: saved } = useSuspenseQuery(trpc.profile.get.queryOptions({ orgSlug }));
  const kinds = Object.keys(saved.reminderPreferences) as Kind[];
  const form = useZodForm(ZUpdateProfileInput, {
    defaultValues: {
      name: saved.name ?? "",
      timeZone: saved.timeZone,
      headline: saved.headline ?? "",
      accomplishments: [0, 1, 2].map((i) => saved.accomplishments[i] ?? ""),
      // A kind never switched off is on.
      reminderPreferences: Object.fromEntries(kinds.map((kind) => [kind, saved.reminderPreferences[kind] !== false])),
      draftTone: saved.draftTone,
    },
  });
  const toast = useToast();
  const update = useMutation(
    trpc.profile.update.mutationOptions({
      onSuccess: async () => {
        toast("Saved. Your reminders follow the new settings.");
        await queryClient.invalidateQueries({ queryKey: trpc.profile.get.queryKey() });
      },
    }),
  );
  const message = useServerErrors(form, update.error);
  const { errors } = form.formState;
  const timeZone = useWatch({ control: form.control, name: "timeZone" });

  // Read after hydration: the server does not know the visitor's zone.
  const browserZone = useSyncExternalStore(noop, deviceZone, () => null);

  return (
    <Form form={form} onSubmit={(values) => update.mutate({ orgSlug, ...values })} className="grid gap-4 lg:grid-cols-3">
      <div className="space-y-4 lg:col-span-2">
        <Card title="About you">
          <div className="space-y-3">
            <Field label="Name" maxLength={120} {...form.register("name")} error={errorAt(errors, "name")} autoComplete="name" />
            <p className="text-sm text-slate-600">Email: {saved.email}</p>
            <Controller
              control={form.control}
              name="timeZone"
              render={({ field }) => <TimeZoneSelect name={field.name} value={field.value ?? ""} onChange={field.onChange} error={errorAt(errors, "timeZone")} />}
            />
            {browserZone && browserZone !== timeZone ? (
              <button type="button" className="text-sm text-brand underline" onClick={() => form.setValue("timeZone", browserZone, { shouldDirty: true })}>
                Use this device&apos;s zone ({browserZone.replaceAll("_", " ")})
              </button>
            ) : null}
            <Field
              label="Headline"
              maxLength={200}
              {...form.register("headline")}
              error={errorAt(errors, "headline")}
              hint="One line on what you bring, for example: Analyst who turns messy data into decisions."
            />
          </div>
        </Card>
        {isClient ? (
          <Card title="Your three strongest accomplishments">
            <p className="mb-3 text-sm text-slate-600">Follow-up letters tie one of these to the challenge an interviewer described. Concrete numbers help.</p>
            <div className="space-y-3">
              {[0, 1, 2].map((index) => (
                <Field
                  key={index}
                  label={`Accomplishment ${index + 1}`}
                  maxLength={300}
                  {...form.register(`accomplishments.${index}`)}
                  error={errorAt(errors, `accomplishments.${index}`)}
                />
              ))}
              {errorAt(errors, "accomplishments") ? <Notice tone="error">{errorAt(errors, "accomplishments")}</Notice> : null}
            </div>
            <div className="mt-4">
              <Select
                label="How your drafts sound"
                {...form.register("draftTone")}
                error={errorAt(errors, "draftTone")}
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
        {kinds.length > 0 ? (
          <Card title={isClient ? "Reminder emails" : "Emails"}>
            <fieldset>
              <legend className="mb-2 text-sm text-slate-600">Switch off the kinds you do not want. They are sent in your time zone, never at night.</legend>
              <ul className="space-y-2">
                {kinds.map((kind) => (
                  <li key={kind}>
                    <label className="flex items-start gap-2 text-sm">
                      <input type="checkbox" className="mt-1" {...form.register(`reminderPreferences.${kind}`)} />
                      <span>
                        {REMINDER_KIND_LABEL[kind] ?? kind}
                        <span className="block text-xs text-slate-500">{REMINDER_HELP[kind]}</span>
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
              {errorAt(errors, "reminderPreferences") ? <Notice tone="error">{errorAt(errors, "reminderPreferences")}</Notice> : null}
            </fieldset>
          </Card>
        ) : null}
        {message ? <Notice tone="error">{message}</Notice> : null}
        <Button type="submit" disabled={update.isPending}>
          {update.isPending ? "Saving…" : "Save profile"}
        </Button>
      </div>
    </Form>
  );
}
