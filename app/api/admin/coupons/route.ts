import { json, owner, readJson } from "@/lib/http/door";
import { couponInput, createCoupon, listCouponsForAdmin } from "@/lib/coupons/admin";

export const GET = owner(async () => json({ items: await listCouponsForAdmin() }));

export const POST = owner(async ({ req }) => json(await createCoupon(await readJson(req, couponInput, 4096)), 201));
