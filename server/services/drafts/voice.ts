import { LIMITS, personName } from "./facts";
import type { DraftTone } from "./types";

/**
 * How the client sounds: greetings by first name and sign-offs in the register they chose, and
 * wording that varies with the recipient's position so two notes to one panel are not identical.
 */

const HONORIFICS = /^(dr|prof|professor|mr|mrs|ms|mx|sir|dame)\.?$/i;

/**
 * The name a letter greets: "Elena Marquez" → "Elena", "Dr. Ana Lima" → "Dr. Lima". An address
 * typed where a name belongs ("priya@acme.com") is no name at all.
 */
export function firstName(name: unknown): string {
  const full = personName(name);
  if (!full || full.includes("@")) return "";
  const words = full.split(" ");
  const [first = "", ...rest] = words;
  if (HONORIFICS.test(first) && rest.length > 0) {
    const title = first.endsWith(".") || /^(prof|professor|sir|dame)$/i.test(first) ? first : `${first}.`;
    return `${title} ${rest.at(-1)}`.slice(0, LIMITS.name);
  }
  return first;
}

export function greeting(name: unknown, tone: DraftTone): string {
  const first = firstName(name);
  if (tone === "formal") return first ? `Dear ${first},` : "Hello,";
  return first ? `Hi ${first},` : "Hi there,";
}

const SIGN_OFFS: Record<DraftTone, readonly string[]> = {
  formal: ["Kind regards", "Best regards", "With thanks"],
  warm: ["Best", "All the best", "Warm regards"],
};

/** A sign-off in the client's register; `variant` picks among equivalents. */
export function signOffWords(tone: DraftTone, variant = 0): string {
  const options = SIGN_OFFS[tone];
  return options[variant % options.length]!;
}

/** One of several equivalent wordings, chosen by the recipient's position on the panel. */
export function pick<T>(options: readonly T[], position: number): T {
  return options[Math.abs(position) % options.length]!;
}
