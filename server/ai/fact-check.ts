/**
 * The guard on a model's rewrite: it may change wording, never facts. Every name, company, date
 * and number in the rewrite must already appear in what the model was given (the facts of this
 * interview and the draft itself). A rewrite that brings in anything else is rejected and the
 * client keeps their text, with the reason.
 *
 * "Names" are capitalised words: mid-sentence they must appear in the sources; at the start of a
 * sentence or line they are only checked when they are not ordinary words (a rewrite may well
 * begin "Thanks" or "Looking"). Weekdays, months and numbers are checked wherever they stand.
 */

const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const NUMBER_WORDS = [
  ...["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty"],
  ...["thirty", "forty", "fifty", "hundred", "thousand", "million", "billion", "dozen", "half", "percent"],
];
/** Dates and numbers: checked even at the start of a sentence and even when written in lower case. */
const ALWAYS_CHECKED = new Set([...WEEKDAYS, ...MONTHS.filter((m) => m !== "may"), ...NUMBER_WORDS]);

/** Ordinary words a sentence may start with; anything else capitalised there must be in the sources. */
const SENTENCE_STARTERS = new Set(
  [
    ...["i", "i'm", "i'd", "i'll", "i've", "it", "it's", "this", "that", "these", "those", "there", "here", "thank", "thanks"],
    ...["looking", "please", "best", "kind", "kindly", "warm", "warmly", "warmest", "regards", "sincerely", "yours", "cheers"],
    ...["dear", "hi", "hello", "hey", "hope", "we", "you", "your", "our", "my", "as", "after", "since", "when", "if", "in"],
    ...["on", "at", "with", "and", "but", "so", "also", "again", "once", "speaking", "talking", "meeting", "having", "given"],
    ...["what", "how", "let", "just", "all", "any", "would", "could", "should", "can", "may", "might", "will", "yes", "glad"],
    ...["happy", "great", "really", "many", "one", "both", "the", "a", "an", "to", "for", "from", "of", "sure", "truly"],
    ...["respectfully", "following", "further", "together", "either", "until", "meanwhile", "do", "did", "does", "let's"],
    ...["that's", "there's", "what's", "i'd", "while", "during", "before", "overall", "above", "finally", "first", "lastly"],
    ...["i'm", "appreciate", "appreciated", "enjoyed", "it", "our", "feel", "feeling", "keep", "keeping", "would"],
  ].map((w) => w.toLowerCase()),
);

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;

function normalise(word: string): string {
  return word
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/'s$/u, "")
    .replace(/[.]+$/u, "");
}

/** Every word of the sources, lower-cased, for membership tests. */
function vocabulary(sources: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const source of sources) {
    for (const match of source.matchAll(WORD)) {
      const word = normalise(match[0]);
      words.add(word);
      // "design-system" also vouches for "design" and "system".
      for (const part of word.split(/[-.]/)) if (part) words.add(part);
    }
  }
  return words;
}

/** Digits as they are written and as plain digits, so "1,200" and "1200" vouch for each other. */
function numbersIn(text: string): string[] {
  return [...text.matchAll(/\d[\d,.]*\d|\d/g)].map((m) => m[0].replace(/[,.]/g, ""));
}

/**
 * The names, dates and numbers in `output` that none of `sources` contains, in order of first
 * appearance, without repeats. Empty means the rewrite added no fact.
 */
export function unsupportedFacts(output: string, sources: readonly string[]): string[] {
  const known = vocabulary(sources);
  const knownNumbers = new Set(sources.flatMap(numbersIn));
  const found = new Map<string, number>();
  const flag = (token: string, at: number) => {
    if (!found.has(token)) found.set(token, at);
  };

  for (const number of output.matchAll(/\d[\d,.]*\d|\d/g)) {
    if (!knownNumbers.has(number[0].replace(/[,.]/g, ""))) flag(number[0].replace(/[.,]$/u, ""), number.index ?? 0);
  }

  for (const match of output.matchAll(WORD)) {
    const raw = match[0];
    if (/^\d/.test(raw)) continue;
    const word = normalise(raw);
    const index = match.index ?? 0;
    if (ALWAYS_CHECKED.has(word)) {
      if (!known.has(word)) flag(raw, index);
      continue;
    }
    if (!/^\p{Lu}/u.test(raw)) continue;
    if (known.has(word) || word.split(/[-.]/).every((part) => known.has(part))) continue;
    // Line breaks count: a word at the start of a line starts a sentence.
    const before = output.slice(0, index).replace(/["“”'‘’( \t]+$/u, "");
    const startsSentence = before === "" || /[.!?:\n]$/u.test(before);
    if (startsSentence && SENTENCE_STARTERS.has(word)) continue;
    flag(raw, index);
  }
  return [...found].sort((a, b) => a[1] - b[1]).map(([token]) => token);
}
