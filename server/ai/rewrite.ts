import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { APICallError, generateText } from "ai";
import type { AiConfig } from "./config";
import { unsupportedFacts } from "./fact-check";
import type { RewriteStyle } from "./styles";

/**
 * Rewrites one draft through the configured OpenAI-compatible endpoint with the AI SDK. The model
 * gets only the facts of this interview and the draft, and its answer is checked: a rewrite that
 * adds a name, date or number, comes back empty or runs far longer is refused, and any failure
 * (timeout, rate limit, server error) becomes a message for the client. The caller stores
 * nothing unless `ok` is true, so the draft is never lost or half-changed.
 */

export { REWRITE_STYLES, type RewriteStyle } from "./styles";

/** A style button, or a coach's comment applied as the instruction. */
export type RewriteRequest = { style: RewriteStyle } | { suggestion: string; coachName: string };

export type RewriteFailure = "invented_fact" | "empty" | "too_long" | "timeout" | "rate_limited" | "unavailable";
export type RewriteOutcome = { ok: true; body: string; model: string } | { ok: false; reason: RewriteFailure; message: string };

/** A client waits for the answer, so it is capped; letters are short, so are the tokens. */
export const REWRITE_LIMITS = { timeoutMs: 20_000, maxOutputTokens: 800 } as const;

const INSTRUCTIONS: Record<RewriteStyle, string> = {
  rewrite: "Make it read naturally, as if the sender wrote it themselves, keeping about the same length.",
  shorter: "Make it noticeably shorter: keep the thanks, the one most specific point and any promise.",
  warmer: "Make it warmer and more personal, without exaggerating or gushing.",
  formal: "Make it more formal and polished, as for a senior reader.",
};

const SYSTEM = [
  "You edit short emails that a job seeker sends after an interview.",
  "Rewrite the draft as instructed. Rules:",
  "- Use only the facts given and what the draft already says. Never add a name, company, date, number, achievement, or promise that is not there.",
  "- Keep the person greeted and the sender's name in the sign-off.",
  "- Write in the first person, as the sender.",
  "- Reply with the email body only: no subject line, no comments, no markdown, no quotation marks around it.",
].join("\n");

export type RewriteInput = {
  config: AiConfig;
  /** The facts of this interview the draft may draw on, as labelled lines or values. */
  facts: Record<string, unknown>;
  body: string;
  request: RewriteRequest;
  timeoutMs?: number;
};

function instructionOf(request: RewriteRequest): string {
  return "style" in request
    ? INSTRUCTIONS[request.style]
    : `Apply this suggestion from the sender's career coach, ${request.coachName}: "${request.suggestion}"`;
}

/** Models like to wrap their answer: a "Subject:" line, a code fence, quotation marks. */
export function cleanCompletion(text: string): string {
  let out = text.trim();
  out = out.replace(/^```[a-z]*\n([\s\S]*?)\n```$/u, "$1").trim();
  out = out.replace(/^subject:[^\n]*\n+/iu, "");
  if (/^["“][\s\S]*["”]$/u.test(out)) out = out.slice(1, -1).trim();
  return out.replace(/\r\n/g, "\n").replace(/\n{3,}/g, "\n\n");
}

function flatten(facts: Record<string, unknown>): string[] {
  return Object.values(facts).flatMap((value) =>
    Array.isArray(value) ? value.flatMap((v) => (typeof v === "object" && v ? flatten(v as Record<string, unknown>) : [String(v)])) : typeof value === "object" && value ? flatten(value as Record<string, unknown>) : value == null ? [] : [String(value)],
  );
}

function failureOf(error: unknown, timedOut: boolean): { reason: RewriteFailure; message: string } {
  if (timedOut) return { reason: "timeout", message: "The writing assistant took too long to answer. Your draft is unchanged; try again in a moment." };
  const cause = (error as { lastError?: unknown })?.lastError ?? error;
  if (APICallError.isInstance(cause) && cause.statusCode === 429) {
    return { reason: "rate_limited", message: "The writing assistant is busy right now. Your draft is unchanged; try again in a minute." };
  }
  return { reason: "unavailable", message: "The writing assistant is not available right now. Your draft is unchanged." };
}

export async function rewriteDraft(input: RewriteInput): Promise<RewriteOutcome> {
  const provider = createOpenAICompatible({ name: "followthrough-ai", baseURL: input.config.baseURL, apiKey: input.config.apiKey });
  const signal = AbortSignal.timeout(input.timeoutMs ?? REWRITE_LIMITS.timeoutMs);
  let text: string;
  try {
    const result = await generateText({
      model: provider.chatModel(input.config.model),
      system: SYSTEM,
      prompt: [
        `Facts of this interview (JSON):\n${JSON.stringify(input.facts, null, 2)}`,
        `Draft:\n<<<\n${input.body}\n>>>`,
        `Instruction: ${instructionOf(input.request)}`,
      ].join("\n\n"),
      maxOutputTokens: REWRITE_LIMITS.maxOutputTokens,
      temperature: 0.4,
      // A retry would double the wait; the client can press the button again.
      maxRetries: 0,
      abortSignal: signal,
    });
    text = result.text;
  } catch (error) {
    return { ok: false, ...failureOf(error, signal.aborted) };
  }

  const body = cleanCompletion(text);
  if (!body) return { ok: false, reason: "empty", message: "The writing assistant returned nothing. Your draft is unchanged." };
  if (body.length > Math.max(input.body.length * 2, input.body.length + 600)) {
    return { ok: false, reason: "too_long", message: "The rewrite ran much longer than your draft, so your draft was kept." };
  }
  const sources = [input.body, ...flatten(input.facts), "suggestion" in input.request ? input.request.suggestion : ""];
  const invented = unsupportedFacts(body, sources);
  if (invented.length > 0) {
    const listed = invented.slice(0, 3).map((word) => `“${word}”`).join(", ");
    return {
      ok: false,
      reason: "invented_fact",
      message: `The rewrite mentioned ${listed}, which is not in your debrief or your draft, so your draft was kept.`,
    };
  }
  return { ok: true, body, model: input.config.model };
}
