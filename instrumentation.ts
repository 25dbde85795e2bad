/**
 * Next.js calls register() once when a server process starts: the background
 * worker (lib/worker/start.ts) runs inside every server process, however it
 * was started (npm start, next start, the dev server).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startWorker } = await import("@/lib/worker/start");
  startWorker();
}
