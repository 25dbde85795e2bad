import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/** A pass as readers see it on the paywall and in 我的购买. */
export interface PassOffer {
  id: string;
  name: string;
  priceCents: number;
  days: number | null;
}

const offerSelect = { id: true, name: true, priceCents: true, days: true } as const;
const PASS_ID = /^[A-Za-z0-9_-]{6,64}$/;

/** Passes on sale, cheapest first. */
export async function passesOnSale(): Promise<PassOffer[]> {
  return db().pass.findMany({ where: { active: true }, select: offerSelect, orderBy: [{ priceCents: "asc" }, { id: "asc" }] });
}

export async function requirePassOnSale(id: string): Promise<PassOffer> {
  const pass = PASS_ID.test(id) ? await db().pass.findUnique({ where: { id }, select: { ...offerSelect, active: true } }) : null;
  if (!pass) throw new AppError("not_found", "找不到这个全站通，可能已被站长删除。");
  if (!pass.active) throw new AppError("conflict", `「${pass.name}」已停售。`);
  return { id: pass.id, name: pass.name, priceCents: pass.priceCents, days: pass.days };
}
