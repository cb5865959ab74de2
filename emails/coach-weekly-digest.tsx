import { Section, Text } from "@react-email/components";
import { Button } from "./components/button";
import { BrandLink, Muted, P, SectionTitle, Steps, Title } from "./components/blocks";
import { PREVIEW_ORG, brandColor } from "./components/brand";
import { formatDay, formatShortDate } from "@/lib/dates";
import { APPLICATION_STATUS_LABEL } from "@/lib/vocabulary";
import { joinNames, plural } from "./components/text";
import { Layout } from "./components/layout";
import * as s from "./components/styles";
import type { ApplicationRef, ApplicationStatus, Instant, OrgBrand, ReminderBaseProps } from "./components/types";

export type CoachDigestClient = {
  name: string;
  /** The client's page in the coach portal. */
  url: string;
  /** Status changes this week. */
  moved: Array<ApplicationRef & { from: ApplicationStatus | null; to: ApplicationStatus }>;
  /** Follow-ups and commitments past due. */
  overdue: Array<{ title: string; dueAt: Instant }>;
  lastActivityAt: Instant | null;
  /** No activity for the policy's gone-quiet period. */
  goneQuiet: boolean;
};

export type CoachWeeklyDigestProps = ReminderBaseProps & {
  /** First day of the week the digest covers. */
  weekStart: Instant;
  /** The coach's time zone. */
  timeZone: string;
  /** Policy: days without activity before a client counts as gone quiet. */
  goneQuietDays: number;
  /** The coach's assigned clients. */
  clients: CoachDigestClient[];
  /** The clients overview. */
  portalUrl: string;
};

function hasNews(c: CoachDigestClient): boolean {
  return c.moved.length > 0 || c.overdue.length > 0 || c.goneQuiet;
}

/** How many clients moved, have something overdue, went quiet: for the greeting and the subject. */
export function coachDigestCounts(clients: readonly CoachDigestClient[]) {
  return {
    clients: clients.length,
    moved: clients.filter((c) => c.moved.length > 0).length,
    overdue: clients.filter((c) => c.overdue.length > 0).length,
    quiet: clients.filter((c) => c.goneQuiet).length,
  };
}

function summaryLine(clients: readonly CoachDigestClient[]): string {
  const n = coachDigestCounts(clients);
  return `${plural(n.clients, "client")}: ${n.moved} with applications on the move, ${n.overdue} with something overdue, ${n.quiet} gone quiet.`;
}

function ClientCard({ org, client, timeZone }: { org: OrgBrand; client: CoachDigestClient; timeZone: string }) {
  return (
    <Section style={s.card}>
      <Text style={{ ...s.paragraph, margin: "0 0 4px", fontWeight: 600 }}>
        <BrandLink org={org} href={client.url}>
          {client.name}
        </BrandLink>
        {client.goneQuiet ? (
          <span style={{ color: s.colors.warning, fontWeight: 400 }}>
            {" "}
            · quiet since {client.lastActivityAt ? formatShortDate(client.lastActivityAt, timeZone) : "they joined"}
          </span>
        ) : null}
      </Text>
      {client.moved.length > 0 ? (
        <>
          <Text style={{ ...s.small, margin: "8px 0 0", color: brandColor(org) }}>Moved</Text>
          <Steps
            items={client.moved.map(
              (m) =>
                `${m.companyName}, ${m.roleTitle}: ${m.from ? `${APPLICATION_STATUS_LABEL[m.from]} → ` : ""}${APPLICATION_STATUS_LABEL[m.to]}`,
            )}
          />
        </>
      ) : null}
      {client.overdue.length > 0 ? (
        <>
          <Text style={{ ...s.small, margin: "8px 0 0", color: s.colors.warning }}>Overdue</Text>
          <Steps items={client.overdue.map((o) => `${o.title} (due ${formatShortDate(o.dueAt, timeZone)})`)} />
        </>
      ) : null}
    </Section>
  );
}

export function CoachWeeklyDigestEmail({
  org,
  recipientName,
  unsubscribeUrl,
  weekStart,
  timeZone,
  goneQuietDays,
  clients,
  portalUrl,
}: CoachWeeklyDigestProps) {
  const summary = summaryLine(clients);
  // Quiet clients first: they are the ones a coach can help most this week.
  const withNews = clients.filter(hasNews).sort((a, b) => Number(b.goneQuiet) - Number(a.goneQuiet));
  const noChange = clients.filter((c) => !hasNews(c));

  return (
    <Layout
      org={org}
      preheader={summary}
      reason={`You're getting this because you coach clients at ${org.name}, and Followthrough sends you a weekly summary of them.`}
      unsubscribe={{ url: unsubscribeUrl, label: "Turn off the coach digest" }}
    >
      <Title>Your clients, week of {formatDay(weekStart, timeZone)}</Title>
      <P>
        Hi {recipientName}. {summary}
      </P>
      {clients.length === 0 ? <P>You have no clients assigned yet.</P> : null}
      {withNews.length > 0 ? (
        <>
          <SectionTitle>Worth a look</SectionTitle>
          {withNews.some((c) => c.goneQuiet) ? (
            <Muted>
              &ldquo;Quiet&rdquo; means no activity for {goneQuietDays} days or more. A short personal note often gets
              things moving again.
            </Muted>
          ) : null}
          {withNews.map((client, i) => (
            <ClientCard key={i} org={org} client={client} timeZone={timeZone} />
          ))}
        </>
      ) : null}
      {noChange.length > 0 ? (
        <>
          <SectionTitle>Steady</SectionTitle>
          <P>Nothing new or overdue for {joinNames(noChange.map((c) => c.name))}.</P>
        </>
      ) : null}
      <Button org={org} href={portalUrl}>
        Open your clients overview
      </Button>
    </Layout>
  );
}

CoachWeeklyDigestEmail.PreviewProps = {
  org: PREVIEW_ORG,
  recipientName: "Dana",
  unsubscribeUrl: "https://app.followthrough.example/unsubscribe/coach_digest?t=d19a",
  weekStart: "2025-06-16T07:00:00.000Z",
  timeZone: "Europe/London",
  goneQuietDays: 14,
  clients: [
    {
      name: "Jordan Ellis",
      url: "https://app.followthrough.example/northbound/coach/clients/m01",
      moved: [{ companyName: "Ridgeway Foods", roleTitle: "Supply Planner", from: "applied", to: "interviewing" }],
      overdue: [{ title: "Thank-you note to Tomás Alves", dueAt: "2025-06-12T10:30:00.000Z" }],
      lastActivityAt: "2025-06-15T18:40:00.000Z",
      goneQuiet: false,
    },
    {
      name: "Amara Osei",
      url: "https://app.followthrough.example/northbound/coach/clients/m02",
      moved: [],
      overdue: [],
      lastActivityAt: "2025-05-27T09:05:00.000Z",
      goneQuiet: true,
    },
    {
      name: "Felix Brandt",
      url: "https://app.followthrough.example/northbound/coach/clients/m03",
      moved: [],
      overdue: [],
      lastActivityAt: "2025-06-14T11:00:00.000Z",
      goneQuiet: false,
    },
  ],
  portalUrl: "https://app.followthrough.example/northbound/coach",
} satisfies CoachWeeklyDigestProps;

export default CoachWeeklyDigestEmail;
