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
  /** A fixed-amount code's own daily count limit (null: none): skipped for the rest of the day once reached. */
  perDayCount: z.number({ error: "perDayCount 必须是整数或 null" }).int().min(1, "每日笔数至少为 1").max(100_000).nullable().optional(),
});

export const PATCH = adminRoute<P>(async (req, { params }) => json(await updateQrCode((await params).id, await readJson(req, patch))));

export const DELETE = adminRoute<P>(async (_req, { params }) => {
  await deleteQrCode((await params).id);
  return json({ ok: true });
});
