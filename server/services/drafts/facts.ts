import { formatDay, formatIsoDate } from "@/lib/dates";
import { isValidTimeZone } from "../../followup/time";
import { cleanLine, clip, phrase, shortHash } from "./text";
import type { CommitmentFacts, DraftContext, InterviewFacts, Participant } from "./types";

/**
 * The facts a draft is built from, each already cleaned and bounded, and the deterministic
 * choices between them (which challenge, which accomplishment).
 */

/** Upper bounds for text we place inside sentences (UTF-16 units, ellipsis included). */
export const LIMITS = {
  name: 80,
  title: 80,
  company: 100,
  role: 100,
  headline: 160,
  discussed: 200,
  challenge: 200,
  accomplishment: 200,
  nextSteps: 200,
  commitment: 160,
  contactDetail: 100,
  subjectTopic: 80,
  subject: 150,
} as const;

/** Never shown to more than this many people or promises in one draft, so bodies stay bounded. */
export const MAX_LISTED = { commitments: 3, references: 10, acquaintances: 4 } as const;

/** The zone dates are written in: the interview's, or UTC when it has none we can use. */
export function writingZone(ctx: DraftContext): string {
  const zone = ctx.interview?.timeZone;
  return typeof zone === "string" && zone !== "" && isValidTimeZone(zone) ? zone : "UTC";
}

function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

// Dates near the edge of the JS range overflow once shifted into a zone; no message needs them.
function isPlausible(date: Date): boolean {
  const year = date.getUTCFullYear();
  return year >= 1900 && year <= 9999;
}

/** "Tuesday 3 June", or "" when the instant is missing, invalid or absurd. */
export function dayOf(instant: unknown, timeZone: string): string {
  return isValidDate(instant) && isPlausible(instant) ? formatDay(instant, timeZone) : "";
}

/** "2026-06-12" → "Friday 12 June"; "" for anything that is not a real calendar date. */
export function dayOfIsoDate(value: unknown): string {
  return typeof value === "string" ? formatIsoDate(value) : "";
}

export function interviewDay(ctx: DraftContext): string {
  return dayOf(ctx.interview?.startsAt, writingZone(ctx));
}

export function clientName(ctx: DraftContext): string {
  return phrase(ctx.client.name, LIMITS.name);
}

export function companyName(ctx: DraftContext): string {
  return phrase(ctx.company.name, LIMITS.company);
}

/** "The Senior Designer role" → "Senior Designer", so templates can say "the … role" once. */
export function roleTitle(ctx: DraftContext): string {
  return phrase(ctx.application.roleTitle, LIMITS.role)
    .replace(/^the\s+/iu, "")
    .replace(/\s+(?:role|position)$/iu, "");
}

export function personName(name: unknown): string {
  return phrase(name, LIMITS.name);
}

/** "Priya Shah (Head of Data)", or just the name; "" without a name. */
export function nameWithTitle(person: { name: unknown; title?: unknown }): string {
  const name = personName(person.name);
  const title = phrase(person.title, LIMITS.title);
  return name && title ? `${name} (${title})` : name;
}

/** "the Data Engineer role at Acme", degrading gracefully when either is unknown. */
export function roleAtCompany(ctx: DraftContext): string {
  const role = roleTitle(ctx);
  const company = companyName(ctx);
  const theRole = role ? `the ${role} role` : "the role";
  return company ? `${theRole} at ${company}` : theRole;
}

export function theRole(ctx: DraftContext): string {
  const role = roleTitle(ctx);
  return role ? `the ${role} role` : "the role";
}

/** How the interview happened, for "Thank you for …". */
export function meetingPhrase(interview: InterviewFacts): string {
  switch (interview.kind) {
    case "phone":
      return "speaking with me by phone";
    case "video":
      return "meeting with me by video";
    case "onsite":
      return "meeting with me in person";
    case "panel":
      return "being part of my interview panel";
    default:
      return "meeting with me";
  }
}

function cleanList(values: unknown): string[] {
  if (!Array.isArray(values)) return [];
  return values.map((v) => phrase(v, LIMITS.challenge)).filter(Boolean);
}

export function companyChallenges(ctx: DraftContext): string[] {
  return cleanList(ctx.company.challenges);
}

export function accomplishments(ctx: DraftContext): string[] {
  return Array.isArray(ctx.client.accomplishments)
    ? ctx.client.accomplishments.map((a) => phrase(a, LIMITS.accomplishment)).filter(Boolean)
    : [];
}

/** The first of the company's challenges that came up with this person, or "". */
export function discussedChallenge(participant: Participant): string {
  return cleanList(participant.challengesDiscussed)[0] ?? "";
}

/** The challenge a letter to this person addresses: one they discussed, else the company's first. */
export function challengeFor(ctx: DraftContext, participant: Participant): string {
  return discussedChallenge(participant) || (companyChallenges(ctx)[0] ?? "");
}

/** The challenge a debrief's proposal addresses: the first any interviewer discussed, else the company's first. */
export function headlineChallenge(ctx: DraftContext): string {
  for (const participant of ctx.participants ?? []) {
    const discussed = discussedChallenge(participant);
    if (discussed) return discussed;
  }
  return companyChallenges(ctx)[0] ?? "";
}

// Words too common in challenges and accomplishments to show that one answers the other.
const STOPWORDS = new Set([
  ...["about", "after", "also", "been", "being", "from", "have", "into", "more", "most", "much", "over"],
  ...["some", "such", "than", "that", "their", "them", "then", "they", "this", "those", "through"],
  ...["very", "what", "when", "which", "while", "with", "without", "would", "your", "team", "teams"],
  ...["work", "worked", "working", "company", "people", "year", "years", "time", "make", "making", "made"],
  ...["help", "helped", "helping", "across", "using", "used", "where", "there", "other", "first", "lead", "led"],
]);

/** Crude stems: words of four letters or more without common endings, so "reduce" meets "reducing". */
function stems(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return new Set(
    words
      .filter((w) => w.length >= 4 && !STOPWORDS.has(w))
      .map((w) => w.replace(/(?:ations?|ance|ence|ments?|ing|ed|es|s|ly|er|e)$/u, "").slice(0, 7))
      .filter((w) => w.length >= 3),
  );
}

/**
 * The accomplishment that shares the most words with the challenge; ties go to the earlier one.
 * With no word in common there is none: pairing a challenge with an unrelated success reads as
 * not having listened, so the letter says nothing rather than something beside the point.
 */
export function accomplishmentFor(challenge: string, candidates: readonly string[]): string {
  const challengeStems = stems(challenge);
  let best = "";
  let bestScore = 0;
  for (const candidate of candidates) {
    const score = [...stems(candidate)].filter((s) => challengeStems.has(s)).length;
    if (score > bestScore) [best, bestScore] = [candidate, score];
  }
  return best;
}

/** Names the generator must not lowercase or mistake for a common word. */
export function properNouns(ctx: DraftContext): string[] {
  return [
    ctx.company.name,
    ctx.client.name,
    ctx.application.roleTitle,
    ...(ctx.participants ?? []).map((p) => p.name),
  ].filter((n): n is string => typeof n === "string" && n !== "");
}

/** Open promises to one person, soonest first. */
export function openCommitmentsTo(ctx: DraftContext, contactId: string | null): CommitmentFacts[] {
  if (!contactId) return [];
  return (ctx.commitments ?? [])
    .filter((c) => c.contactId === contactId && !c.doneAt && cleanLine(c.description))
    .toSorted((a, b) => timeOf(a.dueAt) - timeOf(b.dueAt))
    .slice(0, MAX_LISTED.commitments);
}

function timeOf(date: unknown): number {
  return isValidDate(date) ? date.getTime() : Number.POSITIVE_INFINITY;
}


export function proposalKey(applicationId: string, challenge: string): string {
  return `proposal/${applicationId}/${shortHash(challenge.toLowerCase())}`;
}

/** Words a shortened subject should not end on ("… across the", "… and"). */
const DANGLING_WORDS = new Set(["a", "an", "the", "and", "or", "but", "of", "to", "for", "with", "in", "on", "at", "by", "from", "our", "your", "their", "its", "is", "are"]);

/**
 * A topic for a subject line, no longer than a mail client shows and never cut with "…" (a
 * subject that trails off reads as a mistake): the first clause when it fits, otherwise whole
 * words up to the limit without a dangling "and" or "the" at the end.
 */
export function subjectTopic(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const clause = flat.split(/[.;:!?(]| [-–—] /u)[0]!.trim() || flat;
  if (clause.length <= LIMITS.subjectTopic) return clause;
  const kept: string[] = [];
  for (const word of clause.split(" ")) {
    if ([...kept, word].join(" ").length > LIMITS.subjectTopic) break;
    kept.push(word);
  }
  while (kept.length > 1 && DANGLING_WORDS.has(kept[kept.length - 1]!.toLowerCase())) kept.pop();
  const topic = kept.join(" ").replace(/[\s,]+$/u, "");
  // One word longer than a subject (a pasted link, say): cut it, still without an ellipsis.
  return topic || clip(clause, LIMITS.subjectTopic + 1).slice(0, -1);
}
