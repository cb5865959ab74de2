import { render, toPlainText } from "@react-email/render";
import { createElement, type ReactElement } from "react";
import { templates, type EmailName, type EmailPropsMap } from "./registry";
import { subjectFor } from "./subjects";

export {
  emailForReminderKind,
  emailNames,
  isReminderEmail,
  reminderEmailNames,
  reminderKindForEmail,
  templates,
  type EmailName,
  type EmailProps,
  type EmailPropsMap,
  type EmailTemplate,
  type ReminderEmailName,
} from "./registry";
export { subjectFor } from "./subjects";
export { PRODUCT_BRAND } from "./components/brand";
export type {
  ApplicationRef,
  DraftKind,
  DraftRef,
  Instant,
  OrgBrand,
  ReminderBaseProps,
  ReminderKind,
} from "./components/types";
export type { SignInLinkProps } from "./sign-in-link";
export type { InvitationProps } from "./invitation";
export type { ReminderPrepareProps } from "./reminder-prepare";
export type { ReminderDebriefProps } from "./reminder-debrief";
export type { ReminderThankYouDueProps } from "./reminder-thank-you-due";
export type { ReminderCommitmentDueProps, CommitmentRef } from "./reminder-commitment-due";
export type { ReminderCommitmentOverdueProps } from "./reminder-commitment-overdue";
export type { ReminderCheckInProps, CheckInTiming } from "./reminder-check-in";
export type { ReminderProposalSuggestionProps } from "./reminder-proposal-suggestion";
export type { ReminderNetworkingSuggestionProps, NetworkingConnection } from "./reminder-networking-suggestion";
export type { ReminderRejectionFollowThroughProps } from "./reminder-rejection-follow-through";
export type { ReminderReconnectProps } from "./reminder-reconnect";
export type { DraftReadyProps } from "./draft-ready";
export type { ClientWeeklyDigestProps, DigestFollowUp } from "./client-weekly-digest";
export type { CoachWeeklyDigestProps, CoachDigestClient } from "./coach-weekly-digest";
export type { CoachNudgeProps } from "./coach-nudge";

export type RenderedEmail = { subject: string; html: string; text: string };

// html-to-text upper-cases headings by default; our headings are sentences, not banners.
const plainTextOptions = {
  selectors: [
    { selector: "h1", options: { uppercase: false } },
    { selector: "h2", options: { uppercase: false } },
  ],
};

export type EmailRenderer = <N extends EmailName>(name: N, props: EmailPropsMap[N]) => Promise<RenderedEmail>;

let renderer: EmailRenderer | null = null;

/**
 * Renders one email to its subject, HTML and plain-text parts: on this thread, or through the
 * renderer installed with `renderEmailsWith` (the delivery's worker threads: rendering is
 * CPU-bound, and a batch of 100 would otherwise hold the event loop for half a second).
 */
export function renderEmail<N extends EmailName>(name: N, props: EmailPropsMap[N]): Promise<RenderedEmail> {
  return renderer ? renderer(name, props) : renderEmailHere(name, props);
}

/** Sends every renderEmail call to `next` (same output, elsewhere), or back to this thread with null. */
export function renderEmailsWith(next: EmailRenderer | null): void {
  renderer = next;
}

/**
 * renderEmail on this thread, whatever renderer is installed (what a render worker runs).
 *
 * The text part is converted from the HTML already rendered, which is exactly what
 * `render(element, { plainText: true })` does internally, without rendering the tree twice.
 */
export async function renderEmailHere<N extends EmailName>(name: N, props: EmailPropsMap[N]): Promise<RenderedEmail> {
  const Template: (props: EmailPropsMap[N]) => ReactElement = templates[name];
  const html = await render(createElement(Template, props));
  return { subject: subjectFor(name, props), html, text: toPlainText(html, plainTextOptions) };
}
