/**
 * Turning free text people typed into pieces that sit safely inside our sentences.
 *
 * Output stays plain text: HTML is kept literally (`<b>` stays `<b>`) because escaping belongs to
 * whoever renders it (React, the email's HTML part). What we remove is what no renderer can fix:
 * control characters, bidi overrides that can disguise text, and broken surrogate pairs.
 */

/** Line breaks and tabs become spaces inside a sentence. */
const WHITESPACE_CONTROLS = /[\t\n\v\f\r\u0085\u2028\u2029]/g;
/** Other control characters, plus bidi embeddings/overrides/isolates (used to spoof text). */
const INVISIBLE_CONTROLS = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu;
/** With the `u` flag this matches only unpaired surrogates, which cannot be encoded as UTF-8. */
const LONE_SURROGATES = /\p{Cs}/gu;

const ELLIPSIS = "…";
const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

/** One clean line: no control characters, single spaces, trimmed. Non-strings become "". */
export function cleanLine(value: unknown): string {
  if (typeof value !== "string") return "";
  return value
    .replace(LONE_SURROGATES, "")
    .replace(WHITESPACE_CONTROLS, " ")
    .replace(INVISIBLE_CONTROLS, "")
    .replace(/\s+/gu, " ")
    .trim();
}

/**
 * Shortens to at most `max` UTF-16 units including the ellipsis, cutting between graphemes (an
 * emoji is never split) and preferably at a word boundary.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let kept = prefixOfWholeGraphemes(text, max - ELLIPSIS.length);
  const lastSpace = kept.lastIndexOf(" ");
  if (lastSpace > max / 2) kept = kept.slice(0, lastSpace);
  return kept.replace(/[\s,;:.!?-]+$/u, "") + ELLIPSIS;
}

// Segmenting is slow, so plain ASCII is cut directly and only a window just past the limit is
// segmented: a grapheme cut off by the window starts too late to be kept anyway.
function prefixOfWholeGraphemes(text: string, limit: number): string {
  const window = text.slice(0, limit + 32);
  if (/^[\x20-\x7e]*$/.test(window)) return window.slice(0, limit);
  let kept = "";
  for (const { segment } of graphemes.segment(window)) {
    if (kept.length + segment.length > limit) break;
    kept += segment;
  }
  return kept;
}

// A sentence ends at . ! ? (or …) followed by a space; "Dr." can fool it, which is why we only
// fall back to the first sentence when the whole text is too long anyway.
const FIRST_SENTENCE = /^.+?[.!?…](?=\s)/u;
const SHORTEST_USEFUL_SENTENCE = 20;

/** A long note shrinks to its first sentence when that fits, otherwise to a clipped prefix. */
export function summarise(value: unknown, max: number): string {
  const text = cleanLine(value);
  if (text.length <= max) return text;
  const first = FIRST_SENTENCE.exec(text)?.[0];
  if (first && first.length >= SHORTEST_USEFUL_SENTENCE && first.length <= max) return first;
  return clip(text, max);
}

/** For the middle of a sentence: summarised, with its own closing punctuation removed. */
export function phrase(value: unknown, max: number): string {
  return summarise(value, max)
    .replace(/[.,;:!?]+$/u, "")
    .trim();
}

/** For the end of a sentence we write: ends with exactly one closing mark. */
export function endSentence(text: string): string {
  if (!text) return "";
  return /[.!?…]["'”’)\]]*$/u.test(text) ? text : `${text}.`;
}

type Part = string | null | undefined | false;

/** Sentences joined by single spaces; missing ones simply drop out. */
export function paragraph(...sentences: Part[]): string {
  return sentences.filter((s): s is string => Boolean(s)).join(" ");
}

/** Paragraphs separated by one blank line, with every line tidied. */
export function letter(...paragraphs: Part[]): string {
  return paragraphs
    .filter((p): p is string => Boolean(p))
    .map((p) =>
      p
        .split("\n")
        .map((line) => line.replace(/ {2,}/g, " ").trim())
        .join("\n"),
    )
    .filter((p) => p.trim() !== "")
    .join("\n\n");
}

/** "Ana", "Ana and Ben", "Ana, Ben and Cy", "Ana, Ben, Cy and 2 others". */
export function listNames(names: readonly string[], spelledOut = 3): string {
  const present = names.filter(Boolean);
  if (present.length <= 1) return present[0] ?? "";
  const shown = present.length > spelledOut + 1 ? present.slice(0, spelledOut) : present;
  const rest = present.length - shown.length;
  const last = rest > 0 ? `${rest} others` : shown.pop();
  return `${shown.join(", ")} and ${last}`;
}

/** FNV-1a, 32 bits, as 8 hex digits: a short stable key for a piece of text (not for security). */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}
