/**
 * A real local HTTP endpoint that answers 200 at once and then writes one byte
 * every 8 seconds, never finishing: what held every owner alert for minutes
 * when the worker only had socket (idle) timeouts.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface Trickle {
  url: string;
  /** Requests that arrived so far. */
  hits: number;
  close(): Promise<void>;
}

export async function startTrickle(everyMs = 8000): Promise<Trickle> {
  const state = { hits: 0 };
  const sockets = new Set<import("node:net").Socket>();
  const server = http.createServer((req, res) => {
    state.hits++;
    res.writeHead(200, { "content-type": "text/plain" });
    res.write("s");
    const t = setInterval(() => res.write("."), everyMs);
    res.on("close", () => clearInterval(t));
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get hits() {
      return state.hits;
    },
    close: () =>
      new Promise((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
