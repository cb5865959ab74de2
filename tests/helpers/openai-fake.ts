import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local stand-in for an OpenAI-compatible `POST /v1/chat/completions` (what OpenAI, Ollama,
 * vLLM and llama.cpp serve), driven by the real AI SDK. Each request takes the next scripted
 * answer; with the script empty it falls back to `respond`, which sees the request as sent.
 */

export type ChatRequest = {
  model: string;
  messages: Array<{ role: string; content: string }>;
  max_tokens?: number;
  temperature?: number;
  authorization: string | null;
};

export type ScriptedAnswer =
  /** A completion with this text. */
  | { kind: "text"; content: string }
  /** An OpenAI-style error with this status (429 rate limit, 500 server error, …). */
  | { kind: "error"; status: number; message?: string }
  /** Holds the request this long before answering, so the caller's timeout fires first. */
  | { kind: "slow"; delayMs: number; content: string };

export type FakeOpenAI = {
  url: string;
  requests: ChatRequest[];
  enqueue: (...answers: ScriptedAnswer[]) => void;
  close: () => Promise<void>;
};

/** The draft the app sent, between the <<< >>> markers of its prompt. */
export function draftInPrompt(request: ChatRequest): string {
  const prompt = request.messages.map((m) => m.content).join("\n");
  return /<<<\n([\s\S]*?)\n>>>/.exec(prompt)?.[1] ?? "";
}

function completion(model: string, content: string) {
  return {
    id: `chatcmpl-${Math.random().toString(36).slice(2)}`,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
    usage: { prompt_tokens: 100, completion_tokens: Math.ceil(content.length / 4), total_tokens: 100 + Math.ceil(content.length / 4) },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => resolve(body));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, status: number, payload: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(payload));
}

export async function startFakeOpenAI(
  options: { port?: number; respond?: (request: ChatRequest) => string } = {},
): Promise<FakeOpenAI> {
  const script: ScriptedAnswer[] = [];
  const requests: ChatRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const server = createServer(async (req, res) => {
    if (req.method === "GET" && req.url === "/health") {
      send(res, 200, { ok: true });
      return;
    }
    if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) {
      send(res, 404, { error: { message: "Not found", type: "invalid_request_error" } });
      return;
    }
    const parsed = JSON.parse(await readBody(req)) as Omit<ChatRequest, "authorization">;
    const request = { ...parsed, authorization: req.headers.authorization ?? null };
    requests.push(request);
    const answer = script.shift() ?? { kind: "text", content: options.respond?.(request) ?? "" };
    if (answer.kind === "error") {
      const type = answer.status === 429 ? "rate_limit_exceeded" : "server_error";
      send(res, answer.status, { error: { message: answer.message ?? type, type, code: type } });
    } else if (answer.kind === "slow") {
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!res.destroyed) send(res, 200, completion(request.model, answer.content));
      }, answer.delayMs);
      timers.add(timer);
    } else {
      send(res, 200, completion(request.model, answer.content));
    }
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue: (...answers) => script.push(...answers),
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
