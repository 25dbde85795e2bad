import { json } from "@/lib/http/handler";
import { adminRoute } from "@/lib/admin/route";
import { listMerchantOrders } from "@/lib/gateway/admin";

export const dynamic = "force-dynamic";

export const GET = adminRoute<{ pid: string }>(async (req, { params }) => {
  const status = new URL(req.url).searchParams.get("status") ?? undefined;
  return json({ items: await listMerchantOrders(Number((await params).pid), { status }) });
});
