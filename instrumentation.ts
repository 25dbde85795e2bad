/**
 * Runs once when a Next.js server starts, however it was started (npm start, `next start`,
 * `next dev`): a bad configuration such as a weak notifier secret stops it before it serves.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { exitOnBadConfig } = await import("@/lib/config");
    exitOnBadConfig();
  }
}
