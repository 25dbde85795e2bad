import { json, route } from "@/lib/http/handler";
import { readiness } from "@/lib/ops/readiness";

export const dynamic = "force-dynamic";

/** Readiness for a proxy or monitor: 200 when this process may take traffic, 503 otherwise (lib/ops/readiness.ts). */
export const GET = route(async () => {
  const r = await readiness();
  return json(r, r.ready ? 200 : 503);
});
