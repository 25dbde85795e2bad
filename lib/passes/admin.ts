import { z } from "zod";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { AppError } from "@/lib/errors";
import { withTx } from "@/lib/db/tx";
import { paidPriceSchema } from "@/lib/price-schema";

/** The owner's passes (全站通): POST/GET /api/admin/passes, PATCH/DELETE /api/admin/passes/{id}. */
const fields = {
  name: z.string().trim().min(1, "请填写名称").max(60, "名称最长 60 个字符"),
  priceCents: paidPriceSchema,
  days: z.number().int("天数必须是整数").min(1, "天数至少为 1").max(3650, "天数最多 3650（10 年）；永久请填 null").nullable(),
  active: z.boolean(),
};
export const passInput = z.object({ ...fields, active: fields.active.default(true) });
export const passPatch = z.object(fields).partial();

export type PassInput = z.infer<typeof passInput>;

const passSelect = { id: true, name: true, priceCents: true, days: true, active: true, createdAt: true, updatedAt: true } as const;

export interface AdminPassRow {
  id: string;
  name: string;
  priceCents: number;
  days: number | null;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
  /** Periods granted (bought or redeemed). */
  sold: number;
}

export async function listPassesForAdmin(): Promise<AdminPassRow[]> {
  const rows = await db().pass.findMany({
    select: { ...passSelect, _count: { select: { grants: true } } },
    orderBy: [{ active: "desc" }, { priceCents: "asc" }],
  });
  return rows.map(({ _count, ...p }) => ({ ...p, sold: _count.grants }));
}

async function getPass(id: string): Promise<AdminPassRow> {
  const row = (await listPassesForAdmin()).find((p) => p.id === id);
  if (!row) throw new AppError("not_found", "找不到这个全站通。");
  return row;
}

export async function createPass(input: PassInput): Promise<AdminPassRow> {
  const id = newId(9);
  await db().pass.create({ data: { id, ...input } });
  return getPass(id);
}

/** A changed price or length applies to later purchases; periods already granted keep their end. */
export async function updatePass(id: string, patch: z.infer<typeof passPatch>): Promise<AdminPassRow> {
  const res = await db().pass.updateMany({ where: { id }, data: patch });
  if (res.count === 0) throw new AppError("not_found", "找不到这个全站通。");
  return getPass(id);
}

/** Only a pass nobody holds or is paying for can go; otherwise take it off sale (active: false). */
export async function deletePass(id: string): Promise<void> {
  await withTx(async (tx) => {
    const pass = await tx.pass.findUnique({ where: { id }, select: { _count: { select: { grants: true } } } });
    if (!pass) throw new AppError("not_found", "找不到这个全站通。");
    const orders = await tx.order.count({ where: { passId: id } });
    if (pass._count.grants > 0 || orders > 0) {
      throw new AppError("conflict", "已有读者购买或下单了这个全站通，删除会影响他们的记录。请改为「停售」。");
    }
    await tx.redeemCode.deleteMany({ where: { passId: id } });
    await tx.pass.delete({ where: { id } });
  });
}
