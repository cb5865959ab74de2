import { LIMITS } from "./facts";
import { cleanLine, phrase } from "./text";

/**
 * Turning what the client typed in a hurry (debrief notes, promises, accomplishments, next steps)
 * into sentences of a letter written in the first person to the person it is about. Notes are
 * written about someone ("she explained how her team…"); a letter speaks to them. We rewrite only
 * what we can rewrite safely, and otherwise say less: a note we cannot turn into a sentence is
 * left out, never pasted in.
 */

const MAX_TOPIC_WORDS = 16;

/** Text that keeps its capital at the start of a phrase: acronyms, "iOS", "GraphQL", names we know. */
function keepsCapital(word: string, properNouns: readonly string[]): boolean {
  if (/^\p{Lu}{2,}/u.test(word) || /^\p{L}+\p{Lu}/u.test(word.slice(1)) || /\d/.test(word)) return true;
  if (/^\p{Ll}/u.test(word)) return true;
  const bare = word.replace(/['’]s$|[^\p{L}\p{N}'-]/gu, "").toLowerCase();
  return properNouns.some((noun) => noun.toLowerCase().split(/\s+/).includes(bare));
}

/** "Editor performance" → "editor performance", but "API latency" and "Acme's roadmap" keep theirs. */
export function lowerFirst(text: string, properNouns: readonly string[] = []): string {
  const [first = ""] = text.split(" ");
  if (!first || keepsCapital(first, properNouns) || first === "I" || first.startsWith("I'")) return text;
  return first.charAt(0).toLowerCase() + text.slice(1);
}

export function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The recipient's own names as whole words, longest first, so "Elena Marquez" goes before "Elena". */
function namePatterns(names: readonly string[]): RegExp[] {
  const variants = new Set<string>();
  for (const name of names) {
    const clean = cleanLine(name);
    if (!clean || clean.includes("@")) continue;
    variants.add(clean);
    const first = clean.split(" ")[0];
    if (first && first.length > 1) variants.add(first);
  }
  return [...variants]
    .sort((a, b) => b.length - a.length)
    .map((v) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(v)}(['’]s)?(?![\\p{L}\\p{N}])`, "giu"));
}

/** Who the note speaks about becomes "you": "Elena's team" → "your team", "ask Elena" → "ask you". */
function addressDirectly(text: string, recipientNames: readonly string[]): string {
  let out = text;
  for (const pattern of namePatterns(recipientNames)) {
    out = out.replace(pattern, (_match, possessive: string | undefined) => (possessive ? "your" : "you"));
  }
  return out;
}

const DETERMINER_OR_END = /^(?:$|[,.;:!?)]|(?:the|a|an|my|our|some|any|two|three|four|five|\d+|to|for|about|with|on|in|at|by|that|this|these|those|what|how|if|when)\b)/iu;

/**
 * Third-person words about the recipient, turned to the second person. "she/he/they" become "you"
 * only where the verb after them can follow "you" too; otherwise the text is unusable (null).
 */
const VERB_AFTER_YOU: Record<string, string> = {
  is: "are",
  was: "were",
  has: "have",
  does: "do",
  wants: "want",
  needs: "need",
  plans: "plan",
  hopes: "hope",
  thinks: "think",
  sees: "see",
  likes: "like",
  leads: "lead",
  runs: "run",
  manages: "manage",
  expects: "expect",
  believes: "believe",
};
const CONTRACTIONS: Record<string, string> = { "'s": "'re", "’s": "’re", "'ll": "'ll", "’ll": "’ll", "'d": "'d", "’d": "’d", "'ve": "'ve", "’ve": "’ve", "'re": "'re", "’re": "’re" };
const KEEPS_VERB = /^(?:said|told|thought|felt|built|ran|led|made|had|did|went|saw|took|gave|knew|wrote|grew|spent|found|kept|put|set|cut|will|would|can|could|should|might|may|must|\p{L}+ed)$/iu;

function toSecondPerson(text: string): string | null {
  let unusable = false;
  let out = text.replace(/\b(she|he|they)(['’](?:s|ll|d|ve|re))?\b(\s+(\p{L}+))?/giu, (match, _pronoun, contraction, spacedVerb, verb) => {
    if (contraction) return `you${CONTRACTIONS[contraction.toLowerCase()] ?? contraction}${spacedVerb ?? ""}`;
    if (!verb) {
      unusable = true;
      return match;
    }
    const mapped = VERB_AFTER_YOU[verb.toLowerCase()];
    if (mapped) return `you ${mapped}`;
    if (KEEPS_VERB.test(verb)) return `you ${verb}`;
    unusable = true;
    return match;
  });
  if (unusable) return null;
  out = out.replace(/\b(his|their)\b/giu, "your").replace(/\b(him|them)\b/giu, "you");
  out = out.replace(/\bher\b(\s*)(?=(.*))/giu, (_match, space: string, rest: string) =>
    DETERMINER_OR_END.test(rest) ? `you${space}` : `your${space}`,
  );
  return out;
}

/** A phrase quoted in the note ("…" or “…”), if it is short enough to quote back. */
export function quotedPhrase(note: unknown): string {
  const text = cleanLine(note);
  const match = /["“]([^"“”]{3,140})["”]/u.exec(text);
  const quoted = match?.[1]?.trim().replace(/[.,;:!?]+$/u, "") ?? "";
  return quoted.split(" ").length >= 2 ? quoted : "";
}

// "We talked about", "She explained", "Elena mentioned that", "Discussed": the narration around the
// subject. The optional subject is captured so we know whether the interviewer was the speaker.
const LEAD_IN = new RegExp(
  String.raw`^(?:(?<subject>we|i|she|he|they|[\p{Lu}][\p{L}'’-]+)\s+)?` +
    String.raw`(?:(?:mostly|mainly|also|briefly|really|then|first)\s+)?` +
    String.raw`(?<verb>talked|spoke|chatted|discussed|covered|went (?:over|through|into)|dug into|asked(?: me)?|explained|described|mentioned|shared|said|told me|walked me through|focused on|was (?:interested|curious) (?:in|about)|wanted to know(?: about)?|(?:had|have) a (?:long |good |great |short )?(?:chat|talk|conversation|discussion))` +
    String.raw`(?:\s+(?:a lot|at length|in detail|mostly|mainly|a bit))?(?:\s+(?:about|on|of|regarding|around))?\s+`,
  "iu",
);

export type Topic = {
  /** A phrase that reads after "about": "how your team is consolidating three dashboards". */
  text: string;
  /** The note says the interviewer was the one speaking, so "what you said about" is true. */
  theySaidIt: boolean;
};

/**
 * The subject of a note, as a phrase that fits "our conversation about …", or null when the note
 * cannot be turned into one without guessing (too long, or about someone we cannot address).
 */
export function topicOf(note: unknown, recipientNames: readonly string[], properNouns: readonly string[]): Topic | null {
  const text = phrase(note, LIMITS.discussed);
  if (!text) return null;
  const firstClause = text.split(/(?<=[.;!?])\s|\s[-–—]\s|\s\(/u)[0] ?? text;
  let rest = firstClause.replace(/^(?:re|about|topic|topics)\s*:?\s+/iu, "");
  const leadIn = LEAD_IN.exec(rest);
  let theySaidIt = false;
  if (leadIn) {
    const subject = leadIn.groups?.subject?.toLowerCase() ?? "";
    theySaidIt = subject !== "" && subject !== "i" && subject !== "we" && !/^asked$/i.test(leadIn.groups?.verb ?? "");
    rest = rest.slice(leadIn[0].length);
  }
  rest = rest.replace(/^that\s+/iu, "how ").replace(/[.,;:!?]+$/u, "").trim();
  if (rest.split(" ").length > MAX_TOPIC_WORDS) rest = rest.split(/,\s|\s(?:and|but|so)\s/u)[0] ?? "";
  const words = rest.split(" ").filter(Boolean);
  if (words.length === 0 || words.length > MAX_TOPIC_WORDS) return null;
  const addressed = toSecondPerson(addressDirectly(rest, recipientNames));
  if (!addressed) return null;
  // A clause ("you are rebuilding the onboarding flow") reads after "about" once it starts with "how".
  const clause = /^(?:you|i|we)\b/iu.test(addressed) ? `how ${lowerFirst(addressed)}` : lowerFirst(addressed, properNouns);
  return { text: clause, theySaidIt };
}

const IMPERATIVE =
  /^(?:send|share|email|e-mail|forward|follow|introduce|connect|write|prepare|finish|complete|deliver|schedule|book|provide|get|call|put|draft|look|check|confirm|set|update|review|submit|mail|post|pass|ask|reach|think|come|try|make|give|show|bring|research|read|record|fix|build|create|sketch|outline|put|return|reply|respond|let)\b/iu;
const ARTICLE_ALREADY = /^(?:the|a|an|my|our|your|some|any|two|three|four|five|several|\d+)\b/iu;

/**
 * A promise as a sentence to the person it was made to: "Send Elena a link to my portfolio" due
 * Thursday → "I'll send you a link to my portfolio by Thursday 4 June."
 */
export function promiseSentence(description: unknown, recipientNames: readonly string[], by: string, formal: boolean): string {
  let text = phrase(description, LIMITS.commitment);
  if (!text) return "";
  text = text.replace(/^(?:i\s+(?:will|promised to|said i(?:'|’)d|said i would)|i(?:'|’)ll|will|to|promised to|promise to)\s+/iu, "");
  const addressed = toSecondPerson(addressDirectly(text, recipientNames)) ?? addressDirectly(text, recipientNames);
  const will = formal ? "I will" : "I'll";
  const when = by ? ` by ${by}` : " soon";
  if (IMPERATIVE.test(addressed)) return `${will} ${lowerFirst(addressed)}${when}.`;
  const thing = lowerFirst(addressed);
  return `${will} send you ${ARTICLE_ALREADY.test(thing) ? "" : "the "}${thing}${when}.`;
}

const PAST_TENSE =
  /^(?:\p{L}+ed|built|led|ran|grew|cut|won|made|wrote|took|drove|brought|set|shipped|launched|rebuilt|taught|sold|spun|began|oversaw|undertook|founded|hired|helped|saved|raised)$/iu;

/**
 * An accomplishment as a first-person sentence: "built a design system used by 40 engineers" →
 * "I built a design system used by 40 engineers."; a noun phrase gets a lead-in instead.
 */
export function accomplishmentSentence(value: unknown): string {
  const text = phrase(value, LIMITS.accomplishment).replace(/^[-•*]\s*/u, "");
  if (!text) return "";
  const [first = ""] = text.split(" ");
  if (/^(?:i|i've|i’ve|my|we|our)$/iu.test(first)) return `${upperFirst(text)}.`;
  if (PAST_TENSE.test(first)) return `I ${lowerFirst(text)}.`;
  return `One example from my own work: ${lowerFirst(text)}.`;
}

const REPORTED = /\b(?:said|says|mentioned|told|tells|will get back|get back|hear back|let me know|they(?:'|’)ll|she(?:'|’)ll|he(?:'|’)ll|she|he|they|her|his|him)\b/iu;

/**
 * The next step as a phrase to write to the interviewer ("a technical exercise, then a final
 * round"), or "" when the note reports who said what ("Elena said they'll get back to me by…"),
 * which cannot be written back to the person who said it.
 */
export function nextStepPhrase(value: unknown, peopleNames: readonly string[], properNouns: readonly string[]): string {
  const text = phrase(value, LIMITS.nextSteps);
  if (!text || REPORTED.test(text)) return "";
  if (namePatterns(peopleNames).some((pattern) => pattern.test(text))) return "";
  if (text.split(" ").length > MAX_TOPIC_WORDS + 8) return "";
  return lowerFirst(text, properNouns);
}
