import { createHash, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local stand-in for Resend's `POST /emails`, driven by the real `resend` SDK (point it here
 * with RESEND_BASE_URL). It keeps Resend's idempotency contract — the same key and payload
 * answer with the first message's id and send nothing new; the same key with another payload is
 * a 409 `invalid_idempotent_request`; a key still in flight is a 409
 * `concurrent_idempotent_requests` — and it can inject the faults a sender must survive.
 */

export type Fault =
  /** 429 with `retry-after`. `daily_quota_exceeded` models a quota rather than a rate. */
  | { kind: "rate_limit"; retryAfterSeconds?: number; name?: "rate_limit_exceeded" | "daily_quota_exceeded" }
  /** 500 internal_server_error, before anything is accepted. */
  | { kind: "server_error" }
  /** 502 with an HTML body, as a proxy in front of the API would answer. */
  | { kind: "bad_gateway" }
  /** 409 concurrent_idempotent_requests, as if another request with the key were in flight. */
  | { kind: "concurrent" }
  /** 422 validation_error: the provider refuses this email. */
  | { kind: "invalid" }
  /** The connection dies before the request is processed: nothing accepted. */
  | { kind: "drop" }
  /** The email is accepted and recorded, then the connection dies before the answer. */
  | { kind: "drop_after_accept" };

export type AcceptedEmail = {
  id: string;
  idempotencyKey: string | null;
  from: string;
  to: string;
  subject: string;
  html?: string;
  text?: string;
  headers: Record<string, string>;
  tags: Record<string, string>;
  at: Date;
};

export type RequestRecord = {
  idempotencyKey: string | null;
  status: number | "dropped";
  outcome: "accepted" | "replayed" | "fault" | "in_flight" | "key_reused" | "unauthorised" | "invalid";
};

type KeyState = { hash: string; id: string | null };

type EmailBody = {
  from?: string;
  to?: string | string[];
  subject?: string;
  html?: string;
  text?: string;
  headers?: Record<string, string>;
  tags?: Array<{ name: string; value: string }>;
};

export class ResendFake {
  /** Accepted emails, each once: what recipients would have received. */
  readonly accepted: AcceptedEmail[] = [];
  /** Every request to POST /emails, in arrival order. */
  readonly requests: RequestRecord[] = [];
  /** Added before an email is accepted; widens the window in which a key is in flight. */
  latencyMs = 0;
  /** A real per-second limit, answered with 429 like Resend's (null: unlimited). */
  rateLimitPerSecond: number | null = null;

  private readonly keys = new Map<string, KeyState>();
  private readonly nextFaults: Fault[] = [];
  private readonly keyFaults = new Map<string, Fault[]>();
  private readonly recent: number[] = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
    readonly apiKey: string,
  ) {}

  static async start(options: { apiKey?: string; latencyMs?: number } = {}): Promise<ResendFake> {
    const ready: { fake?: ResendFake } = {};
    const server = createServer((req, res) => void ready.fake!.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const fake = new ResendFake(server, `http://127.0.0.1:${port}`, options.apiKey ?? "re_test_fake_key");
    fake.latencyMs = options.latencyMs ?? 0;
    ready.fake = fake;
    return fake;
  }

  /** The next `count` requests (whatever their key) meet `fault`. */
  failNext(count: number, fault: Fault): void {
    for (let i = 0; i < count; i++) this.nextFaults.push(fault);
  }

  /** The next requests carrying this idempotency key meet these faults, in order. */
  failKey(idempotencyKey: string, ...faults: Fault[]): void {
    this.keyFaults.set(idempotencyKey, [...(this.keyFaults.get(idempotencyKey) ?? []), ...faults]);
  }

  /** Accepted emails by idempotency key (a key appears at most once by construction). */
  acceptedByKey(): Map<string | null, AcceptedEmail[]> {
    const byKey = new Map<string | null, AcceptedEmail[]>();
    for (const email of this.accepted) byKey.set(email.idempotencyKey, [...(byKey.get(email.idempotencyKey) ?? []), email]);
    return byKey;
  }

  /** Accepted emails per value of a tag (e.g. `reminder_id`): more than one is a duplicate send. */
  acceptedByTag(tag: string): Map<string, AcceptedEmail[]> {
    const byTag = new Map<string, AcceptedEmail[]>();
    for (const email of this.accepted) {
      const value = email.tags[tag];
      if (value !== undefined) byTag.set(value, [...(byTag.get(value) ?? []), email]);
    }
    return byTag;
  }

  reset(): void {
    this.accepted.length = 0;
    this.requests.length = 0;
    this.keys.clear();
    this.nextFaults.length = 0;
    this.keyFaults.clear();
    this.recent.length = 0;
    this.latencyMs = 0;
    this.rateLimitPerSecond = null;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    if (req.method !== "POST" || req.url !== "/emails") {
      return json(res, 404, { statusCode: 404, name: "not_found", message: "The requested endpoint does not exist." });
    }
    const key = headerValue(req, "idempotency-key");
    const record = (status: RequestRecord["status"], outcome: RequestRecord["outcome"]) =>
      this.requests.push({ idempotencyKey: key, status, outcome });

    if (req.headers.authorization !== `Bearer ${this.apiKey}`) {
      record(401, "unauthorised");
      return json(res, 401, { statusCode: 401, name: "missing_api_key", message: "Missing or unknown API key." });
    }

    const fault = this.takeFault(key);
    if (fault?.kind === "drop") {
      record("dropped", "fault");
      return void req.socket.destroy();
    }
    if (fault?.kind === "rate_limit") {
      record(429, "fault");
      const retryAfter = fault.retryAfterSeconds ?? 1;
      res.setHeader("retry-after", String(retryAfter));
      res.setHeader("ratelimit-limit", String(this.rateLimitPerSecond ?? 2));
      res.setHeader("ratelimit-remaining", "0");
      res.setHeader("ratelimit-reset", String(retryAfter));
      const name = fault.name ?? "rate_limit_exceeded";
      return json(res, 429, { statusCode: 429, name, message: "Too many requests. Please limit the number of requests per second." });
    }
    if (fault?.kind === "server_error") {
      record(500, "fault");
      return json(res, 500, { statusCode: 500, name: "internal_server_error", message: "An unexpected error occurred." });
    }
    if (fault?.kind === "bad_gateway") {
      record(502, "fault");
      res.writeHead(502, { "content-type": "text/html" });
      return void res.end("<html><body>502 Bad Gateway</body></html>");
    }
    if (fault?.kind === "concurrent") {
      record(409, "fault");
      return json(res, 409, concurrentError);
    }

    let body: EmailBody;
    try {
      body = JSON.parse(raw) as EmailBody;
    } catch {
      record(400, "invalid");
      return json(res, 400, { statusCode: 400, name: "validation_error", message: "Invalid JSON body." });
    }
    const to = Array.isArray(body.to) ? body.to[0] : body.to;
    if (fault?.kind === "invalid" || !body.from || !to || !body.subject || !(body.html || body.text)) {
      record(422, "invalid");
      return json(res, 422, { statusCode: 422, name: "validation_error", message: "The email is missing a required field." });
    }

    const hash = createHash("sha256").update(raw).digest("hex");
    if (key) {
      const known = this.keys.get(key);
      if (known && known.id === null) {
        record(409, "in_flight");
        return json(res, 409, concurrentError);
      }
      if (known && known.hash !== hash) {
        record(409, "key_reused");
        return json(res, 409, {
          statusCode: 409,
          name: "invalid_idempotent_request",
          message: "Same idempotency key used with a different request payload.",
        });
      }
      if (known) {
        record(200, "replayed");
        return json(res, 200, { id: known.id });
      }
      this.keys.set(key, { hash, id: null });
    }

    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    const email: AcceptedEmail = {
      id: randomUUID(),
      idempotencyKey: key,
      from: body.from,
      to,
      subject: body.subject,
      html: body.html,
      text: body.text,
      headers: body.headers ?? {},
      tags: Object.fromEntries((body.tags ?? []).map((tag) => [tag.name, tag.value])),
      at: new Date(),
    };
    this.accepted.push(email);
    if (key) this.keys.set(key, { hash, id: email.id });
    if (fault?.kind === "drop_after_accept") {
      record("dropped", "accepted");
      return void req.socket.destroy();
    }
    record(200, "accepted");
    return json(res, 200, { id: email.id });
  }

  private takeFault(key: string | null): Fault | undefined {
    const forKey = key ? this.keyFaults.get(key) : undefined;
    if (forKey?.length) return forKey.shift();
    const next = this.nextFaults.shift();
    if (next) return next;
    if (this.rateLimitPerSecond !== null) {
      const now = Date.now();
      while (this.recent.length > 0 && this.recent[0]! <= now - 1000) this.recent.shift();
      if (this.recent.length >= this.rateLimitPerSecond) return { kind: "rate_limit", retryAfterSeconds: 1 };
      this.recent.push(now);
    }
    return undefined;
  }
}

const concurrentError = {
  statusCode: 409,
  name: "concurrent_idempotent_requests",
  message: "Same idempotency key used while original request is still in progress.",
};

function headerValue(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}
