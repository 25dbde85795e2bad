/**
 * Next.js calls register() once when a server process starts, however it was started (npm start,
 * `next start`, the dev server): a bad configuration such as a weak notifier secret stops it before
 * it serves, and the background worker (lib/worker/start.ts: alert delivery, phone watch) starts.
 * It also hands the production server (server/) its fast paths — the page cache's gate (server/page-cache.ts)
 * and the two hottest reads' own handlers (server/direct-routes.ts) — makes this process follow the owner's
 * changes made through other instances (lib/admin/content.ts), and registers what a clean stop closes last.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { exitOnBadConfig } = await import("@/lib/config");
  exitOnBadConfig();
  const { startWorker } = await import("@/lib/worker/start");
  startWorker();
  const { registerPageGate } = await import("@/server/page-store");
  const { articlePageGate } = await import("@/lib/entitlements/page-variant");
  registerPageGate(articlePageGate);
  const { registerDirectRoute } = await import("@/server/direct-routes");
  registerDirectRoute("/api/health", (await import("@/app/api/health/route")).GET);
  registerDirectRoute("/api/orders/:id", (await import("@/app/api/orders/[id]/route")).GET);
  const { followContentChanges } = await import("@/lib/admin/content");
  followContentChanges();
  // Last step of a clean stop (lib/ops/shutdown.ts): the event bus's connections, then the database.
  const { onShutdown } = await import("@/lib/ops/lifecycle");
  const { closeBus } = await import("@/lib/events/bus");
  const { disconnectDb } = await import("@/lib/db/client");
  onShutdown("close", "event bus and database", async () => {
    await closeBus();
    await disconnectDb();
  });
}
