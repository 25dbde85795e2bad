import { z } from "zod";
import { json, ok, owner, readJson, segments } from "@/lib/http/door";
import { deleteQrCode, updateQrCode } from "@/lib/qr/admin";
import { centsSchema } from "@/lib/price-schema";

const patch = z.object({
  enabled: z.boolean().optional(),
  label: z.string().trim().max(100).nullable().optional(),
  amountCents: centsSchema("金额").nullable().optional(),
  /** A fixed-amount code's own daily count limit (null: none): skipped for the rest of the day once reached. */
  perDayCount: z.number({ error: "perDayCount 必须是整数或 null" }).int().min(1, "每日笔数至少为 1").max(100_000).nullable().optional(),
});
const params = segments("id");

export const PATCH = owner(async ({ req, params }) => json(await updateQrCode(params.id, await readJson(req, patch))), { params });

export const DELETE = owner(async ({ params }) => deleteQrCode(params.id).then(ok), { params });
