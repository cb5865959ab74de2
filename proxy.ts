import { NextResponse, type NextRequest } from "next/server";
import { bodyLimitFor } from "./server/http/limits";
import { contentSecurityPolicy, securityHeaders } from "./server/http/security-headers";
import { canonicalOrigin } from "./server/canonical-url";
import { REQUEST_ID_HEADER, REQUESTED_PATH_HEADER, newRequestId } from "./server/http/request-headers";

/**
 * Runs before every request. It never authorises anyone (every page and procedure checks that
 * itself); it stamps what handlers need and refuses what no handler should see:
 *
 * - a fresh request id (whatever the client sent under that name is replaced), answered back in
 *   `X-Request-Id` and carried into every log line and tRPC error of the request;
 * - the security headers, with a Content-Security-Policy whose script nonce is new each request;
 * - a body larger than its route allows (413), judged on Content-Length before anything reads it;
 * - a server action whose Origin is missing or is not the canonical site (403): Next only compares
 *   Origin to the Host header, which the caller writes, and lets a missing Origin through.
 */
export function proxy(request: NextRequest) {
  const requestId = newRequestId();
  const origin = canonicalOrigin();

  const declaredLength = Number(request.headers.get("content-length") ?? "0");
  if (declaredLength > bodyLimitFor(request.nextUrl.pathname)) {
    return refuse(413, "The request body is too large.", requestId);
  }
  if (request.method !== "GET" && request.method !== "HEAD" && request.headers.has("next-action")) {
    if (request.headers.get("origin") !== origin) {
      return refuse(403, "This form must be sent from the site itself.", requestId);
    }
  }

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });
  const forwarded = new Headers(request.headers);
  forwarded.set(REQUEST_ID_HEADER, requestId);
  forwarded.set(REQUESTED_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  // Next reads the nonce for its own scripts from the request's policy header.
  forwarded.set("content-security-policy", policy);
  forwarded.set("x-nonce", nonce);

  const response = NextResponse.next({ request: { headers: forwarded } });
  response.headers.set("content-security-policy", policy);
  applyCommonHeaders(response.headers, requestId);
  return response;
}

function refuse(status: number, message: string, requestId: string) {
  const response = new NextResponse(message, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
  response.headers.set("content-security-policy", contentSecurityPolicy(null, { development: false }));
  applyCommonHeaders(response.headers, requestId);
  return response;
}

function applyCommonHeaders(headers: Headers, requestId: string) {
  headers.set(REQUEST_ID_HEADER, requestId);
  for (const [name, value] of Object.entries(securityHeaders({ production: process.env.NODE_ENV === "production" }))) {
    headers.set(name, value);
  }
}

export const config = {
  // Build assets are static files with their own long-lived caching; everything else passes here.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
