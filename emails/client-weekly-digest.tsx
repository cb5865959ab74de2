import { Button } from "./components/button";
import { BrandLink, Muted, P, SectionTitle, Steps, Title } from "./components/blocks";
import { formatDay, formatLongDateTime, formatShortDate } from "@/lib/dates";
import { DRAFT_KIND_LABEL, interviewKindPhrase } from "@/lib/vocabulary";
import { plural } from "./components/text";
import { Layout } from "./components/layout";
import type { ApplicationRef, DraftKind, Instant, InterviewKind, ReminderBaseProps } from "./components/types";
import { PREVIEW_ORG } from "./components/brand";

export type DigestFollowUp = {
  /** What is due, in a few words ("Thank-you note to Priya Raman"). */
  title: string;
  dueAt: Instant;
  url: string;
};

export type ClientWeeklyDigestProps = ReminderBaseProps & {
  /** First day of the week the digest covers. */
  weekStart: Instant;
  /** The recipient's time zone. */
  timeZone: string;
  upcomingInterviews: Array<ApplicationRef & { startsAt: Instant; kind: InterviewKind; url: string }>;
  followUpsDue: DigestFollowUp[];
  followUpsOverdue: DigestFollowUp[];
  draftsWaiting: Array<{ kind: DraftKind; recipientName: string; subject: string; editUrl: string }>;
  /** One entry per active application's company: the "keep learning" prompt. */
  keepLearning: Array<ApplicationRef & { lastNoteAt: Instant | null; researchUrl: string }>;
  dashboardUrl: string;
};

// A few ways to ask the same question, so the weekly prompt doesn't read like a form.
const learningPrompts = [
  (company: string) => `What's new at ${company}? A launch, a hire, a number in the news?`,
  (company: string) => `What would you ask ${company} if you spoke to them tomorrow?`,
  (company: string) => `Who at ${company} could you learn more about this week?`,
] as const;

type DigestCounts = Pick<ClientWeeklyDigestProps, "upcomingInterviews" | "followUpsDue" | "followUpsOverdue" | "draftsWaiting">;

/** "1 interview", "1 overdue", …: shared by the greeting and the subject line. */
export function clientDigestParts(p: DigestCounts): string[] {
  const parts: string[] = [];
  if (p.upcomingInterviews.length) parts.push(plural(p.upcomingInterviews.length, "interview"));
  if (p.followUpsOverdue.length) parts.push(`${p.followUpsOverdue.length} overdue`);
  if (p.followUpsDue.length) parts.push(`${plural(p.followUpsDue.length, "follow-up")} due`);
  if (p.draftsWaiting.length) parts.push(`${plural(p.draftsWaiting.length, "draft")} waiting`);
  return parts;
}

function summaryLine(p: DigestCounts): string {
  const parts = clientDigestParts(p);
  return parts.length > 0 ? `This week: ${parts.join(", ")}.` : "A quiet week: a good moment to get ahead on research.";
}

export function ClientWeeklyDigestEmail(props: ClientWeeklyDigestProps) {
  const {
    org,
    recipientName,
    unsubscribeUrl,
    weekStart,
    timeZone,
    upcomingInterviews,
    followUpsDue,
    followUpsOverdue,
    draftsWaiting,
    keepLearning,
    dashboardUrl,
  } = props;
  const summary = summaryLine(props);

  return (
    <Layout
      org={org}
      preheader={summary}
      reason={`You're getting this because ${org.name} uses Followthrough to send you a short plan for each week.`}
      unsubscribe={{ url: unsubscribeUrl, label: "Turn off the weekly digest" }}
    >
      <Title>Your week from {formatDay(weekStart, timeZone)}</Title>
      <P>
        Hi {recipientName}. {summary}
      </P>

      {followUpsOverdue.length > 0 ? (
        <>
          <SectionTitle>Overdue: best done first</SectionTitle>
          <Steps
            items={followUpsOverdue.map((f) => (
              <>
                <BrandLink org={org} href={f.url}>
                  {f.title}
                </BrandLink>{" "}
                (was due {formatShortDate(f.dueAt, timeZone)})
              </>
            ))}
          />
        </>
      ) : null}

      {upcomingInterviews.length > 0 ? (
        <>
          <SectionTitle>Interviews</SectionTitle>
          <Steps
            items={upcomingInterviews.map((i) => (
              <>
                <BrandLink org={org} href={i.url}>
                  {i.companyName}, {i.roleTitle}
                </BrandLink>
                : {interviewKindPhrase(i.kind)}, {formatLongDateTime(i.startsAt, timeZone)}
              </>
            ))}
          />
        </>
      ) : null}

      {followUpsDue.length > 0 ? (
        <>
          <SectionTitle>Follow-ups due</SectionTitle>
          <Steps
            items={followUpsDue.map((f) => (
              <>
                <BrandLink org={org} href={f.url}>
                  {f.title}
                </BrandLink>{" "}
                by {formatShortDate(f.dueAt, timeZone)}
              </>
            ))}
          />
        </>
      ) : null}

      {draftsWaiting.length > 0 ? (
        <>
          <SectionTitle>Drafts waiting for you</SectionTitle>
          <Steps
            items={draftsWaiting.map((d) => (
              <>
                <BrandLink org={org} href={d.editUrl}>
                  {DRAFT_KIND_LABEL[d.kind]} to {d.recipientName}
                </BrandLink>
                : &ldquo;{d.subject}&rdquo;
              </>
            ))}
          />
        </>
      ) : null}

      {keepLearning.length > 0 ? (
        <>
          <SectionTitle>Keep learning</SectionTitle>
          <Muted>Fresh notes on each company make every follow-up more specific.</Muted>
          <Steps
            items={keepLearning.map((c, i) => {
              const prompt = learningPrompts[i % learningPrompts.length] ?? learningPrompts[0];
              return (
                <>
                  {prompt(c.companyName)}{" "}
                  <BrandLink org={org} href={c.researchUrl}>
                    Add a note
                  </BrandLink>{" "}
                  ({c.lastNoteAt ? `last one ${formatShortDate(c.lastNoteAt, timeZone)}` : "no notes yet"})
                </>
              );
            })}
          />
        </>
      ) : null}

      <Button org={org} href={dashboardUrl}>
        Open your dashboard
      </Button>
    </Layout>
  );
}

ClientWeeklyDigestEmail.PreviewProps = {
  org: PREVIEW_ORG,
  recipientName: "Jordan",
  unsubscribeUrl: "https://app.followthrough.example/unsubscribe/client_digest?t=c81d2e",
  weekStart: "2025-06-16T07:00:00.000Z",
  timeZone: "Europe/London",
  upcomingInterviews: [
    {
      companyName: "Ridgeway Foods",
      roleTitle: "Supply Planner",
      startsAt: "2025-06-18T13:00:00.000Z",
      kind: "onsite",
      url: "https://app.followthrough.example/northbound/interviews/7c2",
    },
  ],
  followUpsDue: [
    {
      title: "Send the route-planning spreadsheet to Priya Raman",
      dueAt: "2025-06-19T16:00:00.000Z",
      url: "https://app.followthrough.example/northbound/commitments/c42",
    },
  ],
  followUpsOverdue: [
    {
      title: "Thank-you note to Tomás Alves",
      dueAt: "2025-06-12T10:30:00.000Z",
      url: "https://app.followthrough.example/northbound/drafts/a18",
    },
  ],
  draftsWaiting: [
    {
      kind: "follow_up_letter",
      recipientName: "Priya Raman",
      subject: "Following up on our conversation about the national hub",
      editUrl: "https://app.followthrough.example/northbound/drafts/a21",
    },
  ],
  keepLearning: [
    {
      companyName: "Lumen Freight",
      roleTitle: "Operations Analyst",
      lastNoteAt: "2025-06-10T19:12:00.000Z",
      researchUrl: "https://app.followthrough.example/northbound/companies/2b8",
    },
    {
      companyName: "Ridgeway Foods",
      roleTitle: "Supply Planner",
      lastNoteAt: null,
      researchUrl: "https://app.followthrough.example/northbound/companies/3a1",
    },
  ],
  dashboardUrl: "https://app.followthrough.example/northbound",
} satisfies ClientWeeklyDigestProps;

export default ClientWeeklyDigestEmail;
