import { Button } from "./components/button";
import { P, Steps, Title, WhyNow } from "./components/blocks";
import { CommitmentFacts, promisedToLabel, type CommitmentRef } from "./components/commitment";
import { formatDay } from "@/lib/dates";
import { oneLine } from "./components/text";
import { Layout } from "./components/layout";
import type { ReminderBaseProps } from "./components/types";
import { PREVIEW_ORG } from "./components/brand";

export type { CommitmentRef };

export type ReminderCommitmentDueProps = ReminderBaseProps & {
  commitment: CommitmentRef;
  /** The commitment in the app, where it is marked done. */
  actionUrl: string;
};

export function ReminderCommitmentDueEmail({
  org,
  recipientName,
  unsubscribeUrl,
  commitment,
  actionUrl,
}: ReminderCommitmentDueProps) {
  const to = promisedToLabel(commitment);
  return (
    <Layout
      org={org}
      preheader={`Due ${formatDay(commitment.dueAt, commitment.timeZone)}: ${oneLine(commitment.description, 90)}`}
      reason={`You're getting this because ${org.name} uses Followthrough to remind you before something you promised is due.`}
      unsubscribe={{ url: unsubscribeUrl, label: "Turn off reminders about promises" }}
    >
      <Title>A promise is due soon</Title>
      <P>Hi {recipientName}, here is something you said you would do{to ? ` for ${to}` : ""}.</P>
      <CommitmentFacts commitment={commitment} />
      <WhyNow org={org}>
        Keeping a small promise on time tells an employer more about how you work than any answer in the
        interview. A little notice leaves room to do it well rather than in a rush.
      </WhyNow>
      <Steps
        items={[
          "Finish it, or give it a last read if it's nearly there.",
          "Send it with a line or two that links back to your conversation.",
          "Mark it done, so it counts on time.",
        ]}
      />
      <Button org={org} href={actionUrl}>
        Open the promise
      </Button>
    </Layout>
  );
}

ReminderCommitmentDueEmail.PreviewProps = {
  org: PREVIEW_ORG,
  recipientName: "Jordan",
  unsubscribeUrl: "https://app.followthrough.example/unsubscribe/commitment_due?t=c81d2e",
  commitment: {
    description: "Send the route-planning spreadsheet from the Harbourside project",
    dueAt: "2025-06-13T16:00:00.000Z",
    timeZone: "Europe/London",
    promisedTo: "Priya Raman",
    companyName: "Lumen Freight",
  },
  actionUrl: "https://app.followthrough.example/northbound/commitments/c42",
} satisfies ReminderCommitmentDueProps;

export default ReminderCommitmentDueEmail;
