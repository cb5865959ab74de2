import { Button } from "./components/button";
import { P, Steps, Title, WhyNow } from "./components/blocks";
import { CommitmentFacts, promisedToLabel, type CommitmentRef } from "./components/commitment";
import { formatDay } from "@/lib/dates";
import { oneLine } from "./components/text";
import { Layout } from "./components/layout";
import type { ReminderBaseProps } from "./components/types";
import { PREVIEW_ORG } from "./components/brand";

export type ReminderCommitmentOverdueProps = ReminderBaseProps & {
  commitment: CommitmentRef;
  /** The commitment in the app, where it is marked done. */
  actionUrl: string;
};

export function ReminderCommitmentOverdueEmail({
  org,
  recipientName,
  unsubscribeUrl,
  commitment,
  actionUrl,
}: ReminderCommitmentOverdueProps) {
  const to = promisedToLabel(commitment);
  const due = formatDay(commitment.dueAt, commitment.timeZone);
  return (
    <Layout
      org={org}
      preheader={`This was due ${due}: ${oneLine(commitment.description, 90)}. Sending it today still counts.`}
      reason={`You're getting this because ${org.name} uses Followthrough to remind you when something you promised is past due.`}
      unsubscribe={{ url: unsubscribeUrl, label: "Turn off reminders about promises" }}
    >
      <Title>This one slipped past its date</Title>
      <P>
        Hi {recipientName}, something you promised{to ? ` ${to}` : ""} was due {due} and isn&apos;t marked done yet.
      </P>
      <CommitmentFacts commitment={commitment} />
      <WhyNow org={org}>
        Late is far better than never, and a plain, friendly word about the delay is all it takes. Each day
        of silence makes the next message harder to write.
      </WhyNow>
      <Steps
        items={[
          "Send it today, with one line acknowledging it's a little late. No long apology needed.",
          `Need more time? Tell ${commitment.promisedTo ?? "them"} when it will arrive, and keep that date.`,
          "Already sent it? Mark it done so we stop asking.",
        ]}
      />
      <Button org={org} href={actionUrl}>
        Open the promise
      </Button>
    </Layout>
  );
}

ReminderCommitmentOverdueEmail.PreviewProps = {
  org: PREVIEW_ORG,
  recipientName: "Jordan",
  unsubscribeUrl: "https://app.followthrough.example/unsubscribe/commitment_overdue?t=c81d2e",
  commitment: {
    description: "Email two references who saw my depot scheduling work",
    dueAt: "2025-06-12T16:00:00.000Z",
    timeZone: "Europe/London",
    promisedTo: "Tomás Alves",
    companyName: "Lumen Freight",
  },
  actionUrl: "https://app.followthrough.example/northbound/commitments/c43",
} satisfies ReminderCommitmentOverdueProps;

export default ReminderCommitmentOverdueEmail;
