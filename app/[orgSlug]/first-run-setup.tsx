"use client";

import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { Controller } from "react-hook-form";
import { z } from "zod";
import { ZTimeZone } from "@/server/services/interviews/schemas";
import { errorAt, Form, useServerErrors, useZodForm } from "../_components/form";
import { TimeZoneSelect } from "../_components/time-zone-select";
import { useTRPC } from "../_components/trpc";
import { Button, Card, Field, Notice } from "../_components/ui";

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** What the drafts need, each asked for by name: the profile's fields, none of them optional here. */
const ZFirstRunForm = z.object({
  name: z.string().trim().min(1, "Give your name: it signs your drafts.").max(120, "Use at most 120 characters."),
  timeZone: ZTimeZone,
  headline: z.string().trim().min(1, "One line on what you do best, like “Data analyst who makes finance teams trust their numbers”.").max(200, "Use at most 200 characters."),
  accomplishments: z.tuple([
    z.string().trim().min(1, "Name one result you are proud of.").max(300, "Keep each accomplishment under 300 characters."),
    z.string().trim().min(1, "And one more.").max(300, "Keep each accomplishment under 300 characters."),
  ]),
});

/**
 * A new client's first minute: their name, the zone reminders arrive in (the browser's, unless
 * they choose another), a headline and two accomplishments. Every thank-you and follow-up draft
 * is written from these, so they come before the dashboard.
 */
export function FirstRunSetup({ orgSlug, orgName }: { orgSlug: string; orgName: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { data: initial } = useSuspenseQuery(trpc.profile.get.queryOptions({ orgSlug }));
  const form = useZodForm(ZFirstRunForm, {
    defaultValues: {
      name: initial.name ?? "",
      timeZone: initial.timeZone,
      headline: initial.headline ?? "",
      accomplishments: [initial.accomplishments[0] ?? "", initial.accomplishments[1] ?? ""],
    },
  });
  const { errors } = form.formState;
  // Still UTC means nobody chose yet: offer the browser's zone once the page runs in it.
  const unchosen = initial.timeZone === "UTC";
  useEffect(() => {
    if (unchosen && !form.getFieldState("timeZone").isDirty) form.setValue("timeZone", browserZone());
  }, [unchosen, form]);
  const save = useMutation(trpc.profile.update.mutationOptions({ onSuccess: () => router.refresh() }));
  const message = useServerErrors(form, save.error);

  return (
    <Card title={`Welcome to ${orgName}: two minutes before your dashboard`}>
      <p className="mb-4 text-sm text-slate-600">
        Your thank-you notes and follow-ups are drafted from these answers, and reminders arrive on your clock. You can change
        them later on your profile.
      </p>
      <Form form={form} onSubmit={(values) => save.mutate({ orgSlug, ...values })} className="grid gap-4 sm:grid-cols-2" aria-label="First-run setup">
        <Field label="Your name" {...form.register("name")} error={errorAt(errors, "name")} autoComplete="name" />
        <Controller
          control={form.control}
          name="timeZone"
          render={({ field }) => <TimeZoneSelect label="Your time zone" name={field.name} value={field.value} onChange={field.onChange} error={errorAt(errors, "timeZone")} />}
        />
        <div className="sm:col-span-2">
          <Field label="Headline" maxLength={200} {...form.register("headline")} error={errorAt(errors, "headline")} />
        </div>
        <Field
          label="An accomplishment"
          maxLength={300}
          {...form.register("accomplishments.0")}
          error={errorAt(errors, "accomplishments.0") ?? errorAt(errors, "accomplishments")}
          hint="A result with a number works best: “cut month-end close from ten days to four”."
        />
        <Field label="Another accomplishment" maxLength={300} {...form.register("accomplishments.1")} error={errorAt(errors, "accomplishments.1")} />
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
      </Form>
    </Card>
  );
}
