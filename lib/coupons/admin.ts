import { z } from "zod";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { AppError } from "@/lib/errors";
import { isUniqueViolation, withTx } from "@/lib/db/tx";
import { labelOf, resolveTargetRef, targetRefSchema } from "@/lib/catalog/ref";
import { COUPON_CODE_PATTERN, normalizeCouponCode } from "@/lib/coupons/discount";
import { couponUsesWhere } from "@/lib/coupons/apply";
import { centsSchema } from "@/lib/price-schema";

/** The owner's coupons: GET/POST /api/admin/coupons, PATCH/DELETE /api/admin/coupons/{code}. */
const codeField = z
  .string()
  .transform(normalizeCouponCode)
  .refine((c) => COUPON_CODE_PATTERN.test(c), "优惠码为 3–32 位字母、数字、- 或 _");
const futureDate = z.iso
  .datetime({ error: "expiresAt 必须是 ISO 时间，例如 2026-12-31T16:00:00Z" })
  .transform((v) => new Date(v))
  .nullable();

export const couponInput = z
  .object({
    code: codeField,
    percentOff: z.number().int().min(1, "折扣至少 1%").max(99, "折扣最多 99%；免费赠送请用兑换码").nullable().default(null),
    amountOffCents: centsSchema("减免金额").nullable().default(null),
    /** Absent or null: site-wide (posts, series and passes; never tips). */
    target: targetRefSchema.nullable().default(null),
    maxUses: z.number().int().min(1, "使用次数上限至少为 1").max(1_000_000).nullable().default(null),
    expiresAt: futureDate.default(null),
  })
  .refine((c) => (c.percentOff === null) !== (c.amountOffCents === null), {
    message: "请填写 percentOff（百分比）或 amountOffCents（减免金额）其中之一",
  });
export const couponPatch = z
  .object({ active: z.boolean(), maxUses: z.number().int().min(1).max(1_000_000).nullable(), expiresAt: futureDate })
  .partial();

export async function listCouponsForAdmin(now = new Date()) {
  const rows = await db().coupon.findMany({
    include: { article: { select: { title: true } }, series: { select: { title: true } }, pass: { select: { name: true } } },
    orderBy: { createdAt: "desc" },
  });
  return Promise.all(
    rows.map(async (c) => {
      const [paid, held] = await Promise.all([
        db().order.count({ where: { couponId: c.id, status: "paid" } }),
        db().order.count({ where: couponUsesWhere(c.id, now) }),
      ]);
      return {
        code: c.code,
        percentOff: c.percentOff,
        amountOffCents: c.amountOffCents,
        scope: c.scope,
        appliesTo: labelOf(c),
        maxUses: c.maxUses,
        /** Paid orders that used it. */
        used: paid,
        /** Unpaid orders that can still be paid and so hold a use now. */
        reserved: held - paid,
        expiresAt: c.expiresAt,
        active: c.active,
        createdAt: c.createdAt,
      };
    }),
  );
}

export type AdminCouponRow = Awaited<ReturnType<typeof listCouponsForAdmin>>[number];

async function getCoupon(code: string): Promise<AdminCouponRow> {
  const row = (await listCouponsForAdmin()).find((c) => c.code === code);
  if (!row) throw new AppError("not_found", `找不到优惠码「${code}」。`);
  return row;
}

export async function createCoupon(input: z.infer<typeof couponInput>) {
  const { target, ...terms } = input;
  const resolved = target ? await resolveTargetRef(target) : null;
  const t = resolved?.target;
  try {
    await db().coupon.create({
      data: {
        id: newId(),
        ...terms,
        scope: t?.kind ?? "all",
        articleId: t?.kind === "article" ? t.articleId : null,
        seriesId: t?.kind === "series" ? t.seriesId : null,
        passId: t?.kind === "pass" ? t.passId : null,
      },
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("conflict", `优惠码「${input.code}」已存在。`);
    throw e;
  }
  return getCoupon(input.code);
}

export async function updateCoupon(code: string, patch: z.infer<typeof couponPatch>) {
  const c = normalizeCouponCode(code);
  const res = await db().coupon.updateMany({ where: { code: c }, data: patch });
  if (res.count === 0) throw new AppError("not_found", `找不到优惠码「${c}」。`);
  return getCoupon(c);
}

/** A coupon that orders used stays (their records name it): deactivate it instead. */
export async function deleteCoupon(code: string): Promise<void> {
  const c = normalizeCouponCode(code);
  await withTx(async (tx) => {
    const row = await tx.coupon.findUnique({ where: { code: c }, select: { id: true } });
    if (!row) throw new AppError("not_found", `找不到优惠码「${c}」。`);
    if ((await tx.order.count({ where: { couponId: row.id } })) > 0) {
      throw new AppError("conflict", `已有订单使用过优惠码「${c}」，不能删除。请改为「停用」。`);
    }
    await tx.coupon.delete({ where: { id: row.id } });
  });
}
