import { json } from "@/lib/http/handler";
import { adminRoute } from "@/lib/admin/route";
import { dashboard } from "@/lib/admin/dashboard";

export const dynamic = "force-dynamic";

export const GET = adminRoute(async () => json(await dashboard()));
