import { json, readJson, reader } from "@/lib/http/door";
import { clientIp } from "@/lib/http/client-ip";
import { orderTargetSchema } from "@/lib/orders/request";
import { quoteCoupon } from "@/lib/orders/quote";

/** POST /api/coupons/check {coupon, slug | seriesSlug | passId}: the price with the coupon, before ordering. */
export const POST = reader(async ({ req, reader }) =>
  json(await quoteCoupon(await readJson(req, orderTargetSchema, 4096), await reader.existing(), clientIp(req))),
);
