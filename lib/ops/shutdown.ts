import type { Server, ServerResponse } from "node:http";
import { markDraining, runShutdownPhase } from "./lifecycle";

/**
 * A clean stop on SIGTERM (what systemd sends to every process of the unit on stop and
 * restart) or SIGINT: stop accepting connections, close pushed order streams (the reader's
 * EventSource reconnects to the next server), let every in-flight request finish — a
 * notification the phone is told was recorded is committed before its answer, one still
 * being handled is answered — stop the worker and release its job leases, close the
 * database, exit 0. Whatever is not done by the deadline is cut off with exit 1: systemd's
 * TimeoutStopSec (deploy/paywall.service) is longer, so it never has to SIGKILL us.
 */
export const SHUTDOWN_DEADLINE_MS = 9_000;

export function installGracefulShutdown(server: Server, deadlineMs = SHUTDOWN_DEADLINE_MS): void {
  const inFlight = new Set<ServerResponse>();
  let stopping = false;
  server.on("request", (_req, res: ServerResponse) => {
    inFlight.add(res);
    res.once("close", () => inFlight.delete(res));
    // Tell keep-alive clients (a proxy, a phone) to open their next request elsewhere.
    if (stopping && !res.headersSent) res.setHeader("connection", "close");
  });

  const stop = async (signal: string) => {
    if (stopping) return; // npm, tsx and the group kill may each deliver one
    stopping = true;
    const t0 = Date.now();
    const deadline = t0 + deadlineMs;
    const cutOff = setTimeout(() => {
      console.error(`[server] ${signal}: still busy after ${deadlineMs} ms (${inFlight.size} requests); exiting anyway`);
      process.exit(1);
    }, deadlineMs);
    console.log(`[server] ${signal}: stopping (${inFlight.size} requests in flight)`);
    markDraining();
    server.close();
    server.closeIdleConnections();
    await runShutdownPhase("streams", deadline);
    const worker = runShutdownPhase("worker", deadline);
    while (inFlight.size > 0 && Date.now() < deadline - 500) {
      server.closeIdleConnections();
      await new Promise((r) => setTimeout(r, 20));
    }
    await worker;
    await runShutdownPhase("close", deadline);
    clearTimeout(cutOff);
    console.log(`[server] stopped cleanly in ${Date.now() - t0} ms`);
    process.exit(inFlight.size ? 1 : 0);
  };
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => void stop(sig));
}
