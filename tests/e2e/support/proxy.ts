/**
 * Debian's caddy and nginx in front of a running site, each with the config shipped in deploy/:
 * only the domain (→ localhost), the ports and the certificate source are templated here, so
 * what is tested is what an owner copies. Plus an HTTPS client that trusts the test's
 * certificate and can speak from another loopback address (as another reader would).
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import https from "node:https";
import http from "node:http";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "..", "..");
const shipped = (name: string) => readFileSync(path.join(root, "deploy", name), "utf8");

export interface RunningProxy {
  name: "caddy" | "nginx";
  httpsUrl: string;
  httpUrl: string;
  /** The CA to trust for httpsUrl. */
  ca: string;
  stop(): Promise<void>;
}

async function waitFor(url: string, ca: string | null, proc: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`proxy exited (${proc.exitCode}):\n${log()}`);
    try {
      const r = await request(url, { ca: ca ?? undefined });
      if (r.status > 0) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`proxy did not start:\n${log()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function track(proc: ChildProcess) {
  let log = "";
  proc.stdout?.on("data", (d) => (log += d));
  proc.stderr?.on("data", (d) => (log += d));
  return () => log;
}

async function stopProc(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  proc.kill("SIGTERM");
  await new Promise((r) => proc.once("exit", r));
}

export async function startCaddy(sitePort: number, httpPort: number, httpsPort: number): Promise<RunningProxy> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "paywall-caddy-"));
  const global = [
    "{",
    "\tadmin off",
    `\thttp_port ${httpPort}`,
    `\thttps_port ${httpsPort}`,
    "\tdefault_bind 127.0.0.1",
    "\tlocal_certs",
    "\tskip_install_trust",
    `\tstorage file_system ${path.join(dir, "data")}`,
    "}",
    "",
  ].join("\n");
  const config =
    global + shipped("Caddyfile").replaceAll("paywall.example.com", "localhost").replaceAll("127.0.0.1:3000", `127.0.0.1:${sitePort}`);
  writeFileSync(path.join(dir, "Caddyfile"), config);
  const proc = spawn("/usr/bin/caddy", ["run", "--config", path.join(dir, "Caddyfile"), "--adapter", "caddyfile"], {
    env: { ...process.env, HOME: dir, XDG_DATA_HOME: path.join(dir, "xdg-data"), XDG_CONFIG_HOME: path.join(dir, "xdg-config") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log = track(proc);
  const caFile = path.join(dir, "data", "pki", "authorities", "local", "root.crt");
  const deadline = Date.now() + 30_000;
  while (!existsSync(caFile)) {
    if (proc.exitCode !== null || Date.now() > deadline) throw new Error(`caddy did not make its CA:\n${log()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const ca = readFileSync(caFile, "utf8");
  const httpsUrl = `https://localhost:${httpsPort}`;
  await waitFor(`${httpsUrl}/robots.txt`, ca, proc, log);
  return { name: "caddy", httpsUrl, httpUrl: `http://localhost:${httpPort}`, ca, stop: () => stopProc(proc) };
}

/** A self-signed certificate for localhost, as certbot's fullchain.pem / privkey.pem would be. */
function selfSigned(dir: string): { cert: string; key: string } {
  const cert = path.join(dir, "fullchain.pem");
  const key = path.join(dir, "privkey.pem");
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "2",
      "-subj",
      "/CN=localhost",
      "-addext",
      "subjectAltName=DNS:localhost",
      "-keyout",
      key,
      "-out",
      cert,
    ],
    { stdio: "pipe" },
  );
  return { cert, key };
}

export async function startNginx(sitePort: number, httpPort: number, httpsPort: number): Promise<RunningProxy> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "paywall-nginx-"));
  chmodSync(dir, 0o755);
  const { cert, key } = selfSigned(dir);
  const site = shipped("nginx.conf")
    .replaceAll("paywall.example.com", "localhost")
    .replaceAll("127.0.0.1:3000", `127.0.0.1:${sitePort}`)
    .replaceAll("/etc/letsencrypt/live/localhost/fullchain.pem", cert)
    .replaceAll("/etc/letsencrypt/live/localhost/privkey.pem", key)
    .replace(/^\s*listen \[::\]:\d+.*\n/gm, "")
    .replace("listen 80;", `listen 127.0.0.1:${httpPort};`)
    .replace("listen 443 ssl http2;", `listen 127.0.0.1:${httpsPort} ssl http2;`);
  writeFileSync(path.join(dir, "site.conf"), site);
  const temp = path.join(dir, "temp");
  mkdirSync(temp, { mode: 0o777 });
  chmodSync(temp, 0o777);
  // What Debian's /etc/nginx/nginx.conf is around a site file: the process settings and the http block.
  const main = [
    `pid ${dir}/nginx.pid;`,
    `error_log ${dir}/error.log warn;`,
    "daemon off;",
    "events { worker_connections 512; }",
    "http {",
    "  access_log off;",
    ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((t) => `  ${t}_temp_path ${temp}/${t};`),
    `  include ${dir}/site.conf;`,
    "}",
  ].join("\n");
  writeFileSync(path.join(dir, "nginx.conf"), main);
  const proc = spawn("/usr/sbin/nginx", ["-p", dir, "-c", path.join(dir, "nginx.conf")], { stdio: ["ignore", "pipe", "pipe"] });
  const log = () => track(proc)() + (existsSync(`${dir}/error.log`) ? readFileSync(`${dir}/error.log`, "utf8") : "");
  const ca = readFileSync(cert, "utf8");
  const httpsUrl = `https://localhost:${httpsPort}`;
  await waitFor(`${httpsUrl}/robots.txt`, ca, proc, log);
  return { name: "nginx", httpsUrl, httpUrl: `http://localhost:${httpPort}`, ca, stop: () => stopProc(proc) };
}

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One request over HTTP(S), optionally from another loopback address (`from`, e.g. 127.0.0.2). */
export function request(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer; ca?: string; from?: string } = {},
): Promise<Answer> {
  const u = new URL(url);
  const lib = u.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(
      {
        host: "127.0.0.1",
        servername: u.hostname,
        port: u.port,
        path: u.pathname + u.search,
        method: opts.method ?? "GET",
        headers: { host: u.host, ...(opts.headers ?? {}) },
        ca: opts.ca,
        localAddress: opts.from,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
      },
    );
    req.on("error", reject);
    req.setTimeout(30_000, () => req.destroy(new Error("timeout")));
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

/**
 * Opens GET /api/orders/{id}/events through the proxy; resolves with the time the stream opened
 * (first byte) and a promise of the moment the `event: status` arrives.
 */
export function openEventStream(
  url: string,
  ca: string,
  cookie: string,
): Promise<{ firstByteMs: number; status: Promise<{ at: number; data: string }>; close(): void }> {
  const u = new URL(url);
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: "127.0.0.1",
        servername: u.hostname,
        port: u.port,
        path: u.pathname,
        headers: { host: u.host, cookie, accept: "text/event-stream" },
        ca,
        agent: false,
      },
      (res) => {
        if (res.statusCode !== 200) return reject(new Error(`events answered ${res.statusCode}`));
        let text = "";
        let opened = false;
        let settle: (v: { at: number; data: string }) => void;
        const status = new Promise<{ at: number; data: string }>((r) => (settle = r));
        res.on("data", (chunk: Buffer) => {
          text += chunk.toString("utf8");
          if (!opened) {
            opened = true;
            resolve({ firstByteMs: performance.now() - t0, status, close: () => req.destroy() });
          }
          const m = /event: status\ndata: (.*)\n\n/.exec(text);
          if (m) settle({ at: performance.now(), data: m[1] });
        });
      },
    );
    req.on("error", reject);
    req.end();
  });
}
