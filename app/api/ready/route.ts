import { anyone, json } from "@/lib/http/door";
import { readiness } from "@/lib/ops/readiness";

/** Readiness for a proxy or monitor: 200 when this process may take traffic, 503 otherwise (lib/ops/readiness.ts). */
export const GET = anyone(async () => {
  const r = await readiness();
  return json(r, r.ready ? 200 : 503);
});
