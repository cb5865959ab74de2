import { Button } from "./components/button";
import { P, Steps, Title, WhyNow } from "./components/blocks";
import { DraftBlock } from "./components/draft-block";
import { DRAFT_KIND_LABEL } from "@/lib/vocabulary";
import { formatDuration, plural } from "./components/text";
import { Layout } from "./components/layout";
import type { ApplicationRef, DraftRef, ReminderBaseProps } from "./components/types";
import { PREVIEW_ORG } from "./components/brand";

export type ReminderRejectionFollowThroughProps = ReminderBaseProps & {
  application: ApplicationRef;
  /** The drafted gracious reply, when there is one. */
  draft: DraftRef | null;
  /** How many of the client's contacts are linked to this company; they stay in the network. */
  contactsKept: number;
  /** Policy: when we will suggest reconnecting. */
  reconnectAfterDays: number;
  /** The draft, or the application when there is no draft. */
  actionUrl: string;
};

export function ReminderRejectionFollowThroughEmail({
  org,
  recipientName,
  unsubscribeUrl,
  application,
  draft,
  contactsKept,
  reconnectAfterDays,
  actionUrl,
}: ReminderRejectionFollowThroughProps) {
  const { companyName, roleTitle } = application;
  const kept =
    contactsKept > 0
      ? `Your ${plural(contactsKept, "contact")} at ${companyName} stay in your network.`
      : `Anyone you met at ${companyName} is worth adding to your contacts.`;

  return (
    <Layout
      org={org}
      preheader={`${companyName} went another way. A gracious reply keeps the door open, and a draft is ready.`}
      reason={`You're getting this because ${org.name} uses Followthrough to help you close an application well when it ends.`}
      unsubscribe={{ url: unsubscribeUrl, label: "Turn off these emails after a rejection" }}
    >
      <Title>Closing well with {companyName}</Title>
      <P>
        Hi {recipientName}, we&apos;re sorry the {roleTitle} role didn&apos;t work out. It&apos;s fine to be
        disappointed; you put real work into this one.
      </P>
      <WhyNow org={org}>
        A warm reply in the next day or two is remembered. Plans change, new roles open, and the candidates
        who closed with grace are the ones people think of first.
      </WhyNow>
      <Steps
        items={[
          "Thank them for their time, and say you'd be glad to hear about future openings.",
          "If it feels right, ask for one piece of feedback. Keep it to one.",
          `${kept} We've stopped this application's reminders and will suggest getting back in touch in about ${formatDuration(reconnectAfterDays)}.`,
        ]}
      />
      {draft ? (
        <DraftBlock org={org} draft={draft} kindLabel={DRAFT_KIND_LABEL.rejection_reply} editLabel={null} />
      ) : null}
      <Button org={org} href={actionUrl}>
        {draft ? "Edit and send your reply" : "Open the application"}
      </Button>
    </Layout>
  );
}

ReminderRejectionFollowThroughEmail.PreviewProps = {
  org: PREVIEW_ORG,
  recipientName: "Jordan",
  unsubscribeUrl: "https://app.followthrough.example/unsubscribe/rejection_follow_through?t=c81d2e",
  application: { companyName: "Castor Health", roleTitle: "Planning Coordinator" },
  draft: {
    recipientName: "Meera Lind",
    subject: "Thank you, and keeping in touch",
    body: "Hi Meera,\n\nThank you for letting me know, and for the time you and the team gave me. I enjoyed learning about the clinic scheduling work and would be glad to hear about future roles.\n\nIf you have a moment, I'd value one thing I could have done better.\n\nAll the best,\nJordan",
    editUrl: "https://app.followthrough.example/northbound/drafts/d02",
  },
  contactsKept: 2,
  reconnectAfterDays: 90,
  actionUrl: "https://app.followthrough.example/northbound/drafts/d02",
} satisfies ReminderRejectionFollowThroughProps;

export default ReminderRejectionFollowThroughEmail;
