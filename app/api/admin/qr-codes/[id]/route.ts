import { z } from "zod";
import { json, owner, readJson, segments } from "@/lib/http/door";
import { deleteQrCode, updateQrCode } from "@/lib/qr/admin";

const patch = z.object({
  enabled: z.boolean().optional(),
  label: z.string().trim().max(100).nullable().optional(),
  amountCents: z.number().int().min(1, "金额至少 1 分").max(100_000_00).nullable().optional(),
});
const params = segments("id");

export const PATCH = owner(async ({ req, params }) => json(await updateQrCode(params.id, await readJson(req, patch))), { params });

export const DELETE = owner(
  async ({ params }) => {
    await deleteQrCode(params.id);
    return json({ ok: true });
  },
  { params },
);
