import { Button } from "./components/button";
import { P, Steps, Title, WhyNow } from "./components/blocks";
import { Layout } from "./components/layout";
import type { ApplicationRef, ReminderBaseProps } from "./components/types";
import { PREVIEW_ORG } from "./components/brand";

export type ReminderProposalSuggestionProps = ReminderBaseProps & {
  application: ApplicationRef;
  /** The challenges the company stated in interviews, as recorded in the debrief. */
  challenges: string[];
  /** Starts a proposal draft for this application. */
  actionUrl: string;
};

export function ReminderProposalSuggestionEmail({
  org,
  recipientName,
  unsubscribeUrl,
  application,
  challenges,
  actionUrl,
}: ReminderProposalSuggestionProps) {
  const { companyName, roleTitle } = application;
  return (
    <Layout
      org={org}
      preheader={`${companyName} told you what's hard for them. A one-page proposal shows how you'd start.`}
      reason={`You're getting this because ${org.name} uses Followthrough to suggest a proposal when an employer shares a challenge. We suggest it once per application.`}
      unsubscribe={{ url: unsubscribeUrl, label: "Turn off proposal suggestions" }}
    >
      <Title>An idea for {companyName}</Title>
      <P>
        Hi {recipientName}, in your {roleTitle} interview, {companyName} talked about{" "}
        {challenges.length === 1 ? "a challenge" : "challenges"} they&apos;re facing:
      </P>
      <Steps items={challenges} />
      <WhyNow org={org}>
        You heard this first-hand and it&apos;s still fresh. A short proposal that tackles one of these shows
        how you would start, not only that you could, and few candidates take the trouble.
      </WhyNow>
      <Steps
        items={[
          "Pick the challenge you know best how to approach.",
          "In a few short paragraphs, say how you'd tackle it in your first months, drawing on something you've done before.",
          "Offer it as the start of a conversation, not a finished plan.",
        ]}
      />
      <Button org={org} href={actionUrl}>
        Start a proposal
      </Button>
    </Layout>
  );
}

ReminderProposalSuggestionEmail.PreviewProps = {
  org: PREVIEW_ORG,
  recipientName: "Jordan",
  unsubscribeUrl: "https://app.followthrough.example/unsubscribe/proposal_suggestion?t=c81d2e",
  application: { companyName: "Lumen Freight", roleTitle: "Operations Analyst" },
  challenges: [
    "Late deliveries in the northern region",
    "Merging two depot rota systems before the new hub opens",
  ],
  actionUrl: "https://app.followthrough.example/northbound/applications/9d3/drafts/new?kind=proposal",
} satisfies ReminderProposalSuggestionProps;

export default ReminderProposalSuggestionEmail;
