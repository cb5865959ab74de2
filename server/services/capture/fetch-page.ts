import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { badRequest } from "../../errors";

/**
 * Fetching a job posting the client pasted a link to, without letting that link reach anything
 * but the public web (server-side request forgery). The rules:
 *
 * - http and https only, no user:password in the address;
 * - the host is resolved here and every address it resolves to is checked: private, loopback,
 *   link-local (the cloud metadata service at 169.254.169.254), carrier-grade NAT, multicast,
 *   reserved and IPv6 unique-local/mapped forms are refused;
 * - the connection uses the address that was checked (the check is the socket's DNS lookup), so a
 *   second resolution cannot swap in a private address (DNS rebinding);
 * - redirects are followed by hand, at most five, each new address checked the same way;
 * - 10 seconds and 2 MB at most; no cookies or credentials are ever sent.
 *
 * `allowHosts` lets tests reach a local server (host:port pairs); it comes from a test-only
 * setting that production ignores.
 */

export const FETCH_LIMITS = { timeoutMs: 10_000, maxBytes: 2 * 1024 * 1024, maxRedirects: 5 } as const;

export type FetchOptions = { allowHosts?: readonly string[]; timeoutMs?: number; maxBytes?: number };
export type FetchedPage = { url: string; html: string };

const BLOCKED = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  BLOCKED.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["2001:db8::", 32],
  ["100::", 64],
] as const) {
  BLOCKED.addSubnet(network, prefix, "ipv6");
}

/** Whether an address may be fetched. IPv4 embedded in IPv6 (::ffff:a.b.c.d, 64:ff9b::/96) is judged as IPv4. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !BLOCKED.check(address, "ipv4");
  if (family !== 6) return false;
  const embedded = embeddedIpv4(address);
  if (embedded) return isPublicAddress(embedded);
  return !BLOCKED.check(address, "ipv6");
}

function embeddedIpv4(address: string): string | null {
  const lower = address.toLowerCase();
  const dotted = /^(?:::ffff:|64:ff9b::|::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1]!;
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (!hex) return null;
  const [high, low] = [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}

const REFUSED = "That address points inside a private network. Paste a link to a public job posting.";

/** The socket's DNS lookup: resolves, then refuses unless every address is public (or the host is allowed). */
function guardedLookup(allowed: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const list = addresses as LookupAddress[];
      if (list.length === 0) return callback(Object.assign(new Error("no address"), { code: "ENOTFOUND" }), "", 0);
      if (!allowed && !list.every((a) => isPublicAddress(a.address))) {
        return callback(Object.assign(new Error(REFUSED), { code: "EPRIVATE" }), "", 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

function checkUrl(raw: string, base?: URL): URL {
  if (!URL.canParse(raw, base)) throw badRequest("Enter a full web address starting with https://.", "url");
  const url = new URL(raw, base);
  if (url.protocol !== "https:" && url.protocol !== "http:") throw badRequest("Only http and https links can be read.", "url");
  if (url.username || url.password) throw badRequest("Links with a user name or password cannot be read.", "url");
  return url;
}

function hostKey(url: URL): string {
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  return `${url.hostname.replace(/^\[|\]$/g, "")}:${port}`;
}

export async function fetchPage(address: string, options: FetchOptions = {}): Promise<FetchedPage> {
  const deadline = Date.now() + (options.timeoutMs ?? FETCH_LIMITS.timeoutMs);
  let url = checkUrl(address);
  for (let hop = 0; hop <= FETCH_LIMITS.maxRedirects; hop++) {
    const allowed = options.allowHosts?.includes(hostKey(url)) ?? false;
    const hostname = url.hostname.replace(/^\[|\]$/g, "");
    // An address written as an IP skips DNS, so it is checked here.
    if (isIP(hostname) && !allowed && !isPublicAddress(hostname)) throw badRequest(REFUSED, "url");
    const response = await request(url, allowed, deadline, options.maxBytes ?? FETCH_LIMITS.maxBytes);
    if (response.location !== null) {
      url = checkUrl(response.location, url);
      continue;
    }
    return { url: url.href, html: response.body };
  }
  throw badRequest("That link redirects too many times.", "url");
}

type Response = { location: string | null; body: string };

function request(url: URL, allowed: boolean, deadline: number, maxBytes: number): Promise<Response> {
  const client = url.protocol === "https:" ? https : http;
  return new Promise((settleOk, settleError) => {
    const remaining = deadline - Date.now();
    if (remaining <= 0) return settleError(badRequest("The page took too long to answer.", "url"));
    // The whole exchange, not only each idle gap, is bounded: a slow drip of bytes is cut off too.
    const timer = setTimeout(() => req.destroy(Object.assign(new Error("timeout"), { code: "ETIMEDOUT" })), remaining);
    const resolve = (value: Response) => {
      clearTimeout(timer);
      settleOk(value);
    };
    const reject = (error: unknown) => {
      clearTimeout(timer);
      settleError(error);
    };
    const req = client.get(
      url,
      {
        lookup: guardedLookup(allowed),
        // No agent: no pooled connection to another host's vetted address is ever reused.
        agent: false,
        timeout: remaining,
        headers: { "user-agent": "FollowthroughBot/1.0 (reads a job posting a user pasted)", accept: "text/html,application/xhtml+xml", "accept-encoding": "identity" },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400 && res.headers.location) {
          res.resume();
          return resolve({ location: res.headers.location, body: "" });
        }
        if (status >= 400) {
          res.resume();
          return reject(badRequest(`The page answered with an error (${status}). Check the link, or paste the posting's text instead.`, "url"));
        }
        const type = String(res.headers["content-type"] ?? "text/html").toLowerCase();
        if (!/text\/html|application\/xhtml\+xml|text\/plain/.test(type)) {
          res.resume();
          return reject(badRequest("That link is not a web page. Paste the posting's text instead.", "url"));
        }
        const declared = Number(res.headers["content-length"] ?? 0);
        if (declared > maxBytes) {
          res.destroy();
          return reject(tooLarge());
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            res.destroy();
            return reject(tooLarge());
          }
          chunks.push(chunk);
        });
        res.on("end", () => resolve({ location: null, body: decode(Buffer.concat(chunks), type) }));
        res.on("error", () => reject(unreachable()));
      },
    );
    req.on("timeout", () => req.destroy(Object.assign(new Error("timeout"), { code: "ETIMEDOUT" })));
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPRIVATE") return reject(badRequest(REFUSED, "url"));
      if (error.code === "ETIMEDOUT") return reject(badRequest("The page took too long to answer.", "url"));
      reject(unreachable());
    });
  });
}

const tooLarge = () => badRequest("That page is larger than 2 MB. Paste the posting's text instead.", "url");
const unreachable = () => badRequest("We could not reach that page. Check the link, or paste the posting's text instead.", "url");

function decode(bytes: Buffer, contentType: string): string {
  const charset = /charset=["']?([\w-]+)/.exec(contentType)?.[1] ?? "utf-8";
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}
