import { config, truthy } from "@/lib/config";
import { envNotifierConfigured } from "@/lib/devices/registry";
import { notifierEverConfigured } from "@/lib/devices/go-live";

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
  return !(await notifierEverConfigured());
}
