/**
 * Next.js calls register() once when a server process starts, however it was started (npm start,
 * `next start`, the dev server): a bad configuration such as a weak notifier secret stops it before
 * it serves, and the background worker (lib/worker/start.ts: alert delivery, phone watch) starts.
 * It also hands the custom server its fast paths — the page cache's gate (lib/http/page-cache.ts) and the
 * two hottest reads' own handlers (lib/http/direct-routes.ts) — and makes this process follow the owner's
 * changes made through other instances (lib/admin/content.ts).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { exitOnBadConfig } = await import("@/lib/config");
  exitOnBadConfig();
  const { startWorker } = await import("@/lib/worker/start");
  startWorker();
  const { registerPageGate } = await import("@/lib/http/page-store");
  const { articlePageGate } = await import("@/lib/entitlements/page-variant");
  registerPageGate(articlePageGate);
  const { registerDirectRoute } = await import("@/lib/http/direct-routes");
  registerDirectRoute("/api/health", (await import("@/app/api/health/route")).GET);
  registerDirectRoute("/api/orders/:id", (await import("@/app/api/orders/[id]/route")).GET);
  const { registerRedirectResolver } = await import("@/lib/http/redirect-hook");
  registerRedirectResolver((await import("@/lib/redirects/store")).findRedirect);
  const { followContentChanges } = await import("@/lib/admin/content");
  followContentChanges();
}
