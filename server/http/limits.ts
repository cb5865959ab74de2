/**
 * Request size limits, in bytes. A body is refused before it is read when its Content-Length says
 * it is too big, and cut off while reading when it turns out to be (a chunked body has no length).
 */
export const BODY_LIMITS = {
  /** The largest tRPC call carries a 2 MB CSV as JSON (escaping can grow it). */
  trpc: 5 * 1024 * 1024,
  /** A Resend event is a few kilobytes. */
  webhook: 64 * 1024,
  /** Sign-in forms, Auth.js, the test clock: small forms. */
  other: 256 * 1024,
} as const;

export function bodyLimitFor(pathname: string): number {
  if (pathname.startsWith("/api/trpc")) return BODY_LIMITS.trpc;
  if (pathname.startsWith("/api/webhooks/")) return BODY_LIMITS.webhook;
  return BODY_LIMITS.other;
}

export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`The request body is larger than ${limit} bytes.`);
    this.name = "BodyTooLarge";
  }
}

/** The body as text, refusing (BodyTooLarge) as soon as more than `limit` bytes have arrived. */
export async function readBodyWithin(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLarge(limit);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new BodyTooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The same request with a body that errors once it grows past `limit` (for handlers that read it themselves). */
export function withBodyLimit(request: Request, limit: number): Request {
  if (!request.body) return request;
  let size = 0;
  const capped = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        size += chunk.byteLength;
        if (size > limit) controller.error(new BodyTooLarge(limit));
        else controller.enqueue(chunk);
      },
    }),
  );
  return new Request(request, { body: capped, duplex: "half" } as RequestInit);
}
