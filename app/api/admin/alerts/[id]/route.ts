import { z } from "zod";
import { json, ok, owner, readJson, segments } from "@/lib/http/door";
import { deleteAlert, updateAlert } from "@/lib/alerts/admin";
import { eventTypesSchema } from "@/lib/alerts/events";

const patch = z.object({
  enabled: z.boolean().optional(),
  name: z.string().trim().min(1).max(60).optional(),
  events: eventTypesSchema.optional(),
  allowPrivate: z.boolean().optional(),
});
const params = segments("id");

export const PATCH = owner(async ({ req, params }) => json(await updateAlert(params.id, await readJson(req, patch, 4096))), { params });

export const DELETE = owner(async ({ params }) => deleteAlert(params.id).then(ok), { params });
