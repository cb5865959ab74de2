import type { draftKind } from "@/db/schema/followup";
import type { contactChannel, applicationStatus, interviewKind } from "@/db/schema/pipeline";

/**
 * Inputs and output of draft generation. Fields that come from nullable columns accept `null`
 * and `undefined` alike, so a service can pass rows straight through.
 */

export type DraftKind = (typeof draftKind.enumValues)[number];
export type ApplicationStatus = (typeof applicationStatus.enumValues)[number];
export type InterviewKind = (typeof interviewKind.enumValues)[number];
export type ContactChannel = (typeof contactChannel.enumValues)[number];

type Maybe<T> = T | null | undefined;

/** The register the client writes in: "warm" greets with "Hi Elena,", "formal" with "Dear Elena,". */
export type DraftTone = "warm" | "formal";

export type ClientProfile = {
  name: string;
  /** One line about the client, e.g. "Data engineer who turns messy pipelines into reliable ones". */
  headline?: Maybe<string>;
  /** Headline accomplishments, most important first. */
  accomplishments: readonly string[];
  /** Defaults to warm. */
  tone?: Maybe<DraftTone>;
};

export type CompanyFacts = {
  name: string;
  /** The challenges the company stated, most important first. */
  challenges: readonly string[];
  /** Accepted for completeness but never quoted: these are the client's private notes. */
  researchNotes?: Maybe<string>;
};

export type ApplicationFacts = {
  id: string;
  roleTitle: string;
  status: ApplicationStatus;
};

export type InterviewFacts = {
  id: string;
  kind: InterviewKind;
  startsAt: Date;
  /** IANA zone the interview happened in; dates in messages are written in it. */
  timeZone: string;
  nextSteps?: Maybe<string>;
  /** YYYY-MM-DD: the date the employer agreed to be contacted on. */
  agreedCheckInOn?: Maybe<string>;
  preferredChannel?: Maybe<ContactChannel>;
};

/** One interviewer and what came up with them. */
export type Participant = {
  contactId: string;
  name: string;
  title?: Maybe<string>;
  discussed?: Maybe<string>;
  /** Which of the company's challenges came up with this person. */
  challengesDiscussed?: Maybe<readonly string[]>;
};

export type CommitmentFacts = {
  id: string;
  description: string;
  dueAt: Date;
  /** Who the promise was made to; letters to that person mention it. */
  contactId?: Maybe<string>;
  /** Done promises are never mentioned. */
  doneAt?: Maybe<Date>;
};

/** Someone a good-word contact knows: a person (maybe one of the interviewers) or the company itself. */
/** `contactId` set when the person is one of our contacts: an interviewer is then named as such. */
export type PersonAcquaintance = { kind: "person"; name: string; contactId?: Maybe<string>; title?: Maybe<string> };
export type Acquaintance = PersonAcquaintance | { kind: "company" };

/** A contact who could put in a good word, with everyone relevant they know. */
export type GoodWordContact = {
  contactId: string;
  name: string;
  knows: readonly Acquaintance[];
};

export type Recipient = { contactId: string; name: string };

export type ReferencePerson = {
  name: string;
  relationship?: Maybe<string>;
  email?: Maybe<string>;
  phone?: Maybe<string>;
};

/** What every draft can draw on. */
export type DraftContext = {
  client: ClientProfile;
  company: CompanyFacts;
  application: ApplicationFacts;
  interview?: Maybe<InterviewFacts>;
  participants?: Maybe<readonly Participant[]>;
  commitments?: Maybe<readonly CommitmentFacts[]>;
  goodWordContacts?: Maybe<readonly GoodWordContact[]>;
};

/** Drafts written after a debrief need the interview they follow. */
export type DebriefContext = DraftContext & { interview: InterviewFacts };

/** A message ready to store as a `drafts` row; plain text, see generate.ts about escaping. */
export type DraftSpec = {
  kind: DraftKind;
  contactId: string | null;
  subject: string;
  body: string;
  /** Stable for the same subject matter, so regenerating never duplicates a draft. */
  generationKey: string;
};
