import { json, readJson, sameSiteRoute } from "@/lib/http/handler";
import { existingReader } from "@/lib/readers/request";
import { clientIp } from "@/lib/http/client-ip";
import { orderTargetSchema } from "@/lib/orders/request";
import { quoteCoupon } from "@/lib/orders/quote";

export const dynamic = "force-dynamic";

/** POST /api/coupons/check {coupon, slug | seriesSlug | passId}: the price with the coupon, before ordering. */
export const POST = sameSiteRoute(async (req) =>
  json(await quoteCoupon(await readJson(req, orderTargetSchema, 4096), await existingReader(req), clientIp(req))),
);
