import { Button } from "./components/button";
import { BrandLink, Muted, P, Steps, Title, WhyNow } from "./components/blocks";
import { formatLongDateTime } from "@/lib/dates";
import { joinNames } from "./components/text";
import { Layout } from "./components/layout";
import type { ApplicationRef, Instant, ReminderBaseProps } from "./components/types";
import { PREVIEW_ORG } from "./components/brand";

export type ReminderThankYouDueProps = ReminderBaseProps & {
  application: ApplicationRef;
  interview: { endedAt: Instant; timeZone: string };
  /** Whole days between the interview's end and the moment this email is sent: the wording follows it. */
  daysSinceEnded: number;
  /** Thank-you drafts not yet marked sent, one per interviewer. */
  pendingNotes: Array<{ interviewerName: string; editUrl: string }>;
  /** The interview's drafts. */
  actionUrl: string;
};

export function ReminderThankYouDueEmail({
  org,
  recipientName,
  unsubscribeUrl,
  application,
  interview,
  pendingNotes,
  actionUrl,
  daysSinceEnded,
}: ReminderThankYouDueProps) {
  const { companyName, roleTitle } = application;
  const names = joinNames(pendingNotes.map((n) => n.interviewerName));
  const one = pendingNotes.length === 1;

  return (
    <Layout
      org={org}
      preheader={`${one ? "A note" : "Notes"} to ${names} ${one ? "is" : "are"} drafted and ready for your personal touch.`}
      reason={`You're getting this because ${org.name} uses Followthrough to remind you when a thank-you note hasn't gone out after an interview.`}
      unsubscribe={{ url: unsubscribeUrl, label: "Turn off thank-you reminders" }}
    >
      <Title>Your thank-you {one ? "note is" : "notes are"} still waiting</Title>
      <P>
        Hi {recipientName}, after your {roleTitle} interview at {companyName} we drafted{" "}
        {one ? "a note" : "notes"} to {names}, and {one ? "it isn't" : "none is"} marked sent yet.
      </P>
      <WhyNow org={org}>
        Your interview ended {formatLongDateTime(interview.endedAt, interview.timeZone)}. {lateness(daysSinceEnded)}
      </WhyNow>
      <Steps
        items={[
          "Open each draft and add one detail only you and that person would recognise.",
          "Send it from your own email.",
          "Mark it sent so we stop reminding you. Wrote it by hand? Mark it handwritten: that counts too.",
        ]}
      />
      <Muted>Your {one ? "draft" : "drafts"}:</Muted>
      <Steps
        items={pendingNotes.map((note) => (
          <BrandLink key={note.editUrl} org={org} href={note.editUrl}>
            Note to {note.interviewerName}
          </BrandLink>
        ))}
      />
      <Button org={org} href={actionUrl}>
        Open your thank-you {one ? "note" : "notes"}
      </Button>
    </Layout>
  );
}

/** What a note sent now does, by how long ago the interview ended. */
export function lateness(daysSinceEnded: number): string {
  if (daysSinceEnded <= 2) {
    return "A short, specific note sent today still arrives while they are weighing their decision. Much later, it reads as an afterthought.";
  }
  if (daysSinceEnded <= 7) {
    return `That was ${daysSinceEnded} days ago, so they may be deciding now. Send it today, and skip any apology for the delay: one specific detail from your conversation says more.`;
  }
  return `That was ${daysSinceEnded} days ago, so a plain thank-you would arrive long after the decision was weighed. Turn it into a short follow-up instead: thank them, and add something useful, an idea about a challenge they mentioned or a link they would value.`;
}

ReminderThankYouDueEmail.PreviewProps = {
  org: PREVIEW_ORG,
  recipientName: "Jordan",
  unsubscribeUrl: "https://app.followthrough.example/unsubscribe/thank_you_due?t=c81d2e",
  application: { companyName: "Lumen Freight", roleTitle: "Operations Analyst" },
  interview: { endedAt: "2025-06-11T10:30:00.000Z", timeZone: "Europe/London" },
  daysSinceEnded: 1,
  pendingNotes: [
    { interviewerName: "Priya Raman", editUrl: "https://app.followthrough.example/northbound/drafts/a17" },
    { interviewerName: "Tomás Alves", editUrl: "https://app.followthrough.example/northbound/drafts/a18" },
  ],
  actionUrl: "https://app.followthrough.example/northbound/interviews/5e1a/drafts",
} satisfies ReminderThankYouDueProps;

export default ReminderThankYouDueEmail;
