import { describe, expect, it } from "vitest";
import { GET as getDashboard } from "@/app/api/admin/dashboard/route";
import { dashboard } from "@/lib/admin/dashboard";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { call, makeRequest } from "../support/http";
import { adminRequest, enableAdmin } from "../support/admin";
import { makeArticle } from "../support/db";
import { signedNotify, TEST_SECRET } from "../support/notify";
import { POST as notify } from "@/app/(phone)/api/notify/route";

// 10:00 on 27 Nov in Beijing; that China day began at 2026-11-26T16:00Z.
const NOW = new Date("2026-11-27T02:00:00Z");

async function sale(articleId: string, cents: number, at: string, paymentStatus: "matched" | "assigned" = "matched") {
  const orderId = newId();
  const paidAt = new Date(at);
  await db().order.create({
    data: {
      id: orderId,
      articleId,
      readerId: newId(),
      channel: "wechat",
      listPriceCents: cents,
      amountCents: cents,
      status: "paid",
      slotHeldUntil: paidAt,
      expiresAt: paidAt,
      paidAt,
    },
  });
  await db().payment.create({
    data: {
      id: newId(),
      channel: "wechat",
      amountCents: cents,
      dedupeKey: newId(),
      status: paymentStatus,
      orderId,
      receivedAt: paidAt,
      resolvedAt: paidAt,
    },
  });
}

describe("the owner's dashboard", () => {
  it("sums revenue by China-time day, counting an assigned payment once", async () => {
    const a = await makeArticle({ slug: "big" });
    const b = await makeArticle({ slug: "small" });
    await sale(a.id, 100, "2026-11-26T16:01:00Z"); // 00:01 today in Beijing
    await sale(a.id, 300, "2026-11-26T15:59:00Z"); // 23:59 yesterday in Beijing
    await sale(b.id, 50, "2026-11-22T12:00:00Z", "assigned"); // 5 days ago
    await sale(b.id, 7, "2026-10-01T12:00:00Z"); // outside 30 days
    const d = await dashboard(NOW);
    expect(d.revenue).toEqual({ todayCents: 100, last7Cents: 450, last30Cents: 450 });
    expect(d.daily).toHaveLength(30);
    expect(d.daily.at(-1)).toEqual({ day: "2026-11-27", cents: 100, orders: 1 });
    expect(d.daily.at(-2)).toEqual({ day: "2026-11-26", cents: 300, orders: 1 });
    expect(d.topArticles.map((t) => [t.slug, t.cents])).toEqual([
      ["big", 400],
      ["small", 50],
    ]);
  });

  it("counts the funnel from events and the unmatched payments waiting", async () => {
    const a = await makeArticle();
    const at = new Date("2026-11-27T01:00:00Z");
    for (const [type, n] of [
      ["view", 5],
      ["click", 3],
      ["order", 2],
      ["paid", 1],
    ] as const) {
      for (let i = 0; i < n; i++) await db().event.create({ data: { type, articleId: a.id, createdAt: at } });
    }
    await db().payment.create({ data: { id: newId(), channel: "alipay", amountCents: 88, dedupeKey: "u1", status: "unmatched" } });
    const d = await dashboard(NOW);
    expect(d.funnel).toEqual({ views: 5, clicks: 3, orders: 2, paid: 1 });
    expect(d.unmatchedPayments).toBe(1);
  });

  it("raises the notifier alarm when the configured phone has gone quiet", async () => {
    process.env.NOTIFY_SECRET = TEST_SECRET;
    const quiet = await dashboard();
    expect(quiet.notifier).toMatchObject({ online: false, demo: false });
    await call(notify, signedNotify({ type: "heartbeat" }));
    expect((await dashboard()).notifier.online).toBe(true);
  });

  it("serves the numbers over GET /api/admin/dashboard via session and bearer, 401 otherwise", async () => {
    enableAdmin();
    for (const via of ["session", "token"] as const) {
      const res = await call(getDashboard, await adminRequest(via, "GET", "/api/admin/dashboard"));
      expect(res.status).toBe(200);
      expect(res.json.revenue).toEqual({ todayCents: 0, last7Cents: 0, last30Cents: 0 });
      expect(res.json.notifier.demo).toBe(true);
    }
    expect((await call(getDashboard, makeRequest("GET", "/api/admin/dashboard"))).status).toBe(401);
  });
});
