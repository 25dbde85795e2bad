import type { Tx } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { advisoryLock } from "@/lib/db/lock";
import { nextPeriod } from "@/lib/passes/period";
import type { GrantTarget, OrderTarget } from "@/lib/targets";

/** Where a grant came from: a paid order, or a redeem code (no payment, never revenue). */
export type GrantSource =
  /** `demo`: paid by the 模拟付款 button; the unlock is marked so going live revokes it. */
  { orderId: string; redeemCodeId?: undefined; demo?: boolean } | { redeemCodeId: string; orderId?: undefined; demo?: undefined };

/**
 * What a paid order gives its reader, inside the settlement transaction.
 * A tip gives nothing (the reader gets a thank-you on the page); neither does a
 * gateway payment (kind "merchant"): it belongs to another site, which settlement
 * tells through the merchant notify (lib/gateway/paid.ts).
 */
export async function grantForOrder(
  tx: Tx,
  order: { id: string; readerId: string; target: OrderTarget; demo?: boolean },
  now: Date,
): Promise<void> {
  if (order.target.kind === "tip" || order.target.kind === "merchant") return;
  await grantTarget(tx, order.readerId, order.target, { orderId: order.id, demo: order.demo }, now);
}

/**
 * Grants a post, series or pass to a reader inside the caller's transaction.
 * Posts and series are idempotent per reader (a reader who paid twice keeps one
 * grant, linked to the first source). A pass adds a period: it starts where the
 * reader's current access ends (lib/passes/period.ts), computed under a
 * per-reader lock so two passes settling at once in two processes both count.
 */
export async function grantTarget(tx: Tx, readerId: string, target: GrantTarget, source: GrantSource, now: Date): Promise<void> {
  const link = { orderId: source.orderId ?? null };
  switch (target.kind) {
    case "article": {
      const existing = await tx.entitlement.findUnique({
        where: { readerId_articleId: { readerId, articleId: target.articleId } },
        select: { id: true },
      });
      if (!existing) {
        await tx.entitlement.create({
          data: { id: newId(), readerId, articleId: target.articleId, ...link, createdAt: now, demo: source.demo ?? false },
        });
      }
      return;
    }
    case "series": {
      const existing = await tx.seriesGrant.findUnique({
        where: { readerId_seriesId: { readerId, seriesId: target.seriesId } },
        select: { id: true },
      });
      if (!existing)
        await tx.seriesGrant.create({
          data: { id: newId(), readerId, seriesId: target.seriesId, ...link, redeemCodeId: source.redeemCodeId ?? null, createdAt: now },
        });
      return;
    }
    case "pass": {
      await advisoryLock(tx, `paywall-pass:${readerId}`);
      const pass = await tx.pass.findUniqueOrThrow({ where: { id: target.passId }, select: { days: true } });
      const periods = await tx.passGrant.findMany({
        where: { readerId, OR: [{ endsAt: null }, { endsAt: { gt: now } }] },
        select: { startsAt: true, endsAt: true },
      });
      const period = nextPeriod(periods, pass.days, now);
      await tx.passGrant.create({
        data: {
          id: newId(),
          readerId,
          passId: target.passId,
          ...link,
          redeemCodeId: source.redeemCodeId ?? null,
          ...period,
          createdAt: now,
        },
      });
      return;
    }
  }
}

/**
 * Takes back grants of every kind — posts, series, site passes — made to a reader (`{ readerId }`, the leak
 * tracer's action) or by one order (`{ orderId }`, a refund: a post also owned through another order stays).
 */
export async function revokeGrants(tx: Tx, where: { readerId: string } | { orderId: string }) {
  const posts = await tx.entitlement.deleteMany({ where });
  const series = await tx.seriesGrant.deleteMany({ where });
  const passes = await tx.passGrant.deleteMany({ where });
  return { posts: posts.count, series: series.count, passes: passes.count };
}
