import { draftInPrompt, startFakeOpenAI, type ChatRequest } from "../helpers/openai-fake";

/**
 * The OpenAI-compatible endpoint the end-to-end app talks to (started by playwright.config.ts).
 * "Make it shorter" drops the paragraph before the sign-off; "Warmer" adds a person the debrief
 * never mentioned, which the app must refuse.
 */
const INVENTED_LINE = "P.S. Marcus Lindqvist from Globex says hello.";

function respond(request: ChatRequest): string {
  const prompt = request.messages.map((m) => m.content).join("\n");
  const draft = draftInPrompt(request);
  if (prompt.includes("Make it warmer")) return `${draft}\n\n${INVENTED_LINE}`;
  const paragraphs = draft.split("\n\n");
  return paragraphs.length > 3 ? [...paragraphs.slice(0, -2), paragraphs.at(-1)!].join("\n\n") : draft;
}

const port = Number(process.env.FAKE_MODEL_PORT ?? 3101);
await startFakeOpenAI({ port, respond });
console.log(`fake model endpoint on http://127.0.0.1:${port}/v1`);
