import { PHASE_DEVELOPMENT_SERVER } from "next/constants.js";
import { nextSecurityHeaders } from "./lib/http/security-headers.mjs";

/** @type {(phase: string) => import('next').NextConfig} */
const nextConfig = (phase) => ({
  poweredByHeader: false,
  // Native and driver modules stay in node_modules instead of being bundled.
  serverExternalPackages: ["better-sqlite3", "pg", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg"],
  async headers() {
    return [
      // CSP, framing, nosniff, referrer policy on every response; HSTS over HTTPS (SECURITY.md).
      // The development server adds what hot reload needs (the phase, not NODE_ENV: a build need not set it).
      ...nextSecurityHeaders({ dev: phase === PHASE_DEVELOPMENT_SERVER }),
      {
        // Order status and entitled pages are per reader: never cache them in shared caches.
        source: "/api/:path*",
        headers: [{ key: "Cache-Control", value: "private, no-store" }],
      },
      {
        // The owner's admin: never in a shared cache, never in a search engine.
        source: "/admin/:path*",
        headers: [
          { key: "Cache-Control", value: "private, no-store" },
          { key: "X-Robots-Tag", value: "noindex, nofollow" },
        ],
      },
      {
        // Preview links of drafts and scheduled posts: per link, never cached, never indexed, never in a Referer.
        source: "/preview/:path*",
        headers: [
          { key: "Cache-Control", value: "private, no-store" },
          { key: "X-Robots-Tag", value: "noindex, nofollow" },
          { key: "Referrer-Policy", value: "no-referrer" },
        ],
      },
      {
        source: "/admin",
        headers: [
          { key: "Cache-Control", value: "private, no-store" },
          { key: "X-Robots-Tag", value: "noindex, nofollow" },
        ],
      },
    ];
  },
});

export default nextConfig;
