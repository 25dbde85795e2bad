import { z } from "zod";
import { json, readJson } from "@/lib/http/handler";
import { adminRoute } from "@/lib/admin/route";
import { refundPayment } from "@/lib/payments/admin";

export const dynamic = "force-dynamic";

const body = z.object({ note: z.string().trim().max(500, "备注最多 500 字").optional() });

export const POST = adminRoute<{ id: string }>(async (req, { params }) => {
  const { id } = await params;
  const { note } = await readJson(req, body, 2048);
  return json(await refundPayment(id, note || undefined));
});
