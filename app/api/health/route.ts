import { anyone, json } from "@/lib/http/door";
import { databaseKind } from "@/lib/config";
import { cachedHealth } from "@/lib/devices/health";

/** Reads only, at most once a second per process (lib/devices/health.ts cachedHealth). */
export const GET = anyone(async () => {
  const n = await cachedHealth();
  return json({
    ok: true,
    database: databaseKind(),
    notifier: { online: n.online, demo: n.demo, lastSeenAt: n.lastSeenAt?.toISOString() ?? null },
  });
});
