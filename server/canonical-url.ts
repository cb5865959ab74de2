import { env } from "./env";

/**
 * The site's one public address (APP_URL). Links the product emails, redirects and callback checks
 * are all built from it: a request's Host, X-Forwarded-Host or Origin is what the caller claims,
 * and a link built from it can point a victim's sign-in token at the caller's site.
 */
export const canonicalOrigin = (): string => env().APP_URL;

/** An absolute link on the canonical site for a path of the app (`/invite/abc`). */
export function absoluteUrl(path: string): string {
  return new URL(path, canonicalOrigin()).toString();
}

/**
 * Moves a link some library built (Auth.js builds its sign-in link from the request) onto the
 * canonical site, keeping its path and query: whatever host the request named, the token only
 * ever travels to our own address.
 */
export function onCanonicalSite(link: string): string {
  const parsed = new URL(link, canonicalOrigin());
  return new URL(`${parsed.pathname}${parsed.search}`, canonicalOrigin()).toString();
}

/**
 * Where to go after signing in: the path, query and fragment of `value` when it resolves to this
 * site, `/` otherwise. Resolving like a browser does (tabs and newlines dropped, `\` read as `/`)
 * and comparing origins catches `//evil.example`, `/\t/evil.example` and `/\evil.example`; the
 * answer is the URL's own serialisation, so characters a Location header cannot carry come out
 * percent-encoded instead of failing the response.
 */
export function safeCallbackPath(value: FormDataEntryValue | string | null | undefined): string {
  if (typeof value !== "string" || value === "") return "/";
  // Only paths: an absolute URL, even to this site, is not something our own pages ever send.
  if (!value.startsWith("/")) return "/";
  let resolved: URL;
  try {
    resolved = new URL(value, canonicalOrigin());
  } catch {
    return "/";
  }
  if (resolved.origin !== canonicalOrigin()) return "/";
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}

/** A full URL of this site for Auth.js's redirect callback: same origin only, else the home page. */
export function safeRedirectUrl(url: string): string {
  let resolved: URL;
  try {
    resolved = new URL(url, canonicalOrigin());
  } catch {
    return absoluteUrl("/");
  }
  return resolved.origin === canonicalOrigin() ? resolved.toString() : absoluteUrl("/");
}
