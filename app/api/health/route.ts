import { json, route } from "@/lib/http/handler";
import { db } from "@/lib/db/client";
import { databaseKind } from "@/lib/config";
import { notifierHealth } from "@/lib/devices/health";

export const dynamic = "force-dynamic";

export const GET = route(async () => {
  await db().$queryRawUnsafe("SELECT 1");
  const n = await notifierHealth();
  return json({
    ok: true,
    database: databaseKind(),
    notifier: { online: n.online, demo: n.demo, lastSeenAt: n.lastSeenAt?.toISOString() ?? null },
  });
});
