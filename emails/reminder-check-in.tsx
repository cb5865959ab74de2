import { Button } from "./components/button";
import { P, Steps, Title, WhyNow } from "./components/blocks";
import { DraftBlock } from "./components/draft-block";
import { formatDay } from "@/lib/dates";
import { CONTACT_CHANNEL_PHRASE, DRAFT_KIND_LABEL } from "@/lib/vocabulary";
import { Layout } from "./components/layout";
import type { ApplicationRef, ContactChannel, DraftRef, Instant, ReminderBaseProps } from "./components/types";
import { PREVIEW_ORG } from "./components/brand";

export type CheckInTiming =
  /** The employer named a date (or "not before" date) and it has arrived. */
  | { kind: "agreed_date"; date: Instant }
  /** No date was agreed; the policy's default wait after the last interview has passed. */
  | { kind: "default_wait"; days: number; lastInterviewAt: Instant };

export type ReminderCheckInProps = ReminderBaseProps & {
  application: ApplicationRef;
  timing: CheckInTiming;
  /** The recipient's time zone. */
  timeZone: string;
  /** Who to check in with, when known. */
  contactName: string | null;
  /** How the employer prefers to be contacted, from the debrief. */
  channel: ContactChannel | null;
  /** The drafted check-in message, when there is one. */
  draft: DraftRef | null;
  /** The draft, or the application when there is no draft. */
  actionUrl: string;
};

export function ReminderCheckInEmail({
  org,
  recipientName,
  unsubscribeUrl,
  application,
  timing,
  timeZone,
  contactName,
  channel,
  draft,
  actionUrl,
}: ReminderCheckInProps) {
  const { companyName, roleTitle } = application;
  const why =
    timing.kind === "agreed_date"
      ? `When you last spoke, ${companyName} asked to hear from you from ${formatDay(timing.date, timeZone)}. That day has come, and your application hasn't moved since.`
      : `It has been ${timing.days} days since your interview on ${formatDay(timing.lastInterviewAt, timeZone)} and nothing has moved. That's long enough to ask without seeming impatient.`;
  const who = contactName ?? `your contact at ${companyName}`;
  const how = channel ? ` ${CONTACT_CHANNEL_PHRASE[channel]}` : "";

  return (
    <Layout
      org={org}
      preheader={`A short, friendly check-in with ${companyName} is due${draft ? ", and a draft is ready" : ""}.`}
      reason={`You're getting this because ${org.name} uses Followthrough to tell you when it's the right moment to check in after an interview.`}
      unsubscribe={{ url: unsubscribeUrl, label: "Turn off check-in reminders" }}
    >
      <Title>Time to check in with {companyName}</Title>
      <P>
        Hi {recipientName}, it&apos;s a good moment to get back in touch with {who}
        {how} about the {roleTitle} role.
      </P>
      <WhyNow org={org}>{why}</WhyNow>
      <Steps
        items={[
          "Keep it short: thank them, say you're still keen, and ask if there's anything else they need from you.",
          "Mention one thing that has happened since you spoke, if there is something worth sharing.",
          "Mark it sent once it's gone, so we stop reminding you.",
        ]}
      />
      {draft ? <DraftBlock org={org} draft={draft} kindLabel={DRAFT_KIND_LABEL.check_in} editLabel={null} /> : null}
      <Button org={org} href={actionUrl}>
        {draft ? "Edit and send your check-in" : "Open the application"}
      </Button>
    </Layout>
  );
}

ReminderCheckInEmail.PreviewProps = {
  org: PREVIEW_ORG,
  recipientName: "Jordan",
  unsubscribeUrl: "https://app.followthrough.example/unsubscribe/check_in?t=c81d2e",
  application: { companyName: "Lumen Freight", roleTitle: "Operations Analyst" },
  timing: { kind: "agreed_date", date: "2025-06-23T08:00:00.000Z" },
  timeZone: "Europe/London",
  contactName: "Priya Raman",
  channel: "email",
  draft: {
    recipientName: "Priya Raman",
    subject: "Operations Analyst role: checking in",
    body: "Hi Priya,\n\nYou mentioned you'd be deciding on the Operations Analyst role around now, so I wanted to check in. I'm still very keen, especially on helping with the move to a single national hub.\n\nIs there anything else you need from me?\n\nBest wishes,\nJordan",
    editUrl: "https://app.followthrough.example/northbound/drafts/b07",
  },
  actionUrl: "https://app.followthrough.example/northbound/drafts/b07",
} satisfies ReminderCheckInProps;

export default ReminderCheckInEmail;
