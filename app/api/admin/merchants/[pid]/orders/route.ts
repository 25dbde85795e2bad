import { json, owner } from "@/lib/http/door";
import { listMerchantOrders } from "@/lib/gateway/admin";
import { pidParams } from "@/lib/gateway/merchants";

export const GET = owner(
  async ({ req, params }) => {
    const status = new URL(req.url).searchParams.get("status") ?? undefined;
    return json({ items: await listMerchantOrders(params.pid, { status }) });
  },
  { params: pidParams },
);
