import { z } from "zod";
import { json, ok, owner, readJson, segments } from "@/lib/http/door";
import { deleteDevice, updateDevice } from "@/lib/devices/admin";
import { assignFields } from "@/lib/devices/assign-schema";

const patch = z.object({
  enabled: z.boolean().optional(),
  name: z.string().trim().min(1).max(60).optional(),
  /** The accounts it speaks for and its role (primary / standby) on each: lib/devices/assign-schema.ts. */
  ...assignFields,
});
const params = segments("id");

export const PATCH = owner(async ({ req, params }) => json(await updateDevice(params.id, await readJson(req, patch))), { params });

export const DELETE = owner(async ({ params }) => deleteDevice(params.id).then(ok), { params });
