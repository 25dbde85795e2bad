import { z } from "zod";
import { json, owner, readJson } from "@/lib/http/door";
import { createAlert, listAlerts } from "@/lib/alerts/admin";
import { parseNewAlert } from "@/lib/alerts/kinds";

export const GET = owner(async () => json({ items: await listAlerts() }));

/** `{ kind, …settings, events, name? }` → 201 `{ alert, secret? }` (the webhook's signing secret, shown once). */
export const POST = owner(async ({ req }) => json(await createAlert(parseNewAlert(await readJson(req, z.unknown(), 8192))), 201));
