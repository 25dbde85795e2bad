import { json } from "@/lib/http/handler";
import { adminRoute } from "@/lib/admin/route";
import { rotateMerchantKey } from "@/lib/gateway/merchants";

export const dynamic = "force-dynamic";

export const POST = adminRoute<{ pid: string }>(async (_req, { params }) => json(await rotateMerchantKey(Number((await params).pid))));
