import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureFromUrl } from "@/server/services/capture/capture";
import { fetchPage, isPublicAddress } from "@/server/services/capture/fetch-page";

/**
 * The "paste a link" fetch against a local server: reachable only because the test allows its
 * host:port, as the test-only CAPTURE_FETCH_ALLOW_HOSTS setting does; everything private is refused.
 */
const POSTING = `<html><head><script type="application/ld+json">{"@type":"JobPosting","title":"Platform Engineer","hiringOrganization":{"name":"Acme"}}</script></head></html>`;

let server: http.Server;
let base: string;
let allowHosts: string[];
const seenCookies: Array<string | undefined> = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seenCookies.push(req.headers.cookie);
    const path = req.url ?? "/";
    if (path === "/posting") return res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(POSTING);
    if (path === "/moved") return res.writeHead(302, { location: "/posting" }).end();
    if (path.startsWith("/to/")) return res.writeHead(302, { location: decodeURIComponent(path.slice(4)) }).end();
    if (path === "/loop") return res.writeHead(302, { location: "/loop" }).end();
    if (path === "/huge") {
      res.writeHead(200, { "content-type": "text/html" });
      return res.end("x".repeat(3 * 1024 * 1024));
    }
    if (path === "/slow") return void setTimeout(() => res.writeHead(200, { "content-type": "text/html" }).end("late"), 2_000);
    if (path === "/pdf") return res.writeHead(200, { "content-type": "application/pdf" }).end("%PDF");
    res.writeHead(404).end();
  });
  server.listen(Number(process.env.CAPTURE_TEST_PORT ?? 3161), "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  allowHosts = [`127.0.0.1:${port}`];
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => null, (e: unknown) => e as { code?: string; message: string });
  expect(error).not.toBeNull();
  return error!;
};

describe("the fetch behind 'paste a link'", () => {
  it("reads a page it is allowed to reach, follows redirects, sends no cookies", async () => {
    const posting = await captureFromUrl({ url: `${base}/moved` }, { allowHosts });
    expect(posting).toMatchObject({ roleTitle: "Platform Engineer", companyName: "Acme", jobUrl: `${base}/posting` });
    expect(seenCookies.every((c) => c === undefined)).toBe(true);
  });

  it.each([
    "http://127.0.0.1/",
    "http://127.1.2.3:8080/admin",
    "http://10.0.0.5/",
    "http://172.16.3.4/",
    "http://192.168.1.1/",
    "http://169.254.169.254/latest/meta-data/",
    "http://[::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://[fd00:ec2::254]/",
    "http://0.0.0.0/",
    "http://2130706433/",
    "http://localhost/",
  ])("refuses %s", async (url) => {
    const error = await refusal(fetchPage(url));
    expect(error.message).toMatch(/private network/);
  });

  it("refuses the local server itself without the test setting", async () => {
    const error = await refusal(fetchPage(`${base}/posting`));
    expect(error.message).toMatch(/private network/);
  });

  it.each(["http://127.0.0.1/", "http://10.1.2.3/", "http://169.254.169.254/latest/meta-data/", "http://[::1]:3161/"])(
    "re-checks every redirect: a redirect to %s is refused",
    async (target) => {
      const error = await refusal(fetchPage(`${base}/to/${encodeURIComponent(target)}`, { allowHosts }));
      expect(error.message).toMatch(/private network/);
    },
  );

  it.each(["file:///etc/passwd", "ftp://example.com/x", "gopher://example.com/", "javascript:alert(1)", "http://user:pw@example.com/"])("refuses %s", async (url) => {
    const error = await refusal(fetchPage(url));
    expect(error.code).toBe("BAD_REQUEST");
  });

  it("stops at the size limit, the time limit, a redirect loop and a page that is not HTML", async () => {
    expect((await refusal(fetchPage(`${base}/huge`, { allowHosts }))).message).toMatch(/larger than 2 MB/);
    expect((await refusal(fetchPage(`${base}/slow`, { allowHosts, timeoutMs: 300 }))).message).toMatch(/too long/);
    expect((await refusal(fetchPage(`${base}/loop`, { allowHosts }))).message).toMatch(/redirects too many times/);
    expect((await refusal(fetchPage(`${base}/pdf`, { allowHosts }))).message).toMatch(/not a web page/);
  });
});

describe("which addresses are public", () => {
  it.each(["8.8.8.8", "1.1.1.1", "2606:4700:4700::1111"])("%s is public", (address) => expect(isPublicAddress(address)).toBe(true));
  it.each(["127.0.0.1", "10.255.0.1", "100.64.0.1", "169.254.169.254", "::1", "fe80::1", "fc00::1", "::ffff:10.0.0.1", "::ffff:a00:1", "64:ff9b::a9fe:a9fe", "not an ip"])(
    "%s is not",
    (address) => expect(isPublicAddress(address)).toBe(false),
  );
});
