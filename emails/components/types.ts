export type { ApplicationStatus, ContactChannel, DraftKind, InterviewKind, MemberRole } from "@/lib/vocabulary";
import type { ReminderKind as AnyReminderKind } from "@/lib/vocabulary";

/** A `Date` from a row, or its ISO string after a trip through JSON (an Inngest step result). */
export type { Instant } from "@/lib/dates";

/**
 * The playbook's reminder kinds. An `invitation` row of the reminder outbox is not one: it only
 * borrows the outbox's exactly-once delivery, and its email is transactional (no unsubscribe).
 */
export type ReminderKind = Exclude<AnyReminderKind, "invitation">;

/** The organisation an email is sent on behalf of. */
export type OrgBrand = {
  name: string;
  /** Hex colour (#rgb or #rrggbb). Anything else falls back to the product colour. */
  brandColor: string;
  /** Absolute http(s) URL of the logo; anything else is ignored. */
  logoUrl?: string | null;
};

/** Every reminder email is addressed to a person and can be switched off by them. */
export type ReminderBaseProps = {
  org: OrgBrand;
  /** First name, as the greeting uses it. */
  recipientName: string;
  /** Signed link that switches this kind of email off for the recipient. */
  unsubscribeUrl: string;
};

export type ApplicationRef = {
  companyName: string;
  roleTitle: string;
};

/** A prepared message shown inside an email, ready to copy. */
export type DraftRef = {
  /** Who the client would send it to. */
  recipientName: string;
  subject: string;
  body: string;
  /** Where the client edits the draft and marks it sent. */
  editUrl: string;
};
