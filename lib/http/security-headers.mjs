// Security headers for every response. Plain JavaScript (with types in
// security-headers.d.mts) because next.config.js loads it as well as the
// TypeScript server; SECURITY.md explains each choice.

/**
 * The Content-Security-Policy. It is the same for every page, so pages stay
 * cacheable (a per-request nonce would force every page to render per request).
 * Next.js bootstraps each page with inline scripts that differ per page, so
 * script-src needs 'unsafe-inline'; everything that makes injected markup
 * dangerous beyond that stays shut: no plugins, no <base>, forms only to us,
 * no framing, fetches only to us. Article Markdown may embed images from anywhere.
 * Development adds what React's dev tools and hot reload need.
 * @param {{ dev?: boolean }} [opts]
 */
export function contentSecurityPolicy(opts = {}) {
  const dev = !!opts.dev;
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https: http:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** HSTS for a year; only sent when the request came over HTTPS (browsers ignore it over HTTP anyway). */
export const HSTS = "max-age=31536000";

/**
 * The headers as name → value, for responses written outside Next.js.
 * @param {{ https?: boolean, dev?: boolean }} [opts]
 */
export function securityHeaders(opts = {}) {
  /** @type {Record<string, string>} */
  const h = {
    "Content-Security-Policy": contentSecurityPolicy(opts),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
  };
  if (opts.https) h["Strict-Transport-Security"] = HSTS;
  return h;
}

/**
 * The same for next.config.js headers(): every path, and HSTS when the request
 * arrived over HTTPS (X-Forwarded-Proto from the proxy, or set by Next.js itself).
 * @param {{ dev?: boolean }} [opts]
 */
export function nextSecurityHeaders(opts = {}) {
  const always = Object.entries(securityHeaders(opts)).map(([key, value]) => ({ key, value }));
  return [
    { source: "/:path*", headers: always },
    {
      source: "/:path*",
      has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
      headers: [{ key: "Strict-Transport-Security", value: HSTS }],
    },
  ];
}
