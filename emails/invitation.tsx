import { Button } from "./components/button";
import { Muted, P, Title } from "./components/blocks";
import { formatDay } from "@/lib/dates";
import { ROLE_WITH_ARTICLE } from "@/lib/vocabulary";
import { Layout } from "./components/layout";
import type { Instant, MemberRole, OrgBrand } from "./components/types";
import { PREVIEW_ORG } from "./components/brand";

export type InvitationProps = {
  org: OrgBrand;
  inviterName: string;
  inviteeEmail: string;
  role: MemberRole;
  acceptUrl: string;
  expiresAt: Instant;
  /** The organisation's time zone, for the expiry date. */
  timeZone: string;
};

const whatYouCanDo: Record<MemberRole, string> = {
  client:
    "You'll keep track of your applications and interviews in one place, get a nudge when a follow-up is due, and find a first draft of each message waiting for you.",
  coach:
    "You'll see how each of your clients is following through after their interviews, leave notes, and nudge them when something is slipping.",
  owner:
    "You'll manage the practice: invite coaches and clients, decide who coaches whom, and set the follow-up policy everyone works to.",
};

export function InvitationEmail({ org, inviterName, inviteeEmail, role, acceptUrl, expiresAt, timeZone }: InvitationProps) {
  return (
    <Layout
      org={org}
      preheader={`${inviterName} invited you to join ${org.name} as ${ROLE_WITH_ARTICLE[role]}.`}
      reason={`You're getting this because ${inviterName} invited ${inviteeEmail} to ${org.name}. If you weren't expecting it, you can ignore this email.`}
    >
      <Title>Join {org.name}</Title>
      <P>
        {inviterName} has invited you to join {org.name} on Followthrough as {ROLE_WITH_ARTICLE[role]}.
      </P>
      <P>{whatYouCanDo[role]}</P>
      <Button org={org} href={acceptUrl}>
        Accept the invitation
      </Button>
      <Muted>This invitation is for {inviteeEmail} and works until {formatDay(expiresAt, timeZone)}.</Muted>
    </Layout>
  );
}

InvitationEmail.PreviewProps = {
  org: PREVIEW_ORG,
  inviterName: "Dana Whitfield",
  inviteeEmail: "jordan.ellis@example.com",
  role: "client",
  acceptUrl: "https://app.followthrough.example/invite/9b1e4c0a",
  expiresAt: "2025-06-20T17:00:00.000Z",
  timeZone: "Europe/London",
} satisfies InvitationProps;

export default InvitationEmail;
