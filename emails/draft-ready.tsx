import { Button } from "./components/button";
import { Muted, P, Title } from "./components/blocks";
import { DraftBlock } from "./components/draft-block";
import { DRAFT_KIND_LABEL } from "@/lib/vocabulary";
import { capitalise } from "./components/text";
import { Layout } from "./components/layout";
import type { ApplicationRef, DraftKind, DraftRef, OrgBrand } from "./components/types";
import { PREVIEW_ORG } from "./components/brand";

export type DraftReadyProps = {
  org: OrgBrand;
  /** The client's first name. */
  recipientName: string;
  draft: DraftRef & { kind: DraftKind };
  /** The application the draft belongs to, when there is one. */
  application: ApplicationRef | null;
};

function intro(kind: DraftKind, to: string, application: ApplicationRef | null): string {
  const at = application ? ` at ${application.companyName}` : "";
  const role = application ? ` for the ${application.roleTitle} role` : "";
  switch (kind) {
    case "thank_you":
      return `here's a first draft of your thank-you note to ${to}${at}. One personal detail from your conversation will make it yours.`;
    case "follow_up_letter":
      return `here's a follow-up letter to ${to}${at}. It picks up what the two of you discussed and links your experience to the challenges they described.`;
    case "check_in":
      return `here's a short check-in to ${to}${role}, ready when you are.`;
    case "proposal":
      return `here's a starting point for your proposal to ${to}${at}. Shape it around what you know best.`;
    case "networking_ask":
      return `here's a note asking ${to} for a good word${role}. It's easy to say yes to, and easy to decline.`;
    case "rejection_reply":
      return `here's a gracious reply to ${to}${at} that keeps the door open.`;
    case "references":
      return `here's a message sharing your references with ${to}${role}.`;
  }
}

/** "Your thank-you note to Priya Raman is ready": the title, and the subject line. */
export function draftHeadline(kind: DraftKind, to: string): string {
  switch (kind) {
    case "thank_you":
      return `Your thank-you note to ${to} is ready`;
    case "follow_up_letter":
      return `Your follow-up letter to ${to} is ready`;
    case "check_in":
      return `Your check-in with ${to} is ready`;
    case "proposal":
      return `Your proposal for ${to} is ready to shape`;
    case "networking_ask":
      return `Your note asking ${to} for a good word is ready`;
    case "rejection_reply":
      return `Your reply to ${to} is ready`;
    case "references":
      return `Your references for ${to} are ready`;
  }
}

export function DraftReadyEmail({ org, recipientName, draft, application }: DraftReadyProps) {
  const label = DRAFT_KIND_LABEL[draft.kind];
  return (
    <Layout
      org={org}
      preheader={capitalise(intro(draft.kind, draft.recipientName, application))}
      reason={`You're getting this because Followthrough prepared a draft for you at ${org.name}. Nothing is sent for you: you send it yourself, from your own email.`}
    >
      <Title>{draftHeadline(draft.kind, draft.recipientName)}</Title>
      <P>
        Hi {recipientName}, {intro(draft.kind, draft.recipientName, application)}
      </P>
      <DraftBlock org={org} draft={draft} kindLabel={label} editLabel={null} />
      <Muted>Copy it into your own email, change anything that doesn&apos;t sound like you, and send it. Then mark it sent.</Muted>
      <Button org={org} href={draft.editUrl}>
        Edit and mark sent
      </Button>
    </Layout>
  );
}

DraftReadyEmail.PreviewProps = {
  org: PREVIEW_ORG,
  recipientName: "Jordan",
  draft: {
    kind: "follow_up_letter",
    recipientName: "Priya Raman",
    subject: "Following up on our conversation about the national hub",
    body: "Dear Priya,\n\nThank you again for Wednesday's conversation. You described late deliveries in the north as the complaint you hear most, and it stayed with me.\n\nAt Harbourside Logistics I rebuilt the route plan for our two busiest depots and cut late drops by a fifth within a quarter. I'd bring the same approach to the hub move: start with the data you already have, then fix the routes that hurt most.\n\nI'd be glad to talk it through whenever suits you.\n\nKind regards,\nJordan Ellis",
    editUrl: "https://app.followthrough.example/northbound/drafts/a21",
  },
  application: { companyName: "Lumen Freight", roleTitle: "Operations Analyst" },
} satisfies DraftReadyProps;

export default DraftReadyEmail;
