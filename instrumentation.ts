/**
 * Next.js calls register() once when a server process starts, however it was started (npm start,
 * `next start`, the dev server): a bad configuration such as a weak notifier secret stops it before
 * it serves, and the background worker (lib/worker/start.ts: alert delivery, phone watch) starts.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { exitOnBadConfig } = await import("@/lib/config");
  exitOnBadConfig();
  const { startWorker } = await import("@/lib/worker/start");
  startWorker();
}
