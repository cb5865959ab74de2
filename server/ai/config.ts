import { env, type Env } from "../env";

/**
 * Where drafts are rewritten: any OpenAI-compatible chat endpoint (OpenAI, a local Ollama, vLLM
 * or llama.cpp server). Read from the server's configuration only, never from a request, so no
 * caller can point the server at another host.
 */
export type AiConfig = {
  baseURL: string;
  model: string;
  /** Local servers usually need none. */
  apiKey?: string;
};

/** null when AI_BASE_URL and AI_MODEL are unset: the feature is off and nothing changes. */
export function aiConfig(e: Env = env()): AiConfig | null {
  if (!e.AI_BASE_URL || !e.AI_MODEL) return null;
  return { baseURL: e.AI_BASE_URL, model: e.AI_MODEL, ...(e.AI_API_KEY ? { apiKey: e.AI_API_KEY } : {}) };
}
