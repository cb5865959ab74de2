import { Button } from "./components/button";
import { P, Steps, Title, WhyNow } from "./components/blocks";
import { DraftBlock } from "./components/draft-block";
import { DRAFT_KIND_LABEL } from "@/lib/vocabulary";
import { Layout } from "./components/layout";
import type { ApplicationRef, DraftRef, ReminderBaseProps } from "./components/types";
import { PREVIEW_ORG } from "./components/brand";

export type NetworkingConnection =
  /** The contact knows someone who interviewed the client. */
  | { kind: "interviewer"; interviewerName: string }
  /** The contact knows the company itself. */
  | { kind: "company" };

export type ReminderNetworkingSuggestionProps = ReminderBaseProps & {
  application: ApplicationRef;
  /** The person in the client's network who could put in a good word. */
  contact: { name: string; howYouKnowThem: string | null };
  connection: NetworkingConnection;
  /** The drafted ask, when there is one. */
  draft: DraftRef | null;
  /** The draft, or the contact when there is no draft. */
  actionUrl: string;
};

export function ReminderNetworkingSuggestionEmail({
  org,
  recipientName,
  unsubscribeUrl,
  application,
  contact,
  connection,
  draft,
  actionUrl,
}: ReminderNetworkingSuggestionProps) {
  const { companyName, roleTitle } = application;
  const link =
    connection.kind === "interviewer"
      ? `${contact.name} knows ${connection.interviewerName}, who interviewed you for the ${roleTitle} role at ${companyName}.`
      : `${contact.name} has a connection at ${companyName}, where you're in the running for the ${roleTitle} role.`;

  return (
    <Layout
      org={org}
      preheader={`${contact.name} could put in a good word for you at ${companyName}.`}
      reason={`You're getting this because ${org.name} uses Followthrough to point out when someone you know could help with an application.`}
      unsubscribe={{ url: unsubscribeUrl, label: "Turn off networking suggestions" }}
    >
      <Title>{contact.name} could put in a good word</Title>
      <P>
        Hi {recipientName}, {link}
      </P>
      {/* The client's own note, whatever its wording ("Worked together for three years", "my
          sister's friend"): quoted after a label, never spliced into a sentence of ours. */}
      {contact.howYouKnowThem ? (
        <P>
          How you know {contact.name}, in your words: “{contact.howYouKnowThem.trim().replace(/[.\s]+$/u, "")}”
        </P>
      ) : null}
      <WhyNow org={org}>
        A word from someone they already trust carries more weight than anything you can say about
        yourself, and it helps most while they are still deciding.
      </WhyNow>
      <Steps
        items={[
          "Ask plainly, and make it easy to say no.",
          "In two sentences, remind them what the role is and why you want it.",
          "Thank them whatever they decide, and let them know how it turns out.",
        ]}
      />
      {draft ? (
        <DraftBlock org={org} draft={draft} kindLabel={DRAFT_KIND_LABEL.networking_ask} editLabel={null} />
      ) : null}
      <Button org={org} href={actionUrl}>
        {draft ? "Edit and send your message" : `Open ${contact.name}'s details`}
      </Button>
    </Layout>
  );
}

ReminderNetworkingSuggestionEmail.PreviewProps = {
  org: PREVIEW_ORG,
  recipientName: "Jordan",
  unsubscribeUrl: "https://app.followthrough.example/unsubscribe/networking_suggestion?t=c81d2e",
  application: { companyName: "Lumen Freight", roleTitle: "Operations Analyst" },
  contact: { name: "Wen Okafor", howYouKnowThem: "the 2022 supply-chain meetup in Leeds" },
  connection: { kind: "interviewer", interviewerName: "Tomás Alves" },
  draft: {
    recipientName: "Wen Okafor",
    subject: "A small favour about Lumen Freight?",
    body: "Hi Wen,\n\nI hope the new role is treating you well. I've just interviewed for an Operations Analyst job at Lumen Freight and met Tomás Alves, who I think you worked with.\n\nIf you feel comfortable, would you be willing to mention to him that you know my work? No worries at all if not.\n\nThanks either way,\nJordan",
    editUrl: "https://app.followthrough.example/northbound/drafts/c11",
  },
  actionUrl: "https://app.followthrough.example/northbound/drafts/c11",
} satisfies ReminderNetworkingSuggestionProps;

export default ReminderNetworkingSuggestionEmail;
