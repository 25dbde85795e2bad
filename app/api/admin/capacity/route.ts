import { json } from "@/lib/http/handler";
import { adminRoute } from "@/lib/admin/route";
import { capacityReport } from "@/lib/orders/capacity";

export const dynamic = "force-dynamic";

export const GET = adminRoute(async () => json(await capacityReport()));
