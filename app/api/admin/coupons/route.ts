import { json, readJson } from "@/lib/http/handler";
import { adminRoute } from "@/lib/admin/route";
import { couponInput, createCoupon, listCouponsForAdmin } from "@/lib/coupons/admin";

export const dynamic = "force-dynamic";

export const GET = adminRoute(async () => json({ items: await listCouponsForAdmin() }));

export const POST = adminRoute(async (req) => json(await createCoupon(await readJson(req, couponInput, 4096)), 201));
