import { z } from "zod";
import { json, readJson } from "@/lib/http/handler";
import { adminRoute } from "@/lib/admin/route";
import { deleteDevice, updateDevice } from "@/lib/devices/admin";
import { assignFields } from "@/lib/devices/assign-schema";

export const dynamic = "force-dynamic";
type P = { id: string };

const patch = z.object({
  enabled: z.boolean().optional(),
  name: z.string().trim().min(1).max(60).optional(),
  /** The accounts it speaks for and its role (primary / standby) on each: lib/devices/assign-schema.ts. */
  ...assignFields,
});

export const PATCH = adminRoute<P>(async (req, { params }) => json(await updateDevice((await params).id, await readJson(req, patch))));

export const DELETE = adminRoute<P>(async (_req, { params }) => {
  await deleteDevice((await params).id);
  return json({ ok: true });
});
