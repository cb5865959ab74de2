/** The header that carries a request's id from the proxy to the handlers and back to the client. */
export const REQUEST_ID_HEADER = "x-request-id";

const REQUEST_ID_PATTERN = /^[A-Za-z0-9-]{8,64}$/;

export const newRequestId = (): string => crypto.randomUUID();

/**
 * The request id the proxy stamped on this request (it replaces whatever the client sent), or a
 * fresh one where no proxy ran (server-side callers, tests).
 */
export function requestIdFrom(headers: Headers | null | undefined): string {
  const stamped = headers?.get(REQUEST_ID_HEADER);
  return stamped && REQUEST_ID_PATTERN.test(stamped) ? stamped : newRequestId();
}

/**
 * The path and query a page was asked for, stamped by the proxy (replacing any client value), so a
 * sign-in redirect can come back to exactly that page, query included.
 */
export const REQUESTED_PATH_HEADER = "x-followthrough-path";
