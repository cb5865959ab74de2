import { Server } from "node:http";
import { isIP } from "node:net";
import { env } from "../env";

/**
 * The header carrying the address of the socket the request arrived on. The server stamps it on
 * every request (see `stampPeerAddress`), overwriting anything a client sent under that name.
 */
export const PEER_ADDRESS_HEADER = "x-followthrough-peer";

/**
 * The client's address, for rate limits. `X-Forwarded-For` is written by each proxy appending the
 * address it saw, so only its rightmost entries are trustworthy, and only as many as there are
 * proxies of our own in front of the app (TRUSTED_PROXY_HOPS, default 0):
 *
 *   chain = X-Forwarded-For entries, then the socket's peer address
 *   client = the entry `hops` places left of the end
 *
 * With no trusted proxy the client is the socket's peer: a forged header changes nothing.
 */
export function clientIp(headers: Headers, trustedHops: number = env().TRUSTED_PROXY_HOPS): string | null {
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  // Only a header this process stamped is the peer: where no stamp runs (a serverless platform), a
  // client could send the header itself.
  const peer = peerStampInstalled() ? headers.get(PEER_ADDRESS_HEADER) : null;
  const chain = peer ? [...forwarded, peer] : forwarded;
  if (chain.length === 0) return null;
  // Fewer entries than configured hops: the request skipped a proxy; the farthest known hop is the best guess.
  const candidate = chain[Math.max(0, chain.length - 1 - trustedHops)]!;
  return isIP(normalise(candidate)) ? normalise(candidate) : null;
}

/** `::ffff:203.0.113.7` (IPv4 on a dual-stack socket) and `203.0.113.7` are one address. */
const normalise = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");

const STAMPED = Symbol.for("followthrough.peer-address-stamp");
const peerStampInstalled = () => (globalThis as Record<symbol, unknown>)[STAMPED] === true;

type PeerRequest = { headers: Record<string, string | string[] | undefined>; socket?: { remoteAddress?: string } };

/**
 * Next.js does not give route handlers or server actions the socket address, and `next start`
 * keeps a client's own `X-Forwarded-For` instead of the socket's. So the server stamps every
 * incoming request with the peer address before Next sees it (called from the instrumentation hook).
 */
export function stampPeerAddress(server: { prototype: { emit: (event: string, ...args: unknown[]) => boolean } } = Server as never): void {
  if (peerStampInstalled()) return;
  const emit = server.prototype.emit;
  const stamped = function (this: unknown, event: string, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as PeerRequest;
      request.headers[PEER_ADDRESS_HEADER] = request.socket?.remoteAddress ?? undefined;
      if (request.headers[PEER_ADDRESS_HEADER] === undefined) delete request.headers[PEER_ADDRESS_HEADER];
    }
    return emit.call(this, event, ...args);
  };
  server.prototype.emit = stamped;
  (globalThis as Record<symbol, unknown>)[STAMPED] = true;
}
