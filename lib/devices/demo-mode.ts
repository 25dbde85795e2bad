import { config, truthy } from "@/lib/config";
import { envNotifierConfigured } from "@/lib/devices/registry";
import { notifierEverConfigured } from "@/lib/devices/go-live";
import { registerCache } from "@/lib/process-caches";

/**
 * Demo mode: no real notifier was ever configured (env secret or device) and it
 * was not switched off with DISABLE_DEMO. A pure read: pages and the health check
 * call it, so it never writes (the go-live is recorded where devices are written:
 * at start, on a notifier request, on adding a device — see go-live.ts).
 */
export async function isDemoMode(): Promise<boolean> {
  const c = config();
  if (truthy(c.DISABLE_DEMO)) return false;
  if (envNotifierConfigured(c)) return false;
  // Going live is for good (go-live.ts): once seen, this process never asks again.
  if (live.urls.has(c.DATABASE_URL)) return false;
  const demo = !(await notifierEverConfigured());
  if (!demo) live.urls.add(c.DATABASE_URL);
  return demo;
}

// On globalThis: Next.js may load this module once per route bundle.
const g = globalThis as unknown as { __paywallLive?: { urls: Set<string> } };
const live = (g.__paywallLive ??= { urls: new Set() });

/** Tests empty the database between cases, which no real site does: they forget what was seen. */
export function forgetGoLiveSeen(): void {
  live.urls.clear();
}
registerCache("go-live-seen", { forget: forgetGoLiveSeen });
