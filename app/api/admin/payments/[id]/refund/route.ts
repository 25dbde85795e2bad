import { z } from "zod";
import { json, owner, readJson, segments } from "@/lib/http/door";
import { refundPayment } from "@/lib/payments/admin";

const body = z.object({ note: z.string().trim().max(500, "备注最多 500 字").optional() });

export const POST = owner(
  async ({ req, params }) => {
    const { note } = await readJson(req, body, 2048);
    return json(await refundPayment(params.id, note || undefined));
  },
  { params: segments("id") },
);
