"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { APPLICATION_STATUS_LABEL, DRAFT_KIND_LABEL, DRAFT_STATUS_LABEL, INTERVIEW_KIND_LABEL, REMINDER_KIND_LABEL } from "@/lib/vocabulary";
import Link from "next/link";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import { z } from "zod";
import { ZChangeApplicationStatusInput, ZUpdateApplicationInput } from "@/server/services/applications/schemas";
import { APPLICATION_STATUSES } from "@/server/services/applications/status";
import { ZUpdateCompanyInput } from "@/server/services/companies/schemas";
import { formatSalary, JOB_TYPE_LABEL, WORKPLACE_LABEL } from "@/server/services/applications/values";
import type { AppRouterOutputs } from "@/server/trpc/types";
import { DEBRIEF_LABEL, REJECT_CONFIRM } from "../../../_components/followup-labels";
import { StatusBadge } from "../../../_components/status-badge";
import { checkedBy, errorAt, Form, useServerErrors, useZodForm } from "../../../_components/form";
import { useTRPC } from "../../../_components/trpc";
import { Button, ButtonLink, Card, EmptyState, Field, Notice, TextArea, useConfirm, useToast } from "../../../_components/ui";
import { InterviewWhen, When } from "../../../_components/when";
import { ApplicationDetailsFields, detailsOf, ZApplicationDetailsForm } from "../application-details-fields";
import { CheckInOutlookLine } from "../../../_components/check-in";
import { ChallengesEditor } from "./challenges-editor";

type Detail = AppRouterOutputs["application"]["byId"];
type Props = { orgSlug: string; clientId?: string; applicationId: string; viewerTimeZone: string };


/**
 * A change here shows up on the board, the dashboard and the drafts pages (a rejection drafts a
 * reply), so every cached query is marked stale; only the ones on screen refetch.
 */
function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries();
}

export function ApplicationDetail({ orgSlug, clientId, applicationId, viewerTimeZone }: Props) {
  const trpc = useTRPC();
  const { data: detail } = useSuspenseQuery(trpc.application.byId.queryOptions({ orgSlug, clientId, applicationId }));
  const { application, company, canEdit } = detail;
  const base = `/${orgSlug}`;
  const clientQuery = clientId ? `?clientId=${encodeURIComponent(clientId)}` : "";

  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`${base}/applications${clientQuery}`} className="text-brand hover:underline">
          ← All applications
        </Link>
      </nav>
      <Header detail={detail} orgSlug={orgSlug} viewerTimeZone={viewerTimeZone} />
      {!canEdit ? <Notice>You are viewing this application read-only: only the client can change it.</Notice> : null}

      <div className="grid gap-4 lg:grid-cols-3">
        <div className="min-w-0 space-y-4 lg:col-span-2">
          {detail.checkIn ? (
            <Card title="Next step: sit tight, then check in">
              <CheckInOutlookLine outlook={detail.checkIn} audience={canEdit ? "client" : "coach"} />
            </Card>
          ) : null}
          <StatusCard detail={detail} orgSlug={orgSlug} viewerTimeZone={viewerTimeZone} />
          <Card title="Interviews">
            {detail.interviews.length === 0 ? (
              <EmptyState
                title="No interviews yet"
                action={canEdit ? <ButtonLink href={`${base}/interviews/new?applicationId=${application.id}`}>Schedule an interview</ButtonLink> : undefined}
              >
                When you are invited to interview, schedule it here: you will be reminded to prepare and to debrief.
              </EmptyState>
            ) : (
              <>
                <ul className="divide-y divide-slate-100">
                  {detail.interviews.map((interview) => (
                    <li key={interview.id} className="flex flex-col gap-1 py-3 sm:flex-row sm:justify-between">
                      <div className="min-w-0 text-sm">
                        <Link href={`${base}/interviews/${interview.id}`} className="font-medium text-brand hover:underline">
                          Round {interview.round} · {INTERVIEW_KIND_LABEL[interview.kind] ?? interview.kind}
                        </Link>
                        {interview.status === "cancelled" ? <span className="ml-2 text-xs text-slate-500">(cancelled)</span> : null}
                        <p className="text-slate-600">
                          {interview.participants.length
                            ? `With ${interview.participants.map((p) => p.name).join(", ")}`
                            : "No interviewers added yet"}
                        </p>
                        <p className="text-xs text-slate-500">{DEBRIEF_LABEL[interview.debriefStatus]}</p>
                      </div>
                      <div className="text-sm sm:text-right">
                        <InterviewWhen startsAt={interview.startsAt} endsAt={interview.endsAt} viewerTimeZone={viewerTimeZone} timeZone={interview.timeZone} />
                      </div>
                    </li>
                  ))}
                </ul>
                {canEdit ? (
                  <div className="mt-3">
                    <ButtonLink href={`${base}/interviews/new?applicationId=${application.id}`} variant="secondary">
                      Schedule an interview
                    </ButtonLink>
                  </div>
                ) : null}
              </>
            )}
          </Card>
          <ResearchCard detail={detail} orgSlug={orgSlug} viewerTimeZone={viewerTimeZone} />
          <Card title="Timeline">
            {detail.timeline.length === 0 ? (
              <EmptyState title="Nothing recorded yet">Status changes, interviews and sent messages will be listed here.</EmptyState>
            ) : (
              <ol className="space-y-2 text-sm">
                {detail.timeline.map((entry) => (
                  <li key={entry.id} className="flex flex-col sm:flex-row sm:gap-3">
                    <span className="shrink-0 text-xs text-slate-500 sm:w-36 sm:pt-0.5">
                      <When date={entry.occurredAt} timeZone={viewerTimeZone} />
                    </span>
                    <span>
                      {entry.summary}
                      {entry.actorName ? <span className="text-slate-500"> · {entry.actorName}</span> : null}
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </Card>
        </div>

        <div className="min-w-0 space-y-4">
          <Card title={<span id="good-word">Who could put in a good word</span>}>
            {detail.goodWord.length === 0 ? (
              <EmptyState title="Nobody linked yet">
                On a contact&apos;s page, note who they know at {company.name} or among your interviewers; they will show up here.
              </EmptyState>
            ) : (
              <ul className="space-y-3 text-sm">
                {detail.goodWord.map((person) => (
                  <li key={person.contactId}>
                    <span className="font-medium">{person.name}</span>
                    {person.title ? <span className="text-slate-500"> · {person.title}</span> : null}
                    <span className="block text-slate-600">Knows {person.knows.map((k) => k.label).join(", ")}</span>
                  </li>
                ))}
              </ul>
            )}
          </Card>

          {detail.peopleAtCompany.length > 0 ? (
            <Card title={`You know ${detail.peopleAtCompany.length} ${detail.peopleAtCompany.length === 1 ? "person" : "people"} at ${company.name}`}>
              <ul className="space-y-2 text-sm">
                {detail.peopleAtCompany.map((person) => (
                  <li key={person.id}>
                    <span className="font-medium">{person.name}</span>
                    {person.title ? <span className="text-slate-500"> · {person.title}</span> : null}
                    {person.linkedinUrl ? (
                      <a href={person.linkedinUrl} target="_blank" rel="noopener noreferrer nofollow" className="ml-2 text-brand hover:underline">
                        LinkedIn ↗
                      </a>
                    ) : null}
                  </li>
                ))}
              </ul>
              <p className="mt-2 text-xs text-slate-500">A word from someone inside carries weight: consider asking one of them about the team.</p>
            </Card>
          ) : null}

          <Card title={`People at ${company.name}`}>
            {detail.contacts.length === 0 ? (
              <EmptyState title="No contacts here yet" action={canEdit ? <ButtonLink href={`${base}/contacts`} variant="secondary">Open contacts</ButtonLink> : undefined}>
                Add recruiters and interviewers you meet, so thank-you notes and letters can be addressed to them.
              </EmptyState>
            ) : (
              <ul className="space-y-2 text-sm">
                {detail.contacts.map((contact) => (
                  <li key={contact.id}>
                    <span className="font-medium">{contact.name}</span>
                    <span className="block text-slate-500">{[contact.title, contact.email].filter(Boolean).join(" · ") || contact.role}</span>
                  </li>
                ))}
              </ul>
            )}
          </Card>

          <Card title="Promises">
            {detail.commitments.length === 0 ? (
              <EmptyState title="No promises recorded">Things you promise in an interview, like references or a work sample, are tracked here.</EmptyState>
            ) : (
              <ul className="space-y-2 text-sm">
                {detail.commitments.map((commitment) => (
                  <li key={commitment.id} className={commitment.doneAt || commitment.releasedAt ? "text-slate-500 line-through" : undefined}>
                    {commitment.description}
                    <span className="block text-xs text-slate-500 no-underline">
                      {commitment.contactName ? `To ${commitment.contactName} · ` : ""}
                      {commitment.doneAt ? "Done " : commitment.releasedAt ? "No longer needed since " : "Due "}
                      <When date={commitment.doneAt ?? commitment.releasedAt ?? commitment.dueAt} timeZone={viewerTimeZone} />
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {canEdit && detail.commitments.length ? (
              <p className="mt-2 text-sm">
                <Link href={`${base}/commitments`} className="text-brand hover:underline">
                  Manage promises
                </Link>
              </p>
            ) : null}
          </Card>

          <Card title="Drafts">
            {detail.drafts.length === 0 ? (
              <EmptyState title="No drafts yet">Recording a debrief drafts thank-you notes and follow-up letters for this application.</EmptyState>
            ) : (
              <ul className="space-y-2 text-sm">
                {detail.drafts.map((draft) => (
                  <li key={draft.id}>
                    <Link href={`${base}/drafts/${draft.id}`} className="font-medium text-brand hover:underline">
                      {draft.subject}
                    </Link>
                    <span className="block text-xs text-slate-500">
                      {DRAFT_KIND_LABEL[draft.kind] ?? draft.kind}
                      {draft.contactName ? ` to ${draft.contactName}` : ""} · {DRAFT_STATUS_LABEL[draft.status] ?? draft.status}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>

          <Card title="Scheduled reminders">
            {detail.reminders.length === 0 ? (
              <EmptyState title="Nothing scheduled">
                Reminders are planned from interviews, debriefs and promises; closed applications get none.
              </EmptyState>
            ) : (
              <ul className="space-y-3 text-sm">
                {detail.reminders.map((reminder) => (
                  <li key={reminder.id}>
                    <span className="font-medium">{REMINDER_KIND_LABEL[reminder.kind] ?? reminder.kind}</span>
                    <span className="block text-xs text-slate-500">
                      {reminder.status === "sent" ? "Emailed " : "Will be emailed "}
                      <When date={reminder.sentAt ?? reminder.dueAt} timeZone={viewerTimeZone} />
                    </span>
                    <span className="mt-0.5 block text-slate-600">{reminder.reason}</span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>
    </div>
  );
}

function Header({ detail, orgSlug, viewerTimeZone }: { detail: Detail; orgSlug: string; viewerTimeZone: string }) {
  const trpc = useTRPC();
  const confirm = useConfirm();
  const refresh = useRefresh();
  const { application, company, canEdit } = detail;
  const archive = useMutation(trpc.application.archive.mutationOptions({ onSuccess: refresh }));
  const unarchive = useMutation(trpc.application.unarchive.mutationOptions({ onSuccess: refresh }));
  const [editing, setEditing] = useState(false);
  const error = archive.error ?? unarchive.error;
  return (
    <Card>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight">
            {application.roleTitle} <span className="font-normal text-slate-600">at {company.name}</span>
          </h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <StatusBadge status={application.status} />
            {application.source ? <span>Source: {application.source}</span> : null}
            {application.jobUrl ? (
              <a href={application.jobUrl} target="_blank" rel="noopener noreferrer nofollow" className="text-brand hover:underline">
                Job posting ↗
              </a>
            ) : null}
          </p>
        </div>
        {canEdit ? (
          <div className="flex shrink-0 gap-2">
            <Button type="button" variant="secondary" onClick={() => setEditing((value) => !value)} aria-expanded={editing}>
              {editing ? "Close" : "Edit details"}
            </Button>
            {application.archivedAt ? (
              <Button type="button" variant="secondary" disabled={unarchive.isPending} onClick={() => unarchive.mutate({ orgSlug, applicationId: application.id })}>
                Restore
              </Button>
            ) : (
              <Button
                type="button"
                variant="danger"
                disabled={archive.isPending}
                onClick={async () => {
                  if (await confirm({ title: "Archive this application?", description: "It leaves your board and its reminders stop.", confirmLabel: "Archive" })) {
                    archive.mutate({ orgSlug, applicationId: application.id });
                  }
                }}
              >
                Archive
              </Button>
            )}
          </div>
        ) : null}
      </div>
      {!editing ? <ApplicationFacts application={application} /> : null}
      {application.archivedAt ? <p className="mt-3 text-sm text-amber-800">Archived: this application is hidden from your board and gets no reminders.</p> : null}
      {application.notes && !editing ? <p className="mt-3 whitespace-pre-line text-sm text-slate-700">{application.notes}</p> : null}
      {error ? <div className="mt-3"><Notice tone="error">{error.message}</Notice></div> : null}
      {application.postingSnapshot && !editing ? (
        <details className="mt-3 rounded-lg border border-slate-200 p-3">
          <summary className="cursor-pointer text-sm font-medium">
            The posting as saved{application.postingCapturedAt ? <> on <When date={application.postingCapturedAt} timeZone={viewerTimeZone} dateOnly /></> : null}
          </summary>
          <p className="mt-2 max-h-96 overflow-y-auto whitespace-pre-line text-sm text-slate-700">{application.postingSnapshot}</p>
        </details>
      ) : null}
      {editing ? <DetailsForm detail={detail} orgSlug={orgSlug} onDone={() => setEditing(false)} /> : null}
    </Card>
  );
}

/** Location, workplace, pay, dates, excitement and tags, as one line of facts under the title. */
function ApplicationFacts({ application }: { application: Detail["application"] }) {
  const salary = formatSalary({ min: application.salaryMin, max: application.salaryMax, currency: application.salaryCurrency });
  const facts = [
    application.location,
    application.workplaceType && WORKPLACE_LABEL[application.workplaceType],
    application.jobType && JOB_TYPE_LABEL[application.jobType],
    salary,
    application.savedOn && `Saved ${application.savedOn}`,
    application.appliedOn && `Applied ${application.appliedOn}`,
    application.deadlineOn && `Deadline ${application.deadlineOn}`,
  ].filter(Boolean);
  if (facts.length === 0 && application.excitement === null && application.tags.length === 0) return null;
  return (
    <div className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600">
      {facts.map((fact) => (
        <span key={fact as string}>{fact}</span>
      ))}
      {application.excitement !== null ? (
        <span aria-label={`Excitement ${application.excitement} of 5`} title={`Excitement ${application.excitement} of 5`} className="text-amber-500">
          {"★".repeat(application.excitement)}
          <span className="text-slate-300">{"★".repeat(5 - application.excitement)}</span>
        </span>
      ) : null}
      {application.tags.map((tag) => (
        <span key={tag} className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">
          {tag}
        </span>
      ))}
    </div>
  );
}

const updateApi = ZUpdateApplicationInput.shape;
const ZDetailsForm = ZApplicationDetailsForm.extend({
  roleTitle: updateApi.roleTitle.unwrap(),
  jobUrl: checkedBy(updateApi.jobUrl.unwrap()),
  source: checkedBy(updateApi.source.unwrap()),
  notes: updateApi.notes.unwrap(),
});

function DetailsForm({ detail, orgSlug, onDone }: { detail: Detail; orgSlug: string; onDone: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const { application } = detail;
  const form = useZodForm(ZDetailsForm, {
    defaultValues: {
      roleTitle: application.roleTitle,
      jobUrl: application.jobUrl ?? "",
      source: application.source ?? "",
      notes: application.notes,
      ...detailsOf(application),
    },
  });
  const { errors } = form.formState;
  const update = useMutation(
    trpc.application.update.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onDone();
      },
    }),
  );
  const message = useServerErrors(form, update.error);
  return (
    <Form form={form} onSubmit={(values) => update.mutate({ orgSlug, applicationId: application.id, ...values })} className="mt-4 space-y-3 border-t border-slate-100 pt-4">
      {message ? <Notice tone="error">{message}</Notice> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Role" maxLength={200} {...form.register("roleTitle")} error={errorAt(errors, "roleTitle")} />
        <Field label="Source" maxLength={200} {...form.register("source")} error={errorAt(errors, "source")} />
      </div>
      <Field label="Job link" type="url" maxLength={2000} placeholder="https://" {...form.register("jobUrl")} error={errorAt(errors, "jobUrl")} />
      <ApplicationDetailsFields />
      <TextArea label="Notes" rows={4} maxLength={10_000} {...form.register("notes")} error={errorAt(errors, "notes")} />
      <div className="flex justify-end">
        <Button type="submit" disabled={update.isPending}>
          {update.isPending ? "Saving…" : "Save details"}
        </Button>
      </div>
    </Form>
  );
}

const ZStatusForm = ZChangeApplicationStatusInput.pick({ status: true });

function StatusCard({ detail, orgSlug, viewerTimeZone }: { detail: Detail; orgSlug: string; viewerTimeZone: string }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const { application, canEdit } = detail;
  const form = useZodForm(ZStatusForm, { defaultValues: { status: application.status } });
  const next = useWatch({ control: form.control, name: "status" });
  const changeStatus = useMutation(trpc.application.changeStatus.mutationOptions({ onSuccess: refresh }));
  const confirm = useConfirm();
  const submit = async ({ status }: z.output<typeof ZStatusForm>) => {
    if (status === application.status) return;
    if (status === "rejected" && !(await confirm(REJECT_CONFIRM))) return;
    changeStatus.mutate({ orgSlug, applicationId: application.id, status });
  };
  return (
    <Card title="Status">
      {canEdit ? (
        <Form form={form} onSubmit={submit} className="mb-4 flex flex-col gap-2 sm:flex-row sm:items-end">
          <label className="block flex-1">
            <span className="mb-1 block text-sm font-medium text-slate-800">Move this application to</span>
            <select
              {...form.register("status")}
              className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm"
            >
              {APPLICATION_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {APPLICATION_STATUS_LABEL[status]}
                  {status === application.status ? " (current)" : ""}
                </option>
              ))}
            </select>
          </label>
          <Button type="submit" disabled={changeStatus.isPending || next === application.status}>
            {changeStatus.isPending ? "Saving…" : "Update status"}
          </Button>
        </Form>
      ) : null}
      {changeStatus.error ? <Notice tone="error">{changeStatus.error.message}</Notice> : null}
      <ol className="space-y-1.5 text-sm" aria-label="Status history">
        {detail.history.map((entry) => (
          <li key={entry.id} className="flex flex-col sm:flex-row sm:gap-3">
            <span className="shrink-0 text-xs text-slate-500 sm:w-36 sm:pt-0.5">
              <When date={entry.changedAt} timeZone={viewerTimeZone} />
            </span>
            <span>
              {entry.fromStatus ? `${APPLICATION_STATUS_LABEL[entry.fromStatus]} → ` : "Added as "}
              <strong className="font-medium">{APPLICATION_STATUS_LABEL[entry.toStatus]}</strong>
              {entry.changedByName ? <span className="text-slate-500"> · {entry.changedByName}</span> : null}
            </span>
          </li>
        ))}
      </ol>
    </Card>
  );
}

const companyApi = ZUpdateCompanyInput.shape;
const ZResearchForm = z.object({ website: checkedBy(companyApi.website.unwrap()), researchNotes: companyApi.researchNotes.unwrap() });

function ResearchCard({ detail, orgSlug, viewerTimeZone }: { detail: Detail; orgSlug: string; viewerTimeZone: string }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const { company, canEdit } = detail;
  const form = useZodForm(ZResearchForm, { defaultValues: { website: company.website ?? "", researchNotes: company.researchNotes } });
  const { errors, isDirty } = form.formState;
  const notes = useWatch({ control: form.control, name: "researchNotes" }) ?? "";
  const toast = useToast();
  const update = useMutation(
    trpc.company.update.mutationOptions({
      onSuccess: async (_, saved) => {
        toast("Research saved.");
        // What was saved is the new baseline; anything typed since stays in the fields.
        form.reset({ website: saved.website ?? "", researchNotes: saved.researchNotes ?? "" }, { keepValues: true });
        await refresh();
      },
    }),
  );
  const message = useServerErrors(form, update.error);
  return (
    <Card title={<span id="research">Research on {company.name}</span>}>
      {canEdit ? (
        <Form form={form} onSubmit={(values) => update.mutate({ orgSlug, companyId: company.id, ...values })} className="space-y-3">
          {message ? <Notice tone="error">{message}</Notice> : null}
          <Field
            label="Website"
            type="url"
            maxLength={2000}
            placeholder="https://"
            {...form.register("website")}
            error={errorAt(errors, "website")}
          />
          <TextArea
            label="What you have learned"
            rows={6}
            maxLength={20_000}
            {...form.register("researchNotes")}
            error={errorAt(errors, "researchNotes")}
            placeholder="Products, news, team, how they talk about their work…"
            hint={
              <>
                {notes.length.toLocaleString("en-GB")} / 20,000 characters
                {company.researchUpdatedAt ? (
                  <>
                    {" "}· last updated <When date={company.researchUpdatedAt} timeZone={viewerTimeZone} />
                  </>
                ) : null}
              </>
            }
          />
          <div className="flex items-center justify-end gap-3">
            <Button type="submit" disabled={update.isPending || !isDirty}>
              {update.isPending ? "Saving…" : "Save research"}
            </Button>
          </div>
        </Form>
      ) : company.researchNotes ? (
        <p className="whitespace-pre-line text-sm text-slate-700">{company.researchNotes}</p>
      ) : (
        <p className="text-sm text-slate-600">No research notes yet.</p>
      )}
      <div className="mt-5 border-t border-slate-100 pt-4">
        <h3 className="mb-1 text-sm font-semibold">Challenges the company mentioned</h3>
        <p className="mb-3 text-xs text-slate-500">Follow-up letters and proposals tie your accomplishments to these.</p>
        <ChallengesEditor key={company.challenges.join("\n")} orgSlug={orgSlug} companyId={company.id} challenges={company.challenges} canEdit={canEdit} onSaved={refresh} />
      </div>
    </Card>
  );
}
