/**
 * The Content-Security-Policy of every response. Scripts run only from this site and, inline, with
 * the request's nonce (`strict-dynamic` lets those scripts load the app's chunks). Styles may be
 * inline: the dev outbox shows emails, whose HTML is styled inline, in a sandboxed frame without
 * scripts. Images may come from any https address (an organisation's logo). Nothing may frame the
 * app. Without a nonce (a refused request) no script runs at all.
 */
export function contentSecurityPolicy(nonce: string | null, { development }: { development: boolean }): string {
  const scripts = nonce
    ? [`'self'`, `'nonce-${nonce}'`, `'strict-dynamic'`, ...(development ? [`'unsafe-eval'`] : [])]
    : [`'none'`];
  return [
    `default-src 'self'`,
    `script-src ${scripts.join(" ")}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob: https:`,
    `font-src 'self' data:`,
    // Development: the bundler's hot reload talks over a websocket.
    `connect-src 'self'${development ? " ws: wss:" : ""}`,
    `frame-src 'self'`,
    `frame-ancestors 'none'`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
  ].join("; ");
}

/** The other security headers. HSTS in production (browsers ignore it on plain http, so local runs are unaffected). */
export function securityHeaders({ production }: { production: boolean }): Record<string, string> {
  return {
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-frame-options": "DENY",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=()",
    ...(production ? { "strict-transport-security": "max-age=63072000; includeSubDomains" } : {}),
  };
}
