import { json, readJson } from "@/lib/http/handler";
import { adminRoute } from "@/lib/admin/route";
import { couponPatch, deleteCoupon, updateCoupon } from "@/lib/coupons/admin";

export const dynamic = "force-dynamic";
type P = { code: string };

export const PATCH = adminRoute<P>(async (req, { params }) =>
  json(await updateCoupon((await params).code, await readJson(req, couponPatch, 4096))),
);

export const DELETE = adminRoute<P>(async (_req, { params }) => {
  await deleteCoupon((await params).code);
  return json({ ok: true });
});
