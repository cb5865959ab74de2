"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { DRAFT_KIND_LABEL, INTERVIEW_KIND_LABEL } from "@/lib/vocabulary";
import { SittingTightCard } from "../_components/check-in";
import { StatusBadge } from "../_components/status-badge";
import { useTRPC } from "../_components/trpc";
import { Card, EmptyState, ButtonLink, PageHeader } from "../_components/ui";
import { InterviewWhen, When } from "../_components/when";

/** The client's home: today's follow-ups, interviews, drafts, pipeline and coach, from the queries the page loaded. */
export function ClientDashboard({ orgSlug, orgName }: { orgSlug: string; orgName: string }) {
  const trpc = useTRPC();
  const { data: profile } = useSuspenseQuery(trpc.client.byId.queryOptions({ orgSlug }));
  const { data: dashboard } = useSuspenseQuery(trpc.dashboard.client.queryOptions({ orgSlug }));
  const firstName = profile.name?.split(" ")[0] ?? "there";
  const zone = dashboard.viewerTimeZone;
  const base = `/${orgSlug}`;
  const todayCount = dashboard.followUps.length + dashboard.dueCommitments.length;
  const activeCount = dashboard.pipeline.reduce((sum, row) => sum + row.count, 0);

  return (
    <>
      <PageHeader
        title={`Hello, ${firstName}`}
        description={`Your job search with ${orgName}. Times are shown in ${zone}.`}
        actions={<ButtonLink href={`${base}/applications/new`}>New application</ButtonLink>}
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          <Card title={`Today's follow-ups${todayCount ? ` (${todayCount})` : ""}`}>
            {todayCount === 0 ? (
              <EmptyState title="Nothing is due today">
                Reminders to prepare, debrief, thank your interviewers and check in appear here on the day they are due. Add an
                interview to an application to start the plan.
              </EmptyState>
            ) : (
              <ul className="divide-y divide-slate-100">
                {dashboard.followUps.map((item) => (
                  <li key={item.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:justify-between">
                    <div className="min-w-0">
                      <p className="text-sm font-medium">
                        {item.kindLabel}
                        {item.application ? (
                          <span className="font-normal text-slate-600">
                            {" "}· {item.application.roleTitle} at {item.application.companyName}
                          </span>
                        ) : null}
                      </p>
                      <p className="mt-1 text-sm text-slate-700">{item.reason}</p>
                      <p className={`mt-1 text-xs ${item.overdue ? "font-medium text-red-700" : "text-slate-500"}`}>
                        {item.overdue ? "Overdue since " : item.status === "sent" ? "Emailed " : "Due "}
                        <When date={item.dueAt} timeZone={zone} />
                      </p>
                    </div>
                    <ButtonLink href={item.action.href} variant="secondary" className="shrink-0">
                      {item.action.label}
                    </ButtonLink>
                  </li>
                ))}
                {dashboard.dueCommitments.map((item) => (
                  <li key={item.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:justify-between">
                    <div className="min-w-0">
                      <p className="text-sm font-medium">
                        Promise: {item.description}
                        {item.contactName ? <span className="font-normal text-slate-600"> · to {item.contactName}</span> : null}
                      </p>
                      <p className={`mt-1 text-xs ${item.overdue ? "font-medium text-red-700" : "text-slate-500"}`}>
                        {item.overdue ? "Overdue since " : "Due "}
                        <When date={item.dueAt} timeZone={zone} />
                        {item.companyName ? ` · ${item.companyName}` : ""}
                      </p>
                    </div>
                    <ButtonLink href={`${base}/commitments`} variant="secondary" className="shrink-0">
                      Keep your promise
                    </ButtonLink>
                  </li>
                ))}
              </ul>
            )}
          </Card>

          <Card title="Upcoming interviews (next 14 days)">
            {dashboard.upcomingInterviews.length === 0 ? (
              <EmptyState title="No interviews in the next two weeks">
                When an employer invites you, open the application and schedule the interview: you will get a reminder to
                prepare the evening before and to debrief right after.
              </EmptyState>
            ) : (
              <ul className="divide-y divide-slate-100">
                {dashboard.upcomingInterviews.map((interview) => (
                  <li key={interview.id} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-start sm:justify-between">
                    <div className="min-w-0 text-sm">
                      <Link href={`${base}/interviews/${interview.id}`} className="font-medium text-brand hover:underline">
                        {interview.roleTitle} at {interview.companyName}
                      </Link>
                      <p className="text-slate-600">
                        Round {interview.round} · {INTERVIEW_KIND_LABEL[interview.kind] ?? interview.kind}
                        {interview.location ? ` · ${interview.location}` : ""}
                      </p>
                    </div>
                    <div className="text-sm sm:text-right">
                      <InterviewWhen startsAt={interview.startsAt} endsAt={interview.endsAt} viewerTimeZone={zone} timeZone={interview.timeZone} />
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </Card>

          <SittingTightCard outlooks={dashboard.checkIns} audience="client" hrefOf={(outlook) => `${base}/applications/${outlook.applicationId}`} />

          <Card title="Drafts waiting for you">
            {dashboard.draftsWaiting.total === 0 ? (
              <EmptyState title="No drafts waiting">
                After you record an interview debrief, thank-you notes and follow-up letters are drafted for you to edit and send.
              </EmptyState>
            ) : (
              <>
                <ul className="divide-y divide-slate-100">
                  {dashboard.draftsWaiting.items.map((draft) => (
                    <li key={draft.id} className="py-2 text-sm">
                      <Link href={`${base}/drafts/${draft.id}`} className="font-medium text-brand hover:underline">
                        {draft.subject}
                      </Link>
                      <span className="block text-slate-600">
                        {DRAFT_KIND_LABEL[draft.kind] ?? draft.kind}
                        {draft.contactName ? ` to ${draft.contactName}` : ""}
                        {draft.companyName ? ` · ${draft.companyName}` : ""}
                      </span>
                    </li>
                  ))}
                </ul>
                {dashboard.draftsWaiting.total > dashboard.draftsWaiting.items.length ? (
                  <p className="mt-2 text-sm">
                    <Link href={`${base}/drafts`} className="text-brand hover:underline">
                      See all {dashboard.draftsWaiting.total} drafts
                    </Link>
                  </p>
                ) : null}
              </>
            )}
          </Card>

          <Card title="Recent activity">
            {dashboard.recentActivity.length === 0 ? (
              <EmptyState title="Nothing has happened yet">Add your first application and your timeline starts here.</EmptyState>
            ) : (
              <ol className="space-y-2 text-sm">
                {dashboard.recentActivity.map((entry) => (
                  <li key={entry.id} className="flex flex-col sm:flex-row sm:gap-3">
                    <span className="shrink-0 text-xs text-slate-500 sm:w-36 sm:pt-0.5">
                      <When date={entry.occurredAt} timeZone={zone} />
                    </span>
                    {entry.applicationId ? (
                      <Link href={`${base}/applications/${entry.applicationId}`} className="hover:underline">
                        {entry.summary}
                      </Link>
                    ) : (
                      <span>{entry.summary}</span>
                    )}
                  </li>
                ))}
              </ol>
            )}
          </Card>
        </div>

        <div className="space-y-4">
          <Card title="Your pipeline">
            {activeCount === 0 ? (
              <EmptyState title="No applications yet" action={<ButtonLink href={`${base}/applications/new`}>Add an application</ButtonLink>}>
                Track every role you are considering, from saved to accepted.
              </EmptyState>
            ) : (
              <ul className="space-y-1.5 text-sm">
                {dashboard.pipeline.map((row) => (
                  <li key={row.status}>
                    <Link
                      href={`${base}/applications?view=table&status=${row.status}`}
                      className="flex items-center justify-between rounded px-1 py-0.5 hover:bg-slate-50"
                    >
                      <StatusBadge status={row.status} />
                      <span className="font-medium tabular-nums">{row.count}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </Card>

          <Card title="From your coach">
            {dashboard.messages.length === 0 ? (
              <EmptyState title="No messages yet">
                {profile.coaches.length === 0
                  ? "Your organisation will pair you with a coach; their nudges and shared notes will appear here."
                  : "Nudges and notes your coach shares with you will appear here."}
              </EmptyState>
            ) : (
              <ul className="space-y-3 text-sm">
                {dashboard.messages.map((message) => (
                  <li key={`${message.kind}-${message.id}`} className="rounded-lg bg-slate-50 p-3">
                    <p className="whitespace-pre-line">{message.body}</p>
                    <p className="mt-1 text-xs text-slate-500">
                      {message.kind === "nudge" ? "Nudge" : "Note"} from {message.authorName ?? "your coach"} ·{" "}
                      <When date={message.createdAt} timeZone={zone} />
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </Card>

          <Card title="Your coach">
            {profile.coaches.length === 0 ? (
              <p className="text-sm text-slate-600">No coach is assigned to you yet. Your organisation will pair you with one.</p>
            ) : (
              <ul className="space-y-2 text-sm">
                {profile.coaches.map((coach) => (
                  <li key={coach.membershipId}>
                    <span className="font-medium">{coach.name ?? coach.email}</span>
                    <span className="block text-slate-500">{coach.email}</span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
