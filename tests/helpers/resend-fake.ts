import { createHash, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local stand-in for Resend's `POST /emails` and `POST /emails/batch`, driven by the real
 * `resend` SDK (point it here with RESEND_BASE_URL). It keeps Resend's idempotency contract — the
 * same key and payload answer with the first answer and send nothing new; the same key with
 * another payload is a 409 `invalid_idempotent_request`; a key still in flight is a 409
 * `concurrent_idempotent_requests` — for a single email and for a whole batch alike (a batch's
 * key covers the whole request), and it can inject the faults a sender must survive.
 *
 * A batch holds 1 to 100 emails and is validated strictly, as Resend does by default: one
 * invalid email refuses the whole batch with a 422. The rate limit counts requests, so a batch of
 * 100 is one request.
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
  /** 422 validation_error: the provider refuses this email (or this whole batch). */
  | { kind: "invalid" }
  /** 403 invalid_api_key: refused before anything is read (a revoked key). */
  | { kind: "invalid_api_key" }
  /** The connection dies before the request is processed: nothing accepted. */
  | { kind: "drop" }
  /** The email (or every email of the batch) is accepted and recorded, then the connection dies before the answer. */
  | { kind: "drop_after_accept" };

export type Endpoint = "/emails" | "/emails/batch";

/** Resend's limit on one batch request. */
export const BATCH_LIMIT = 100;

export type AcceptedEmail = {
  id: string;
  /** The request's key: a single email's own, or the key of the batch it came in. */
  idempotencyKey: string | null;
  endpoint: Endpoint;
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
  endpoint: Endpoint;
  idempotencyKey: string | null;
  status: number | "dropped";
  outcome: "accepted" | "replayed" | "fault" | "in_flight" | "key_reused" | "unauthorised" | "invalid";
  /** Emails in the request body (1 for /emails). */
  emails: number;
  /** When it arrived (ms since the epoch). */
  at: number;
};

/** What a key answered first: null ids while that first request is still in flight. */
type KeyState = { hash: string; ids: string[] | null };

type EmailBody = {
  from?: string;
  to?: string | string[];
  subject?: string;
  html?: string;
  text?: string;
  headers?: Record<string, string>;
  tags?: Array<{ name: string; value: string }>;
};

type QueuedFault = { fault: Fault; endpoint: Endpoint | undefined };

export class ResendFake {
  /** Accepted emails, each once: what recipients would have received. */
  readonly accepted: AcceptedEmail[] = [];
  /** Every request to POST /emails and POST /emails/batch, in arrival order. */
  readonly requests: RequestRecord[] = [];
  /** Added before an email is accepted; widens the window in which a key is in flight. */
  latencyMs = 0;
  /** A real per-second limit, answered with 429 like Resend's (null: unlimited). */
  rateLimitPerSecond: number | null = null;

  /** Idempotency keys per endpoint: a single send's key and a batch's key are separate. */
  private readonly keys = { "/emails": new Map<string, KeyState>(), "/emails/batch": new Map<string, KeyState>() };
  private readonly nextFaults: QueuedFault[] = [];
  private readonly keyFaults = new Map<string, Fault[]>();
  private readonly recent: number[] = [];
  private readonly inFlightWaiters: Array<(key: string) => void> = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
    readonly apiKey: string,
  ) {}

  /** On `port` (default: any free one); other processes reach it at `url`. */
  static async start(options: { apiKey?: string; latencyMs?: number; port?: number } = {}): Promise<ResendFake> {
    const ready: { fake?: ResendFake } = {};
    const server = createServer((req, res) => void ready.fake!.handle(req, res));
    // Never close an idle keep-alive connection. Node closes them after 5 s by default, and a
    // client whose event loop was busy for that long (a test on the embedded database) may
    // write its next request on the socket just closed: ECONNRESET, a fault nobody planned.
    server.keepAliveTimeout = 0;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? 0, "127.0.0.1", resolve);
    });
    const { port } = server.address() as AddressInfo;
    const fake = new ResendFake(server, `http://127.0.0.1:${port}`, options.apiKey ?? "re_test_fake_key");
    fake.latencyMs = options.latencyMs ?? 0;
    ready.fake = fake;
    return fake;
  }

  /** The next `count` requests (whatever their key; only to `endpoint` when given) meet `fault`. */
  failNext(count: number, fault: Fault, endpoint?: Endpoint): void {
    for (let i = 0; i < count; i++) this.nextFaults.push({ fault, endpoint });
  }

  /** The next requests carrying this idempotency key meet these faults, in order. */
  failKey(idempotencyKey: string, ...faults: Fault[]): void {
    this.keyFaults.set(idempotencyKey, [...(this.keyFaults.get(idempotencyKey) ?? []), ...faults]);
  }

  /**
   * Resolves with the key of the next request that the fake holds in flight (its key recorded,
   * not yet accepted): a test can act while a send is certainly under way, without sleeping.
   */
  nextInFlight(): Promise<string> {
    return new Promise((resolve) => this.inFlightWaiters.push(resolve));
  }

  /** Accepted emails by idempotency key (a single send's key holds one email, a batch's key its batch). */
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
    this.keys["/emails"].clear();
    this.keys["/emails/batch"].clear();
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
    const endpoint = req.url === "/emails" || req.url === "/emails/batch" ? req.url : null;
    if (req.method !== "POST" || !endpoint) {
      return json(res, 404, { statusCode: 404, name: "not_found", message: "The requested endpoint does not exist." });
    }
    const key = headerValue(req, "idempotency-key");
    let emailCount = endpoint === "/emails" ? 1 : 0;
    const record = (status: RequestRecord["status"], outcome: RequestRecord["outcome"]) =>
      this.requests.push({ endpoint, idempotencyKey: key, status, outcome, emails: emailCount, at: Date.now() });
    const invalid = (message: string) => {
      record(422, "invalid");
      return json(res, 422, { statusCode: 422, name: "validation_error", message });
    };

    if (req.headers.authorization !== `Bearer ${this.apiKey}`) {
      record(401, "unauthorised");
      return json(res, 401, { statusCode: 401, name: "missing_api_key", message: "Missing or unknown API key." });
    }

    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      parsed = undefined;
    }
    if (endpoint === "/emails/batch" && Array.isArray(parsed)) emailCount = parsed.length;

    const fault = this.takeFault(key, endpoint);
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
    if (fault?.kind === "invalid_api_key") {
      record(403, "fault");
      return json(res, 403, { statusCode: 403, name: "invalid_api_key", message: "API key is invalid" });
    }

    if (parsed === undefined) {
      record(400, "invalid");
      return json(res, 400, { statusCode: 400, name: "validation_error", message: "Invalid JSON body." });
    }
    let bodies: EmailBody[];
    if (endpoint === "/emails") {
      bodies = [parsed as EmailBody];
    } else {
      if (!Array.isArray(parsed) || parsed.length === 0) return invalid("The batch must be a non-empty array of emails.");
      if (parsed.length > BATCH_LIMIT) return invalid(`A batch holds at most ${BATCH_LIMIT} emails; got ${parsed.length}.`);
      // Strict validation (Resend's default): the batch is sent only if every email in it is valid.
      const mode = headerValue(req, "x-batch-validation") ?? "strict";
      if (mode !== "strict") return invalid(`This fake implements strict batch validation only, not ${mode}.`);
      bodies = parsed as EmailBody[];
    }
    if (fault?.kind === "invalid") return invalid("The email is missing a required field.");
    for (const [index, body] of bodies.entries()) {
      const problem = problemWith(body);
      if (problem) return invalid(endpoint === "/emails" ? problem : `emails[${index}]: ${problem}`);
    }

    const hash = createHash("sha256").update(raw).digest("hex");
    const keys = this.keys[endpoint];
    const answer = (ids: string[]) => json(res, 200, endpoint === "/emails" ? { id: ids[0] } : { data: ids.map((id) => ({ id })) });
    if (key) {
      const known = keys.get(key);
      if (known && known.ids === null) {
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
        return answer(known.ids!);
      }
      keys.set(key, { hash, ids: null });
      for (const notify of this.inFlightWaiters.splice(0)) notify(key);
    }

    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    const at = new Date();
    const emails = bodies.map(
      (body): AcceptedEmail => ({
        id: randomUUID(),
        idempotencyKey: key,
        endpoint,
        from: body.from!,
        to: (Array.isArray(body.to) ? body.to[0] : body.to)!,
        subject: body.subject!,
        html: body.html,
        text: body.text,
        headers: body.headers ?? {},
        tags: Object.fromEntries((body.tags ?? []).map((tag) => [tag.name, tag.value])),
        at,
      }),
    );
    this.accepted.push(...emails);
    const ids = emails.map((email) => email.id);
    if (key) keys.set(key, { hash, ids });
    if (fault?.kind === "drop_after_accept") {
      record("dropped", "accepted");
      return void req.socket.destroy();
    }
    record(200, "accepted");
    return answer(ids);
  }

  private takeFault(key: string | null, endpoint: Endpoint): Fault | undefined {
    const forKey = key ? this.keyFaults.get(key) : undefined;
    if (forKey?.length) return forKey.shift();
    const queued = this.nextFaults.findIndex((next) => next.endpoint === undefined || next.endpoint === endpoint);
    if (queued >= 0) return this.nextFaults.splice(queued, 1)[0]!.fault;
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

/** Tag names and values: ASCII letters, digits, underscores and dashes, at most 256 characters. */
const TAG_PATTERN = /^[A-Za-z0-9_-]{1,256}$/;

function problemWith(body: EmailBody): string | null {
  const to = Array.isArray(body.to) ? body.to[0] : body.to;
  if (!body.from || !to || !body.subject || !(body.html || body.text)) return "The email is missing a required field.";
  for (const tag of body.tags ?? []) {
    if (!TAG_PATTERN.test(tag.name) || !TAG_PATTERN.test(tag.value)) return `Invalid tag ${JSON.stringify(tag)}.`;
  }
  return null;
}

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
