import { Button } from "./components/button";
import { Facts, Muted, P, Quote, Steps, Title, WhyNow } from "./components/blocks";
import { formatLongDateTime } from "@/lib/dates";
import { interviewKindPhrase } from "@/lib/vocabulary";
import { capitalise } from "./components/text";
import { Layout } from "./components/layout";
import type { ApplicationRef, Instant, InterviewKind, ReminderBaseProps } from "./components/types";
import { PREVIEW_ORG } from "./components/brand";

export type ReminderPrepareProps = ReminderBaseProps & {
  application: ApplicationRef;
  interview: {
    startsAt: Instant;
    /** The recipient's time zone: times are shown in it. */
    timeZone: string;
    kind: InterviewKind;
    round: number | null;
    /** Address or meeting link. */
    location: string | null;
  };
  /** The start of the client's research notes on the company; null when there are none yet. */
  researchExcerpt: string | null;
  /** The interview page, with the company's notes beside it. */
  actionUrl: string;
};

export function ReminderPrepareEmail({
  org,
  recipientName,
  unsubscribeUrl,
  application,
  interview,
  researchExcerpt,
  actionUrl,
}: ReminderPrepareProps) {
  const { companyName, roleTitle } = application;
  const when = formatLongDateTime(interview.startsAt, interview.timeZone);
  const facts: Array<readonly [string, string]> = [
    ["When", when],
    ["Role", roleTitle],
    ["Format", capitalise(interview.round ? `${interviewKindPhrase(interview.kind)}, round ${interview.round}` : interviewKindPhrase(interview.kind))],
  ];
  if (interview.location) facts.push(["Where", interview.location]);

  return (
    <Layout
      org={org}
      preheader={`Your ${interviewKindPhrase(interview.kind)} with ${companyName} is ${when}. A short review today will help.`}
      reason={`You're getting this because ${org.name} uses Followthrough to remind you the day before each interview.`}
      unsubscribe={{ url: unsubscribeUrl, label: "Turn off interview-prep reminders" }}
    >
      <Title>Get ready for {companyName}</Title>
      <P>
        Hi {recipientName}, your {interviewKindPhrase(interview.kind)} with {companyName} is coming up.
      </P>
      <Facts rows={facts} />
      <WhyNow org={org}>
        A short review the day before sticks far better than a rushed one that morning, and it
        leaves time to fill a gap if you find one.
      </WhyNow>
      <P>Three things to do before then:</P>
      <Steps
        items={[
          `Re-read what you know about ${companyName}: what they do, who they serve, and what is hard for them right now.`,
          "Decide how you will tell them you want this job, in words you'd be comfortable saying out loud.",
          "Plan how you'll close: ask what happens next and when you can expect to hear from them.",
        ]}
      />
      {researchExcerpt ? (
        <>
          <Muted>From your notes on {companyName}:</Muted>
          <Quote org={org} text={researchExcerpt} />
        </>
      ) : (
        <Muted>You haven't written any notes on {companyName} yet. Even a few lines today will show in the room.</Muted>
      )}
      <Button org={org} href={actionUrl}>
        Review your prep
      </Button>
    </Layout>
  );
}

ReminderPrepareEmail.PreviewProps = {
  org: PREVIEW_ORG,
  recipientName: "Jordan",
  unsubscribeUrl: "https://app.followthrough.example/unsubscribe/prepare?t=c81d2e",
  application: { companyName: "Lumen Freight", roleTitle: "Operations Analyst" },
  interview: {
    startsAt: "2025-06-11T09:30:00.000Z",
    timeZone: "Europe/London",
    kind: "video",
    round: 2,
    location: "https://meet.example.com/lumen-ops-2",
  },
  researchExcerpt:
    "Moving from two regional depots to one national hub next year.\nCOO mentioned late deliveries in the north as the main complaint from customers.",
  actionUrl: "https://app.followthrough.example/northbound/interviews/5e1a",
} satisfies ReminderPrepareProps;

export default ReminderPrepareEmail;
