import { Button } from "./components/button";
import { P, Quote, Title } from "./components/blocks";
import { Layout } from "./components/layout";
import type { ReminderBaseProps } from "./components/types";
import { PREVIEW_ORG } from "./components/brand";

export type CoachNudgeProps = ReminderBaseProps & {
  coachName: string;
  /** The coach's own words, shown as written. */
  message: string;
  /** The client's dashboard. */
  dashboardUrl: string;
};

export function CoachNudgeEmail({ org, recipientName, unsubscribeUrl, coachName, message, dashboardUrl }: CoachNudgeProps) {
  return (
    <Layout
      org={org}
      preheader={message}
      reason={`You're getting this because ${coachName}, your coach at ${org.name}, sent you a nudge through Followthrough.`}
      unsubscribe={{ url: unsubscribeUrl, label: "Turn off nudges from your coach" }}
    >
      <Title>A note from {coachName}</Title>
      <P>Hi {recipientName}, {coachName} wanted to give you a nudge:</P>
      <Quote org={org} text={message} />
      <Button org={org} href={dashboardUrl}>
        Open your dashboard
      </Button>
    </Layout>
  );
}

CoachNudgeEmail.PreviewProps = {
  org: PREVIEW_ORG,
  recipientName: "Jordan",
  unsubscribeUrl: "https://app.followthrough.example/unsubscribe/coach_nudge?t=c81d2e",
  coachName: "Dana Whitfield",
  message:
    "Great energy in Wednesday's session! Your follow-up letter to Priya is nearly there: add the figure about late drops and send it today.\n\nThen let's look at the Castor Health reply together on Friday.",
  dashboardUrl: "https://app.followthrough.example/northbound",
} satisfies CoachNudgeProps;

export default CoachNudgeEmail;
