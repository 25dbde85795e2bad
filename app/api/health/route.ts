import { json, route } from "@/lib/http/handler";
import { databaseKind } from "@/lib/config";
import { cachedHealth } from "@/lib/devices/health";

export const dynamic = "force-dynamic";

/** Reads only, at most once a second per process (lib/devices/health.ts cachedHealth). */
export const GET = route(async () => {
  const n = await cachedHealth();
  return json({
    ok: true,
    database: databaseKind(),
    notifier: { online: n.online, demo: n.demo, lastSeenAt: n.lastSeenAt?.toISOString() ?? null },
  });
});
