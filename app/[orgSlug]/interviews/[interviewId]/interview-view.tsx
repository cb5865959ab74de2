"use client";

import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import { DRAFT_KIND_LABEL, DRAFT_STATUS_LABEL, INTERVIEW_KIND_LABEL } from "@/lib/vocabulary";
import Link from "next/link";
import { useState } from "react";
import { Controller } from "react-hook-form";
import { z } from "zod";
import { optionalText, ZClockTime, ZIsoDate, ZTimeZone } from "@/server/services/interviews/schemas";
import type { AppRouterOutputs } from "@/server/trpc/types";
import { TimeZoneSelect } from "../../../_components/time-zone-select";
import { errorAt, Form, useServerErrors, useZodForm } from "../../../_components/form";
import { useTRPC } from "../../../_components/trpc";
import { Button, Card, EmptyState, Field, Notice, useConfirm } from "../../../_components/ui";
import { formatDateTime, zoneCity } from "@/lib/dates";
import { InterviewWhen, When } from "../../../_components/when";
import { wallClock } from "../../../_components/zoned";
import { DebriefForm } from "./debrief-form";
import { useInterviewRefresh } from "./refresh";

export type InterviewDetail = AppRouterOutputs["interview"]["byId"];
type Props = { orgSlug: string; clientId?: string; interviewId: string; viewerTimeZone: string; canEdit: boolean };

const STATUS_TEXT = { scheduled: "Scheduled", completed: "Completed", cancelled: "Cancelled" } as const;

export function InterviewView({ orgSlug, clientId, interviewId, viewerTimeZone, canEdit }: Props) {
  const trpc = useTRPC();
  const { data: detail } = useSuspenseQuery(trpc.interview.byId.queryOptions({ orgSlug, clientId, interviewId }));
  const { interview, application, company, hasEnded } = detail;
  const clientQuery = clientId ? `?clientId=${encodeURIComponent(clientId)}` : "";
  const debriefOpen = hasEnded && interview.status !== "cancelled";

  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/${orgSlug}/applications/${application.id}${clientQuery}`} className="text-brand hover:underline">
          ← {application.roleTitle} at {company.name}
        </Link>
      </nav>
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">
          {INTERVIEW_KIND_LABEL[interview.kind]} interview, round {interview.round}
        </h1>
        <p className="text-sm text-slate-600">
          {company.name} · {STATUS_TEXT[interview.status]}
          {interview.debriefedAt ? " · debrief recorded" : ""}
        </p>
      </header>
      {!canEdit ? <Notice>You are viewing this interview read-only: only the client can change it.</Notice> : null}

      <div className="grid gap-4 lg:grid-cols-3">
        <div className="min-w-0 space-y-4 lg:col-span-2">
          {debriefOpen && canEdit ? (
            <Card title={interview.debriefedAt ? "Your debrief" : "Record your debrief while it is fresh"} className="border-brand">
              <DebriefForm orgSlug={orgSlug} detail={detail} viewerTimeZone={viewerTimeZone} />
            </Card>
          ) : null}
          {debriefOpen && !canEdit ? <DebriefSummary detail={detail} /> : null}
          {!hasEnded && interview.status === "scheduled" ? (
            <Notice>
              The debrief opens when the interview ends, at {formatDateTime(interview.endsAt, viewerTimeZone)} ({zoneCity(viewerTimeZone)}).
            </Notice>
          ) : null}
          <DraftsCard orgSlug={orgSlug} clientQuery={clientQuery} drafts={detail.drafts} debriefed={interview.debriefedAt !== null} viewerTimeZone={viewerTimeZone} />
        </div>

        <div className="space-y-4">
          <Card title="When and where">
            <dl className="space-y-3 text-sm">
              <div>
                <dt className="text-slate-500">Time</dt>
                <dd>
                  <InterviewWhen startsAt={interview.startsAt} endsAt={interview.endsAt} viewerTimeZone={viewerTimeZone} timeZone={interview.timeZone} />
                </dd>
              </div>
              <div>
                <dt className="text-slate-500">Where it happens</dt>
                <dd>
                  {formatDateTime(interview.startsAt, interview.timeZone)} in {zoneCity(interview.timeZone)} ({interview.timeZone})
                </dd>
              </div>
              <div>
                <dt className="text-slate-500">Location or link</dt>
                <dd className="break-words">{interview.location || "Not given"}</dd>
              </div>
            </dl>
            {canEdit && interview.status === "scheduled" ? <ChangePlans orgSlug={orgSlug} detail={detail} /> : null}
          </Card>
          <Card title="Interviewers">
            {detail.participants.length === 0 ? (
              <p className="text-sm text-slate-600">No interviewers recorded. You can add them in the debrief.</p>
            ) : (
              <ul className="space-y-2 text-sm">
                {detail.participants.map((p) => (
                  <li key={p.id}>
                    <span className="font-medium">{p.name}</span>
                    {p.title ? <span className="text-slate-500"> · {p.title}</span> : null}
                    <span className="block text-xs text-slate-600">
                      {p.thankYouSentAt ? (
                        <>
                          Thanked{p.thankYouHandwritten ? " by hand" : ""} on <When date={p.thankYouSentAt} timeZone={viewerTimeZone} dateOnly />
                        </>
                      ) : interview.debriefedAt ? (
                        "Thank-you note not sent yet"
                      ) : null}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title="Challenges the company named">
            {company.challenges.length === 0 ? (
              <p className="text-sm text-slate-600">None recorded yet. Add them in the debrief: they shape your follow-up letters.</p>
            ) : (
              <ul className="list-disc space-y-1 pl-5 text-sm">
                {company.challenges.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>
    </div>
  );
}

function DraftsCard({
  orgSlug,
  clientQuery,
  drafts,
  debriefed,
  viewerTimeZone,
}: {
  orgSlug: string;
  clientQuery: string;
  drafts: InterviewDetail["drafts"];
  debriefed: boolean;
  viewerTimeZone: string;
}) {
  // Drafts whose moment has not come (the follow-up letter, a proposal) say when to send them.
  const [now] = useState(() => Date.now());
  return (
    <Card title="Drafts from this interview">
      {drafts.length === 0 ? (
        <EmptyState title={debriefed ? "No drafts for this interview" : "Drafts come with the debrief"}>
          {debriefed
            ? "Add interviewers to the debrief to get a thank-you note and a follow-up letter for each."
            : "Once you save the debrief, a thank-you note for each interviewer appears here, and a follow-up letter for later."}
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100">
          {drafts.map((draft) => (
            <li key={draft.id} className="flex flex-col gap-1 py-2 sm:flex-row sm:items-center sm:justify-between">
              <Link href={`/${orgSlug}/drafts/${draft.id}${clientQuery}`} className="font-medium text-brand hover:underline">
                {DRAFT_KIND_LABEL[draft.kind]}
                {draft.contactName ? ` to ${draft.contactName}` : ""}
              </Link>
              <span className="text-xs text-slate-600">
                {draft.status === "draft" && +new Date(draft.availableAt) > now ? (
                  <>
                    Best sent from <When date={draft.availableAt} timeZone={viewerTimeZone} dateOnly />
                  </>
                ) : (
                  DRAFT_STATUS_LABEL[draft.status]
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function DebriefSummary({ detail }: { detail: InterviewDetail }) {
  const { interview } = detail;
  if (!interview.debriefedAt) return <Notice>The client has not recorded the debrief of this interview yet.</Notice>;
  return (
    <Card title="Debrief">
      <dl className="grid gap-2 text-sm sm:grid-cols-3">
        <dt className="text-slate-500">Asked for the job</dt>
        <dd className="sm:col-span-2">{interview.askedForJob ? "Yes" : "No"}</dd>
        <dt className="text-slate-500">Next steps</dt>
        <dd className="whitespace-pre-line sm:col-span-2">{interview.nextSteps || "—"}</dd>
        <dt className="text-slate-500">Check in</dt>
        <dd className="sm:col-span-2">
          {interview.agreedCheckInOn ? `Agreed for ${interview.agreedCheckInOn}` : interview.notBeforeOn ? `Not before ${interview.notBeforeOn}` : "No date named"}
        </dd>
      </dl>
      <ul className="mt-3 space-y-2 text-sm">
        {detail.participants.map((p) => (
          <li key={p.id}>
            <span className="font-medium">{p.name}:</span> {p.discussed || "nothing noted"}
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** Reschedule asks for a start and a duration; the API's own field schemas check each. */
const ZRescheduleForm = z.object({
  date: ZIsoDate,
  startTime: ZClockTime,
  durationMinutes: z.number({ error: "Give the duration in minutes." }).int().min(5, "An interview lasts at least 5 minutes.").max(720, "An interview lasts at most 12 hours."),
  timeZone: ZTimeZone,
  location: optionalText(500),
});

function ChangePlans({ orgSlug, detail }: { orgSlug: string; detail: InterviewDetail }) {
  const trpc = useTRPC();
  const confirm = useConfirm();
  const refresh = useInterviewRefresh();
  const { interview } = detail;
  const start = wallClock(interview.startsAt, interview.timeZone);
  const [open, setOpen] = useState(false);
  const form = useZodForm(ZRescheduleForm, {
    defaultValues: {
      date: start.date,
      startTime: start.time,
      durationMinutes: Math.round((+interview.endsAt - +interview.startsAt) / 60_000),
      timeZone: interview.timeZone,
      location: interview.location ?? "",
    },
  });
  const { errors } = form.formState;
  const reschedule = useMutation(trpc.interview.reschedule.mutationOptions({ onSuccess: async () => { setOpen(false); await refresh(); } }));
  const cancel = useMutation(trpc.interview.cancel.mutationOptions({ onSuccess: refresh }));
  const message = useServerErrors(form, reschedule.error);

  return (
    <div className="mt-4 space-y-3 border-t border-slate-100 pt-4">
      {reschedule.isSuccess ? <Notice tone="success">Rescheduled. Your reminders follow the new time.</Notice> : null}
      {cancel.error ? <Notice tone="error">{cancel.error.message}</Notice> : null}
      {open ? (
        <Form form={form} onSubmit={(values) => reschedule.mutate({ orgSlug, interviewId: interview.id, ...values })} className="space-y-3">
          <Field label="New date" type="date" {...form.register("date")} error={errorAt(errors, "date")} />
          <Field label="New start time" type="time" {...form.register("startTime")} error={errorAt(errors, "startTime")} />
          <Field label="Duration in minutes" type="number" min={5} max={720} {...form.register("durationMinutes", { valueAsNumber: true })} error={errorAt(errors, "durationMinutes")} />
          <Controller
            control={form.control}
            name="timeZone"
            render={({ field }) => <TimeZoneSelect label="Time zone of the interview" name={field.name} value={field.value} onChange={field.onChange} error={errorAt(errors, "timeZone")} />}
          />
          <Field label="Location or link" maxLength={500} {...form.register("location")} error={errorAt(errors, "location")} />
          {message ? <Notice tone="error">{message}</Notice> : null}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" disabled={reschedule.isPending}>{reschedule.isPending ? "Saving…" : "Save new time"}</Button>
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>Keep the current time</Button>
          </div>
        </Form>
      ) : (
        <div className="flex flex-wrap gap-2">
          <Button type="button" variant="secondary" onClick={() => setOpen(true)}>Reschedule</Button>
          <Button
            type="button"
            variant="danger"
            disabled={cancel.isPending}
            onClick={async () => {
              const yes = await confirm({
                title: "Cancel this interview?",
                description: "Its reminders will be cancelled too.",
                confirmLabel: "Cancel interview",
                cancelLabel: "Keep it",
              });
              if (yes) cancel.mutate({ orgSlug, interviewId: interview.id });
            }}
          >
            Cancel interview
          </Button>
        </div>
      )}
    </div>
  );
}
