import { Button } from "./components/button";
import { P, Steps, Title, WhyNow } from "./components/blocks";
import { formatDay } from "@/lib/dates";
import { joinNames } from "./components/text";
import { Layout } from "./components/layout";
import type { ApplicationRef, Instant, ReminderBaseProps } from "./components/types";
import { PREVIEW_ORG } from "./components/brand";

export type ReminderReconnectProps = ReminderBaseProps & {
  /** The application that closed. */
  application: ApplicationRef;
  /** When it was closed. */
  closedAt: Instant;
  /** The recipient's time zone. */
  timeZone: string;
  /** People the client met there; may be empty. */
  contacts: Array<{ name: string; title: string | null }>;
  /** Where the client writes to them (the company's contacts). */
  actionUrl: string;
};

export function ReminderReconnectEmail({
  org,
  recipientName,
  unsubscribeUrl,
  application,
  closedAt,
  timeZone,
  contacts,
  actionUrl,
}: ReminderReconnectProps) {
  const { companyName, roleTitle } = application;
  const names = contacts.map((c) => (c.title ? `${c.name} (${c.title})` : c.name));
  const who = contacts.length > 0 ? joinNames(contacts.map((c) => c.name)) : `the people you met at ${companyName}`;

  return (
    <Layout
      org={org}
      preheader={`Enough time has passed since ${companyName} to get back in touch naturally.`}
      reason={`You're getting this because ${org.name} uses Followthrough to suggest reconnecting a while after an application closes.`}
      unsubscribe={{ url: unsubscribeUrl, label: "Turn off reconnect suggestions" }}
    >
      <Title>Time to reconnect with {companyName}</Title>
      <P>
        Hi {recipientName}, on {formatDay(closedAt, timeZone)}, {companyName} chose someone else for the{" "}
        {roleTitle} role. You closed on good terms
        {names.length > 0 ? `, and you still know ${joinNames(names)}.` : "."}
      </P>
      <WhyNow org={org}>
        Enough time has passed for a note to feel friendly rather than pushy, and teams change: a role that
        wasn&apos;t there then may be now.
      </WhyNow>
      <P>A good note to {who}:</P>
      <Steps
        items={[
          "Opens with something recent of theirs you noticed: a launch, a new hire, a milestone.",
          "Says in a line or two what you've been working on since.",
          "Asks if they'd be open to a short catch-up, with no favour attached.",
        ]}
      />
      <Button org={org} href={actionUrl}>
        Get back in touch
      </Button>
    </Layout>
  );
}

ReminderReconnectEmail.PreviewProps = {
  org: PREVIEW_ORG,
  recipientName: "Jordan",
  unsubscribeUrl: "https://app.followthrough.example/unsubscribe/reconnect?t=c81d2e",
  application: { companyName: "Castor Health", roleTitle: "Planning Coordinator" },
  closedAt: "2025-03-04T12:00:00.000Z",
  timeZone: "Europe/London",
  contacts: [
    { name: "Meera Lind", title: "Head of Planning" },
    { name: "Sol Brandt", title: null },
  ],
  actionUrl: "https://app.followthrough.example/northbound/companies/4f0/contacts",
} satisfies ReminderReconnectProps;

export default ReminderReconnectEmail;
