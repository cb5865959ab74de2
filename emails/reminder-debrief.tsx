import { Button } from "./components/button";
import { P, Steps, Title, WhyNow } from "./components/blocks";
import { formatTimeWithZone } from "@/lib/dates";
import { interviewKindPhrase } from "@/lib/vocabulary";
import { joinNames } from "./components/text";
import { Layout } from "./components/layout";
import type { ApplicationRef, Instant, InterviewKind, ReminderBaseProps } from "./components/types";
import { PREVIEW_ORG } from "./components/brand";

export type ReminderDebriefProps = ReminderBaseProps & {
  application: ApplicationRef;
  interview: { endedAt: Instant; timeZone: string; kind: InterviewKind };
  /** Names of the people the client met; may be empty when none were recorded. */
  interviewerNames: string[];
  /** The debrief form. */
  actionUrl: string;
};

export function ReminderDebriefEmail({
  org,
  recipientName,
  unsubscribeUrl,
  application,
  interview,
  interviewerNames,
  actionUrl,
}: ReminderDebriefProps) {
  const { companyName, roleTitle } = application;
  const perInterviewer =
    interviewerNames.length > 0
      ? `For ${joinNames(interviewerNames)}: what you talked about, and which of ${companyName}'s challenges came up.`
      : `For each person you met: what you talked about, and which of ${companyName}'s challenges came up.`;

  return (
    <Layout
      org={org}
      preheader={`Ten minutes now, while it's fresh, sets up every follow-up for ${companyName}.`}
      reason={`You're getting this because ${org.name} uses Followthrough to ask for a debrief shortly after each interview.`}
      unsubscribe={{ url: unsubscribeUrl, label: "Turn off debrief reminders" }}
    >
      <Title>How did it go at {companyName}?</Title>
      <P>
        Hi {recipientName}, your {interviewKindPhrase(interview.kind)} for the {roleTitle} role finished at{" "}
        {formatTimeWithZone(interview.endedAt, interview.timeZone)}. Take ten minutes to write down how it went.
      </P>
      <WhyNow org={org}>
        Details fade within hours: names, what each person cared about, exactly what you promised. Your
        debrief is also what plans everything next, from thank-you notes to a well-timed check-in.
      </WhyNow>
      <P>Jot down:</P>
      <Steps
        items={[
          "Did you tell them you want the job?",
          "What happens next, and when should you hear back?",
          "How and when would they like you to get in touch?",
          "What did you promise to send, and by when?",
          perInterviewer,
        ]}
      />
      <Button org={org} href={actionUrl}>
        Record your debrief
      </Button>
    </Layout>
  );
}

ReminderDebriefEmail.PreviewProps = {
  org: PREVIEW_ORG,
  recipientName: "Jordan",
  unsubscribeUrl: "https://app.followthrough.example/unsubscribe/debrief?t=c81d2e",
  application: { companyName: "Lumen Freight", roleTitle: "Operations Analyst" },
  interview: { endedAt: "2025-06-11T10:30:00.000Z", timeZone: "Europe/London", kind: "video" },
  interviewerNames: ["Priya Raman", "Tomás Alves"],
  actionUrl: "https://app.followthrough.example/northbound/interviews/5e1a/debrief",
} satisfies ReminderDebriefProps;

export default ReminderDebriefEmail;
