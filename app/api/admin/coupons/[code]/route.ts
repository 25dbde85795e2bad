import { json, ok, owner, readJson, segments } from "@/lib/http/door";
import { couponPatch, deleteCoupon, updateCoupon } from "@/lib/coupons/admin";

const params = segments("code");

export const PATCH = owner(async ({ req, params }) => json(await updateCoupon(params.code, await readJson(req, couponPatch, 4096))), {
  params,
});

export const DELETE = owner(async ({ params }) => deleteCoupon(params.code).then(ok), { params });
