/**
 * The HTTP server around Next.js. It exists for one reason: route handlers
 * cannot see the socket address, and X-Forwarded-For can be forged by any
 * client. We pass the real peer address in x-paywall-peer (overwriting any
 * client-sent value); lib/readers/request.ts trusts X-Forwarded-For only with
 * TRUST_PROXY=1.
 */
import http from "node:http";
import path from "node:path";
import next from "next";

const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";

const app = next({ dev, dir: root, hostname, port });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer((req, res) => {
  req.headers["x-paywall-peer"] = req.socket.remoteAddress ?? "unknown";
  void handle(req, res);
});
server.listen(port, hostname, () => {
  console.log(`付费阅读 ready on http://localhost:${port} (${dev ? "development" : "production"})`);
});

for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, () => server.close(() => process.exit(0)));
}
