"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useWatch } from "react-hook-form";
import { z } from "zod";
import { APPLICATION_STATUS_LABEL, DRAFT_KIND_LABEL, interviewKindPhrase } from "@/lib/vocabulary";
import type { ClientDetail } from "@/server/services/coach/detail";
import { ZAssignTaskInput } from "@/server/services/coach/schemas";
import { ZCommentOnDraftInput, ZCreateNoteInput, ZSendNudgeInput } from "@/server/services/notes/schemas";
import { formatDate, formatDateTime, formatRelative } from "@/lib/dates";
import { emptyAsNone, errorAt, Form, useServerErrors, useZodForm } from "../../../_components/form";
import { useTRPC } from "../../../_components/trpc";
import { Button, Card, EmptyState, Field, Notice, Select, TextArea, useConfirm } from "../../../_components/ui";
import { InterviewWhen } from "../../../_components/when";
import { SittingTightCard } from "../../../_components/check-in";

export function ClientDetailView({
  orgSlug, clientId, viewerMembershipId, viewerTimeZone: zone,
}: { orgSlug: string; clientId: string; viewerMembershipId: string; viewerTimeZone: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = { orgSlug, clientId };
  const detail = useSuspenseQuery(trpc.coach.clientDetail.queryOptions(input));
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.coach.clientDetail.queryKey(input) }),
      queryClient.invalidateQueries({ queryKey: trpc.coach.overview.queryKey() }),
    ]);
  const data = detail.data;
  const readOnly = data.profile.status === "archived";
  const applications = data.pipeline.flatMap((column) => column.applications);

  return (
    <div className="space-y-6">
      {readOnly ? <Notice>This client is archived. Their records are kept read-only; an owner can restore them from the admin page.</Notice> : null}
      <Card title="Pipeline">
        {applications.length === 0 ? (
          <EmptyState title="No applications yet">When the client adds applications, they appear here by stage.</EmptyState>
        ) : (
          // Scrolls sideways inside itself: focusable, so the keyboard can scroll it too.
          <div className="overflow-x-auto pb-2" role="region" aria-label="Applications by stage" tabIndex={0}>
          <div className="flex gap-3" role="list">
            {data.pipeline.map((column) => (
              <section key={column.status} role="listitem" className="w-48 shrink-0 rounded-lg bg-slate-50 p-2" aria-label={`${APPLICATION_STATUS_LABEL[column.status]}: ${column.applications.length}`}>
                <h3 className="mb-2 text-xs font-semibold uppercase text-slate-600">
                  {APPLICATION_STATUS_LABEL[column.status]} <span className="font-normal">({column.applications.length})</span>
                </h3>
                <ul className="space-y-2">
                  {column.applications.map((a) => (
                    <li key={a.id} className="rounded-md border border-slate-200 bg-white p-2 text-sm">
                      <p className="font-medium">{a.roleTitle}</p>
                      <p className="text-xs text-slate-600">{a.companyName}</p>
                      <p className="text-xs text-slate-600">since {formatDate(a.statusChangedAt, zone)}</p>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
          </div>
        )}
      </Card>

      <SittingTightCard
        outlooks={data.checkIns}
        audience="coach"
        hrefOf={(outlook) => `/${orgSlug}/applications/${outlook.applicationId}?clientId=${encodeURIComponent(clientId)}`}
      />

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Interviews">
          {data.interviews.length === 0 ? (
            <EmptyState title="No upcoming interviews">Interviews the client schedules show here, with their debrief status.</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {data.interviews.map((i) => {
                const ended = +new Date(i.endsAt) < Date.now();
                return (
                  <li key={i.id} className="py-2">
                    <p className="font-medium">{i.companyName} · {i.roleTitle} (round {i.round}, {interviewKindPhrase(i.kind)})</p>
                    <p className="text-slate-600">
                      <InterviewWhen startsAt={new Date(i.startsAt)} viewerTimeZone={zone} timeZone={i.timeZone} />
                    </p>
                    <p className="text-xs">
                      {i.debriefedAt ? (
                        <span className="text-emerald-700">Debriefed {formatRelative(i.debriefedAt)}</span>
                      ) : ended ? (
                        <span className="font-medium text-amber-700">Waiting for the debrief</span>
                      ) : (
                        <span className="text-slate-500">Debrief after the interview</span>
                      )}
                      {i.participants.length ? ` · with ${i.participants.map((p) => `${p.name}${p.thankYouSentAt ? " (thanked)" : ""}`).join(", ")}` : ""}
                    </p>
                  </li>
                );
              })}
            </ul>
          )}
        </Card>

        <Card title="Promises and tasks">
          {data.commitments.length === 0 ? (
            <EmptyState title="No promises yet">Promises from debriefs and tasks you assign below show here.</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {data.commitments.map((c) => {
                const overdue = !c.doneAt && !c.releasedAt && +new Date(c.dueAt) < Date.now();
                return (
                  <li key={c.id} className="flex flex-wrap justify-between gap-2 py-2">
                    <span>
                      {c.description}
                      {c.source === "coach_task" ? <span className="ml-1 text-xs text-slate-500">(task from {c.assignedByName ?? "a coach"})</span> : null}
                    </span>
                    <span className={`text-xs ${overdue ? "font-semibold text-red-700" : "text-slate-500"}`}>
                      {c.doneAt ? `Done ${formatDate(c.doneAt, zone)}` : c.releasedAt ? `No longer needed (application closed ${formatDate(c.releasedAt, zone)})` : `${overdue ? "Overdue since" : "Due"} ${formatDateTime(c.dueAt, zone)}`}
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
          {readOnly ? null : <AssignTaskForm orgSlug={orgSlug} clientId={clientId} applications={applications} onDone={refresh} />}
        </Card>
      </div>

      <Card title="Drafts">
        {data.drafts.length === 0 ? (
          <EmptyState title="No drafts yet">Drafts appear once the client records an interview debrief.</EmptyState>
        ) : (
          <ul className="space-y-4">
            {data.drafts.map((d) => (
              <li key={d.id} className="rounded-lg border border-slate-200 p-3 text-sm">
                {/* Collapsed by default: a dozen expanded drafts made the page thousands of pixels long. */}
                <details>
                  <summary className="cursor-pointer break-words font-medium">
                    {d.subject}
                    <span className="ml-2 text-xs font-normal text-slate-500">
                      {DRAFT_KIND_LABEL[d.kind]} ·{" "}
                      {d.status === "sent" ? `sent${d.sentAt ? ` ${formatDate(d.sentAt, zone)}` : ""}${d.handwritten ? " (handwritten)" : ""}` : "not sent yet"}
                      {d.contactName ? ` · to ${d.contactName}` : ""}
                      {d.comments.length ? ` · ${d.comments.length} comment${d.comments.length === 1 ? "" : "s"}` : ""}
                    </span>
                  </summary>
                  <p className="mt-1 whitespace-pre-wrap break-words text-slate-700">{d.body}</p>
                </details>
                {d.comments.length ? (
                  <ul className="mt-2 space-y-1 border-l-2 border-brand pl-3">
                    {d.comments.map((c) => (
                      <li key={c.id}><span className="font-medium">{c.authorName}:</span> {c.body}</li>
                    ))}
                  </ul>
                ) : null}
                {readOnly ? null : <DraftCommentForm orgSlug={orgSlug} clientId={clientId} draftId={d.id} onDone={refresh} />}
              </li>
            ))}
          </ul>
        )}
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Notes">
          {readOnly ? null : <NoteForm orgSlug={orgSlug} clientId={clientId} onDone={refresh} />}
          {data.notes.length === 0 ? (
            <p className="mt-3 text-sm text-slate-600">No notes yet. Private notes stay with coaches; shared ones show on the client&apos;s dashboard.</p>
          ) : (
            <ul className="mt-4 divide-y divide-slate-100 text-sm">
              {data.notes.map((n) => (
                <NoteItem key={n.id} note={n} mine={n.authorMembershipId === viewerMembershipId} orgSlug={orgSlug} clientId={clientId} zone={zone} onDone={refresh} />
              ))}
            </ul>
          )}
        </Card>

        <Card title="Nudges">
          {readOnly ? null : <NudgeForm orgSlug={orgSlug} clientId={clientId} onDone={refresh} />}
          {data.nudges.length === 0 ? (
            <p className="mt-3 text-sm text-slate-600">No nudges sent yet. A nudge is emailed to the client and shown on their dashboard.</p>
          ) : (
            <ul className="mt-4 divide-y divide-slate-100 text-sm">
              {data.nudges.map((n) => (
                <li key={n.id} className="py-2">
                  <p className="whitespace-pre-wrap">{n.message}</p>
                  <p className="text-xs text-slate-500">
                    {n.coachName} · {formatDateTime(n.createdAt, zone)} · {n.readAt ? `read ${formatRelative(n.readAt)}` : "not read yet"}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Reminders">
          <h3 className="mb-1 text-sm font-semibold">Scheduled</h3>
          {data.scheduledReminders.length === 0 ? (
            <p className="text-sm text-slate-600">Nothing scheduled.</p>
          ) : (
            <ReminderList reminders={data.scheduledReminders} zone={zone} />
          )}
          <h3 className="mb-1 mt-4 text-sm font-semibold">Sent</h3>
          {data.sentReminders.length === 0 ? <p className="text-sm text-slate-600">Nothing sent yet.</p> : <ReminderList reminders={data.sentReminders} zone={zone} />}
        </Card>
        <Card title="Timeline">
          {data.timeline.length === 0 ? (
            <p className="text-sm text-slate-600">Nothing has happened yet.</p>
          ) : (
            <ol className="space-y-2 text-sm">
              {data.timeline.map((a) => (
                <li key={a.id} className="flex justify-between gap-3">
                  <span>{a.summary}</span>
                  <time className="shrink-0 text-xs text-slate-500" dateTime={new Date(a.occurredAt).toISOString()} title={formatDateTime(a.occurredAt, zone)}>
                    {formatRelative(a.occurredAt)}
                  </time>
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>
    </div>
  );
}

function ReminderList({ reminders, zone }: { reminders: ClientDetail["scheduledReminders"]; zone: string }) {
  return (
    <ul className="divide-y divide-slate-100 text-sm">
      {reminders.map((r) => (
        <li key={r.id} className="py-1.5">
          <p>{r.reason}</p>
          <p className="text-xs text-slate-500">
            {r.status === "sent" ? `Sent${r.sentAt ? ` ${formatDateTime(r.sentAt, zone)}` : ""}` : `${r.status === "failed" ? "Failed; was due" : "Due"} ${formatDateTime(r.dueAt, zone)}`}
          </p>
        </li>
      ))}
    </ul>
  );
}

type Refresh = () => Promise<unknown>;

/** A note as the form asks it: sharing is a checkbox, the API's visibility. */
const ZNoteForm = ZCreateNoteInput.pick({ body: true }).extend({ shared: z.boolean() });

function NoteForm({ orgSlug, clientId, onDone }: { orgSlug: string; clientId: string; onDone: Refresh }) {
  const trpc = useTRPC();
  const form = useZodForm(ZNoteForm, { defaultValues: { body: "", shared: false } });
  const [body, shared] = useWatch({ control: form.control, name: ["body", "shared"] });
  const create = useMutation(trpc.note.create.mutationOptions({ onSuccess: async () => { form.reset(); await onDone(); } }));
  const message = useServerErrors(form, create.error, { visibility: "shared" });
  const { errors } = form.formState;
  return (
    <Form form={form} className="space-y-2" onSubmit={({ shared, ...note }) => create.mutate({ orgSlug, clientId, ...note, visibility: shared ? "shared" : "private" })}>
      <TextArea id="note-body" label="Note" maxLength={5000} rows={4} {...form.register("body")} error={errorAt(errors, "body")} />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" {...form.register("shared")} />
        Share with the client
      </label>
      <p className="text-xs text-slate-500">{shared ? "The client will see this note." : "Only coaches and owners will see this note."}</p>
      {message ? <Notice tone="error">{message}</Notice> : null}
      <Button type="submit" disabled={create.isPending || !body.trim()}>{create.isPending ? "Saving…" : "Save note"}</Button>
    </Form>
  );
}

function NoteItem({ note, mine, orgSlug, clientId, zone, onDone }: { note: ClientDetail["notes"][number]; mine: boolean; orgSlug: string; clientId: string; zone: string; onDone: Refresh }) {
  const trpc = useTRPC();
  const confirm = useConfirm();
  const remove = useMutation(trpc.note.delete.mutationOptions({ onSuccess: onDone }));
  const update = useMutation(trpc.note.update.mutationOptions({ onSuccess: onDone }));
  return (
    <li className="py-2">
      <p className="whitespace-pre-wrap">{note.body}</p>
      <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-500">
        <span className={`rounded-full px-2 py-0.5 ${note.visibility === "shared" ? "bg-emerald-100 text-emerald-900" : "bg-slate-100"}`}>
          {note.visibility === "shared" ? "Shared with the client" : "Private"}
        </span>
        {note.authorName} · {formatDateTime(note.createdAt, zone)}
        {mine ? (
          <>
            <button type="button" className="underline" onClick={() => update.mutate({ orgSlug, clientId, noteId: note.id, visibility: note.visibility === "shared" ? "private" : "shared" })}>
              {note.visibility === "shared" ? "Make private" : "Share"}
            </button>
            <button type="button" className="text-red-700 underline" onClick={async () => {
                if (await confirm({ title: "Delete this note?", description: "It cannot be brought back.", confirmLabel: "Delete note" })) remove.mutate({ orgSlug, clientId, noteId: note.id });
              }}>
              Delete
            </button>
          </>
        ) : null}
      </p>
      {remove.error ?? update.error ? <Notice tone="error">{(remove.error ?? update.error)!.message}</Notice> : null}
    </li>
  );
}

function NudgeForm({ orgSlug, clientId, onDone }: { orgSlug: string; clientId: string; onDone: Refresh }) {
  const trpc = useTRPC();
  const form = useZodForm(ZSendNudgeInput, { defaultValues: { message: "" } });
  const message = useWatch({ control: form.control, name: "message" });
  const send = useMutation(trpc.nudge.send.mutationOptions({ onSuccess: async () => { form.reset(); await onDone(); } }));
  const problem = useServerErrors(form, send.error);
  return (
    <Form form={form} className="space-y-2" onSubmit={(values) => send.mutate({ orgSlug, clientId, ...values })}>
      <TextArea
        id="nudge-message"
        label="Nudge message"
        maxLength={1000}
        rows={4}
        {...form.register("message")}
        error={errorAt(form.formState.errors, "message")}
        hint={`${message.length}/1,000 · emailed to the client`}
      />
      {problem ? <Notice tone="error">{problem}</Notice> : null}
      {send.isSuccess ? <Notice tone="success">Nudge sent.</Notice> : null}
      <Button type="submit" disabled={send.isPending || !message.trim()}>{send.isPending ? "Sending…" : "Send nudge"}</Button>
    </Form>
  );
}

const ZDraftComment = ZCommentOnDraftInput.pick({ body: true });

function DraftCommentForm({ orgSlug, clientId, draftId, onDone }: { orgSlug: string; clientId: string; draftId: string; onDone: Refresh }) {
  const trpc = useTRPC();
  const form = useZodForm(ZDraftComment, { defaultValues: { body: "" } });
  const body = useWatch({ control: form.control, name: "body" });
  const comment = useMutation(trpc.note.commentOnDraft.mutationOptions({ onSuccess: async () => { form.reset(); await onDone(); } }));
  const message = useServerErrors(form, comment.error);
  return (
    <Form form={form} className="mt-2 space-y-2" onSubmit={(values) => comment.mutate({ orgSlug, clientId, draftId, ...values })}>
      <TextArea id={`comment-${draftId}`} label="Comment for the client" maxLength={2000} rows={2} {...form.register("body")} error={errorAt(form.formState.errors, "body")} />
      {message ? <Notice tone="error">{message}</Notice> : null}
      <Button variant="secondary" type="submit" disabled={comment.isPending || !body.trim()}>Add comment</Button>
    </Form>
  );
}

/**
 * A task as the form asks it: an application or none. The due time is the API's own field, which
 * reads the date-time input's value in the device's zone (an empty one is "Choose a due date.").
 */
const ZTaskForm = ZAssignTaskInput.extend({
  applicationId: emptyAsNone(ZAssignTaskInput.shape.applicationId.unwrap()),
});

function AssignTaskForm({ orgSlug, clientId, applications, onDone }: { orgSlug: string; clientId: string; applications: Array<{ id: string; roleTitle: string; companyName: string }>; onDone: Refresh }) {
  const trpc = useTRPC();
  const form = useZodForm(ZTaskForm, { defaultValues: { description: "", dueAt: "", applicationId: "" } });
  const assign = useMutation(trpc.coach.assignTask.mutationOptions({ onSuccess: async () => { form.reset(); await onDone(); } }));
  const message = useServerErrors(form, assign.error);
  const { errors } = form.formState;
  return (
    <Form form={form} className="mt-4 space-y-3 border-t border-slate-100 pt-4" onSubmit={(values) => assign.mutate({ orgSlug, clientId, ...values })}>
      <h3 className="text-sm font-semibold">Assign a task</h3>
      <Field label="Task" maxLength={500} required {...form.register("description")} error={errorAt(errors, "description")} />
      <Field label="Due" type="datetime-local" required {...form.register("dueAt")} error={errorAt(errors, "dueAt")} hint="In your time zone" />
      {applications.length ? (
        <Select label="For the application (optional)" {...form.register("applicationId")} error={errorAt(errors, "applicationId")}>
          <option value="">Not tied to an application</option>
          {applications.map((a) => <option key={a.id} value={a.id}>{a.companyName} · {a.roleTitle}</option>)}
        </Select>
      ) : null}
      {message ? <Notice tone="error">{message}</Notice> : null}
      {assign.isSuccess ? <Notice tone="success">Task assigned; the client will be reminded before it is due.</Notice> : null}
      <Button type="submit" disabled={assign.isPending}>{assign.isPending ? "Assigning…" : "Assign task"}</Button>
    </Form>
  );
}
