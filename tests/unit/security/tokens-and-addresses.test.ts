import { describe, expect, it } from "vitest";
import { clientIp, PEER_ADDRESS_HEADER, stampPeerAddress } from "../../../server/auth/client-ip";
import { signUnsubscribeToken, verifyUnsubscribeToken } from "../../../server/delivery/unsubscribe";
import { onCanonicalSite, safeRedirectUrl } from "../../../server/canonical-url";

const SECRET = "a-unit-test-secret-of-enough-length";
const MEMBERSHIP = "0b6c1f3e-6a39-4b1e-9f0e-2f1a7c9d8e11";

describe("unsubscribe tokens have exactly one spelling", () => {
  const token = signUnsubscribeToken(MEMBERSHIP, "client_digest", SECRET);

  it("accepts the token as signed", () => {
    expect(verifyUnsubscribeToken(token, SECRET)).toEqual({ membershipId: MEMBERSHIP, kind: "client_digest" });
  });

  it("refuses an upper-case id, a padded signature and a signature with other spare bits", () => {
    const [id, kind, signature] = token.split(".") as [string, string, string];
    expect(verifyUnsubscribeToken(`${id.toUpperCase()}.${kind}.${signature}`, SECRET)).toBeNull();
    expect(verifyUnsubscribeToken(`${token}=`, SECRET)).toBeNull();
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const last = signature.at(-1)!;
    // The same 2 meaningful bits with different spare bits decode to the same MAC.
    const sibling = alphabet[(alphabet.indexOf(last) & ~0b1111) | ((alphabet.indexOf(last) + 1) & 0b1111)]!;
    expect(Buffer.from(signature.slice(0, -1) + sibling, "base64url")).toEqual(Buffer.from(signature, "base64url"));
    expect(verifyUnsubscribeToken(`${id}.${kind}.${signature.slice(0, -1)}${sibling}`, SECRET)).toBeNull();
  });
});

describe("the client's address", () => {
  const headers = (values: Record<string, string>) => new Headers(values);

  it("stamps every request with its socket's address, replacing a header the client sent", () => {
    const seen: Array<Record<string, unknown>> = [];
    class FakeServer {
      emit(_event: string, request: { headers: Record<string, unknown> }) {
        seen.push({ ...request.headers });
        return true;
      }
    }
    stampPeerAddress(FakeServer as never);
    new FakeServer().emit("request", { headers: { [PEER_ADDRESS_HEADER]: "1.2.3.4" }, socket: { remoteAddress: "203.0.113.7" } } as never);
    expect(seen).toEqual([{ [PEER_ADDRESS_HEADER]: "203.0.113.7" }]);
  });

  it("trusts no X-Forwarded-For entry by default: the socket's peer is the client", () => {
    const forged = headers({ "x-forwarded-for": "198.51.100.1, 198.51.100.2", [PEER_ADDRESS_HEADER]: "203.0.113.9" });
    expect(clientIp(forged, 0)).toBe("203.0.113.9");
  });

  it("behind N proxies of our own, takes the entry N places from the end", () => {
    const behindOne = headers({ "x-forwarded-for": "198.51.100.66, 203.0.113.50", [PEER_ADDRESS_HEADER]: "10.0.0.2" });
    expect(clientIp(behindOne, 1)).toBe("203.0.113.50");
    expect(clientIp(behindOne, 2)).toBe("198.51.100.66");
    // Fewer entries than hops: the farthest one known.
    expect(clientIp(behindOne, 5)).toBe("198.51.100.66");
  });

  it("reads an IPv4 address on a dual-stack socket as IPv4, and refuses what is not an address", () => {
    expect(clientIp(headers({ [PEER_ADDRESS_HEADER]: "::ffff:203.0.113.7" }), 0)).toBe("203.0.113.7");
    expect(clientIp(headers({ "x-forwarded-for": "not-an-ip", [PEER_ADDRESS_HEADER]: "10.0.0.2" }), 1)).toBeNull();
  });
});

describe("links built from what Auth.js hands us", () => {
  it("moves a sign-in link built for a forged host onto the canonical site, keeping path and query", () => {
    const forged = "https://evil.example/api/auth/callback/email?callbackUrl=%2Fnorthstar&token=abc&email=a%40b.example";
    expect(onCanonicalSite(forged)).toBe("http://localhost:3000/api/auth/callback/email?callbackUrl=%2Fnorthstar&token=abc&email=a%40b.example");
  });

  it("redirects after sign-in only within the site", () => {
    expect(safeRedirectUrl("http://localhost:3000/northstar?x=1")).toBe("http://localhost:3000/northstar?x=1");
    expect(safeRedirectUrl("/northstar")).toBe("http://localhost:3000/northstar");
    expect(safeRedirectUrl("https://evil.example/")).toBe("http://localhost:3000/");
    expect(safeRedirectUrl("/\t/evil.example")).toBe("http://localhost:3000/");
  });
});
