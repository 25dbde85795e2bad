/**
 * The HTTP server around Next.js. It exists for one reason: route handlers
 * cannot see the socket address, and X-Forwarded-For can be forged by any
 * client. We pass the real peer address in x-paywall-peer with a key made at
 * start (overwriting any client-sent values); lib/http/client-ip.ts believes the
 * header only with that key, and X-Forwarded-For only with TRUST_PROXY=1.
 */
import { randomBytes } from "node:crypto";
import http from "node:http";
import path from "node:path";
import next from "next";
import { exitOnBadConfig } from "@/lib/config";
import { INTERNAL_ERROR_MESSAGE } from "@/lib/errors";

// Refuse to serve with a bad configuration (e.g. a weak notifier secret), also when started without npm start.
exitOnBadConfig();
import { securityHeaders } from "../lib/http/security-headers.mjs";
import { servePage } from "./page-cache";
import { serveDirect } from "./direct-routes";
import { listenHost } from "./listen-host";
import { installGracefulShutdown } from "../lib/ops/shutdown";

const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
// Behind a proxy (TRUST_PROXY=1) loopback only by default: X-Forwarded-For is believed (server/listen-host.ts).
const listen = listenHost(process.env);
const hostname = listen.host;
if (listen.warning) console.warn(listen.warning);

// Set before Next.js loads: route handlers read it from this process's environment.
const peerKey = randomBytes(24).toString("base64url");
process.env.PAYWALL_PEER_KEY = peerKey;

const app = next({ dev, dir: root, hostname, port });
await app.prepare();
const handle = app.getRequestHandler();

// Next.js answers a path with broken percent-encoding (e.g. /restore/%E0, a
// restore link cut mid-character) with a bare 500; this is the reader's fault, say so.
function malformedPath(url: string | undefined): boolean {
  try {
    decodeURIComponent((url ?? "/").split("?")[0]);
    return false;
  } catch {
    return true;
  }
}

const BAD_LINK = `<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>链接无效</title>
<p style="font-family:sans-serif;max-width:32rem;margin:3rem auto">链接不完整或已损坏，请重新复制完整的链接。<a href="/">返回首页</a></p>`;

const server = http.createServer((req, res) => {
  req.headers["x-paywall-peer"] = req.socket.remoteAddress ?? "unknown";
  req.headers["x-paywall-peer-key"] = peerKey;
  if (malformedPath(req.url)) {
    const https = req.headers["x-forwarded-proto"] === "https";
    res.writeHead(400, { ...securityHeaders({ https, dev }), "content-type": "text/html; charset=utf-8" }).end(BAD_LINK);
    return;
  }
  // The hottest reads skip Next's router (server/direct-routes.ts), article pages may come from the
  // page cache (server/page-cache.ts); everything else is Next.js's.
  serveDirect(req, res, () => servePage(req, res, () => handle(req, res)), dev).catch((e) => {
    // Nothing in front of Next.js may take the process down with an unhandled rejection.
    console.error(`[server] ${req.method} ${req.url}`, e);
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" }).end(INTERNAL_ERROR_MESSAGE);
    else res.destroy();
  });
});
server.listen(port, hostname, () => {
  console.log(`付费阅读 ready on http://localhost:${port} (${dev ? "development" : "production"}, listening on ${hostname})`);
});

// SIGTERM/SIGINT: stop accepting, finish in-flight requests, close streams, release job leases, exit (lib/ops/shutdown.ts).
installGracefulShutdown(server);
