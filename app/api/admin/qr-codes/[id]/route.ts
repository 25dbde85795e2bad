import { z } from "zod";
import { json, readJson } from "@/lib/http/handler";
import { adminRoute } from "@/lib/admin/route";
import { deleteQrCode, updateQrCode } from "@/lib/qr/admin";

export const dynamic = "force-dynamic";
type P = { id: string };

const patch = z.object({
  enabled: z.boolean().optional(),
  label: z.string().trim().max(100).nullable().optional(),
  amountCents: z.number().int().min(1, "金额至少 1 分").max(100_000_00).nullable().optional(),
});

export const PATCH = adminRoute<P>(async (req, { params }) => json(await updateQrCode((await params).id, await readJson(req, patch))));

export const DELETE = adminRoute<P>(async (_req, { params }) => {
  await deleteQrCode((await params).id);
  return json({ ok: true });
});
