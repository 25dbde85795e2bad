import { z } from "zod";
import { json, readJson } from "@/lib/http/handler";
import { adminRoute } from "@/lib/admin/route";
import { deleteAlert, updateAlert } from "@/lib/alerts/admin";
import { eventTypesSchema } from "@/lib/alerts/events";

export const dynamic = "force-dynamic";

const patch = z.object({
  enabled: z.boolean().optional(),
  name: z.string().trim().min(1).max(60).optional(),
  events: eventTypesSchema.optional(),
  allowPrivate: z.boolean().optional(),
});

export const PATCH = adminRoute<{ id: string }>(async (req, { params }) =>
  json(await updateAlert((await params).id, await readJson(req, patch, 4096))),
);

export const DELETE = adminRoute<{ id: string }>(async (_req, { params }) => {
  await deleteAlert((await params).id);
  return json({ ok: true });
});
