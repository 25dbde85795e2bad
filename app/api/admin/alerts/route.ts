import { json, readJson } from "@/lib/http/handler";
import { z } from "zod";
import { adminRoute } from "@/lib/admin/route";
import { createAlert, listAlerts } from "@/lib/alerts/admin";
import { parseNewAlert } from "@/lib/alerts/kinds";

export const dynamic = "force-dynamic";

export const GET = adminRoute(async () => json({ items: await listAlerts() }));

/** `{ kind, …settings, events, name? }` → 201 `{ alert, secret? }` (the webhook's signing secret, shown once). */
export const POST = adminRoute(async (req) => json(await createAlert(parseNewAlert(await readJson(req, z.unknown(), 8192))), 201));
