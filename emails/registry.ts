import type { ReactElement } from "react";
import { ClientWeeklyDigestEmail, type ClientWeeklyDigestProps } from "./client-weekly-digest";
import { CoachNudgeEmail, type CoachNudgeProps } from "./coach-nudge";
import { CoachWeeklyDigestEmail, type CoachWeeklyDigestProps } from "./coach-weekly-digest";
import type { ReminderKind } from "./components/types";
import { DraftReadyEmail, type DraftReadyProps } from "./draft-ready";
import { InvitationEmail, type InvitationProps } from "./invitation";
import { ReminderCheckInEmail, type ReminderCheckInProps } from "./reminder-check-in";
import { ReminderCommitmentDueEmail, type ReminderCommitmentDueProps } from "./reminder-commitment-due";
import { ReminderCommitmentOverdueEmail, type ReminderCommitmentOverdueProps } from "./reminder-commitment-overdue";
import { ReminderDebriefEmail, type ReminderDebriefProps } from "./reminder-debrief";
import {
  ReminderNetworkingSuggestionEmail,
  type ReminderNetworkingSuggestionProps,
} from "./reminder-networking-suggestion";
import { ReminderPrepareEmail, type ReminderPrepareProps } from "./reminder-prepare";
import { ReminderProposalSuggestionEmail, type ReminderProposalSuggestionProps } from "./reminder-proposal-suggestion";
import { ReminderReconnectEmail, type ReminderReconnectProps } from "./reminder-reconnect";
import {
  ReminderRejectionFollowThroughEmail,
  type ReminderRejectionFollowThroughProps,
} from "./reminder-rejection-follow-through";
import { ReminderThankYouDueEmail, type ReminderThankYouDueProps } from "./reminder-thank-you-due";
import { SignInLinkEmail, type SignInLinkProps } from "./sign-in-link";

/** Every email the product sends, by template name, with the props it requires. */
export type EmailPropsMap = {
  "sign-in-link": SignInLinkProps;
  invitation: InvitationProps;
  "reminder-prepare": ReminderPrepareProps;
  "reminder-debrief": ReminderDebriefProps;
  "reminder-thank-you-due": ReminderThankYouDueProps;
  "reminder-commitment-due": ReminderCommitmentDueProps;
  "reminder-commitment-overdue": ReminderCommitmentOverdueProps;
  "reminder-check-in": ReminderCheckInProps;
  "reminder-proposal-suggestion": ReminderProposalSuggestionProps;
  "reminder-networking-suggestion": ReminderNetworkingSuggestionProps;
  "reminder-rejection-follow-through": ReminderRejectionFollowThroughProps;
  "reminder-reconnect": ReminderReconnectProps;
  "draft-ready": DraftReadyProps;
  "client-weekly-digest": ClientWeeklyDigestProps;
  "coach-weekly-digest": CoachWeeklyDigestProps;
  "coach-nudge": CoachNudgeProps;
};

export type EmailName = keyof EmailPropsMap;
export type EmailProps<N extends EmailName> = EmailPropsMap[N];

export type EmailTemplate<P> = ((props: P) => ReactElement) & { PreviewProps: P };

export const templates: { readonly [N in EmailName]: EmailTemplate<EmailPropsMap[N]> } = {
  "sign-in-link": SignInLinkEmail,
  invitation: InvitationEmail,
  "reminder-prepare": ReminderPrepareEmail,
  "reminder-debrief": ReminderDebriefEmail,
  "reminder-thank-you-due": ReminderThankYouDueEmail,
  "reminder-commitment-due": ReminderCommitmentDueEmail,
  "reminder-commitment-overdue": ReminderCommitmentOverdueEmail,
  "reminder-check-in": ReminderCheckInEmail,
  "reminder-proposal-suggestion": ReminderProposalSuggestionEmail,
  "reminder-networking-suggestion": ReminderNetworkingSuggestionEmail,
  "reminder-rejection-follow-through": ReminderRejectionFollowThroughEmail,
  "reminder-reconnect": ReminderReconnectEmail,
  "draft-ready": DraftReadyEmail,
  "client-weekly-digest": ClientWeeklyDigestEmail,
  "coach-weekly-digest": CoachWeeklyDigestEmail,
  "coach-nudge": CoachNudgeEmail,
};

export const emailNames = Object.keys(templates) as EmailName[];

/** Which template delivers each `reminder_kind` row. Exhaustive: a new kind fails to compile here. */
export const emailForReminderKind = {
  prepare: "reminder-prepare",
  debrief: "reminder-debrief",
  thank_you_due: "reminder-thank-you-due",
  commitment_due: "reminder-commitment-due",
  commitment_overdue: "reminder-commitment-overdue",
  check_in: "reminder-check-in",
  proposal_suggestion: "reminder-proposal-suggestion",
  networking_suggestion: "reminder-networking-suggestion",
  rejection_follow_through: "reminder-rejection-follow-through",
  reconnect: "reminder-reconnect",
  client_digest: "client-weekly-digest",
  coach_digest: "coach-weekly-digest",
  coach_nudge: "coach-nudge",
} as const satisfies Record<ReminderKind, EmailName>;

/**
 * Templates sent for a reminder row. The recipient can switch each kind off, so these carry an
 * unsubscribe link (their props require `unsubscribeUrl`); the others are transactional.
 */
export type ReminderEmailName = (typeof emailForReminderKind)[ReminderKind];

export const reminderEmailNames: ReadonlySet<EmailName> = new Set<EmailName>(Object.values(emailForReminderKind));

export function isReminderEmail(name: EmailName): name is ReminderEmailName {
  return reminderEmailNames.has(name);
}

/** The `reminder_kind` a reminder template is sent for: the inverse of `emailForReminderKind`. */
export const reminderKindForEmail = Object.fromEntries(
  Object.entries(emailForReminderKind).map(([kind, name]) => [name, kind]),
) as { [K in ReminderKind as (typeof emailForReminderKind)[K]]: K };

type Assert<T extends true> = T;
/** Compile-time check: every reminder template's props require an unsubscribe link. */
export type RemindersRequireUnsubscribe = Assert<
  EmailPropsMap[ReminderEmailName] extends { unsubscribeUrl: string } ? true : false
>;
