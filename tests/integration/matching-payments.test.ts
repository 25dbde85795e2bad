import type { PaymentView } from "@/lib/payments/admin";
import { describe, expect, it } from "vitest";
import { GET as getOrder, DELETE as deleteOrder } from "@/app/api/orders/[id]/route";
import { GET as listPayments } from "@/app/api/admin/payments/route";
import { db } from "@/lib/db/client";
import { makeArticle, makeQr } from "../support/db";
import { call, cookieFrom, makeRequest, readerRequest } from "../support/http";
import { TEST_SECRET, wechatReceipt } from "../support/notify";
import { admin, age, order, pay, phoneOnline } from "../support/matching";

const status = async (id: string) => (await call(getOrder, makeRequest("GET", `/api/orders/${id}`), { id })).json.status;

describe("payments on time, late, after grace, duplicated and forged", () => {
  it("settles every legitimate payment to the right order exactly once and keeps the rest for the owner", async () => {
    process.env.ORDER_RATE_PER_IP = "1000";
    // ¥10.00: 100 amounts in the band, room for all 12 readers (¥1.00 has only 11).
    const article = await makeArticle({ priceCents: 1000 });
    await makeQr("wechat");
    await phoneOnline();
    const orders = await Promise.all(Array.from({ length: 12 }, () => order(article.slug)));
    expect(orders.map((o) => o.status)).toEqual(Array(12).fill(201));
    const byAmount = new Map(orders.map((o) => [o.json.amountCents as number, o.json.id as string]));
    const [onTime1, onTime2, late1, late2, cancelled, afterGrace, forged, stale, dupe, echo, abandoned, spare] = [...byAmount.keys()];

    expect((await pay(wechatReceipt(onTime1))).json).toEqual({ result: "matched", orderId: byAmount.get(onTime1) });
    expect((await pay(wechatReceipt(onTime2))).json).toEqual({ result: "matched", orderId: byAmount.get(onTime2) });

    await age(byAmount.get(late1)!, 130); // expired 10 s ago
    await age(byAmount.get(late2)!, 120 + 590); // 10 s of grace left
    expect(await status(byAmount.get(late1)!)).toBe("expired");
    expect((await pay(wechatReceipt(late1))).json).toEqual({ result: "late_matched", orderId: byAmount.get(late1) });
    expect((await pay(wechatReceipt(late2))).json).toEqual({ result: "late_matched", orderId: byAmount.get(late2) });

    const c = orders.find((o) => o.json.id === byAmount.get(cancelled))!;
    const del = await call(deleteOrder, readerRequest("DELETE", `/api/orders/${c.json.id}`, { cookie: cookieFrom(c) }), { id: c.json.id });
    expect(del.json.status).toBe("cancelled");
    expect((await pay(wechatReceipt(cancelled))).json).toEqual({ result: "late_matched", orderId: c.json.id });

    await age(byAmount.get(afterGrace)!, 120 + 601);
    expect((await pay(wechatReceipt(afterGrace))).json).toEqual({ result: "unmatched" });
    expect(await status(byAmount.get(afterGrace)!)).toBe("expired");

    const wrongKey = "whsec_" + Buffer.from("attacker guessed this").toString("base64");
    expect((await pay(wechatReceipt(forged), { secret: wrongKey })).status).toBe(401);
    const tenMinutesAgo = Math.floor(Date.now() / 1000) - 600;
    const staleRes = await pay(wechatReceipt(stale), { timestamp: tenMinutesAgo, secret: TEST_SECRET });
    expect(staleRes.status).toBe(401);
    expect(staleRes.json.error.message).toContain("时间");

    expect((await pay(wechatReceipt(dupe), { id: "msg_dupe" })).json.result).toBe("matched");
    expect((await pay(wechatReceipt(dupe), { id: "msg_dupe" })).json).toEqual({ result: "duplicate" });

    expect((await pay(wechatReceipt(echo))).json.result).toBe("matched");
    const echoed = await pay({ title: "微信支付", content: `[2条]微信支付: ${wechatReceipt(echo).content}`, package: "com.tencent.mm" });
    expect(echoed.json).toEqual({ result: "unmatched", suspectedDuplicate: true });

    const paid = [onTime1, onTime2, late1, late2, cancelled, dupe, echo];
    for (const a of paid) expect(await status(byAmount.get(a)!)).toBe("paid");
    for (const a of [afterGrace, forged, stale, abandoned, spare]) expect(await status(byAmount.get(a)!)).not.toBe("paid");
    // None settled twice: one payment per paid order, one entitlement per paying reader.
    const settled = await db().payment.findMany({ where: { orderId: { not: null } }, select: { orderId: true } });
    expect(settled.map((p) => p.orderId).sort()).toEqual(paid.map((a) => byAmount.get(a)!).sort());
    expect(await db().entitlement.count()).toBe(paid.length);
    const lateFlags = await db().order.findMany({ where: { late: true }, select: { amountCents: true } });
    expect(lateFlags.map((o) => o.amountCents).sort()).toEqual([late1, late2, cancelled].sort());

    const inbox = await call(listPayments, admin("GET", "/api/admin/payments?status=unmatched"));
    expect(inbox.status).toBe(200);
    const listed = inbox.json.items.map((p: PaymentView) => [p.amountCents, p.suspectedDuplicateOf !== null]);
    expect(listed.sort()).toEqual(
      [
        [afterGrace, false],
        [echo, true],
      ].sort(),
    );
    const grace = inbox.json.items.find((p: PaymentView) => p.amountCents === afterGrace);
    expect(grace).toMatchObject({ channel: "wechat", status: "unmatched", source: { protocol: "native", deviceId: "default" } });
    expect(grace.source.text).toContain("微信支付收款");
    expect(Date.parse(grace.receivedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it("does not let the echo of a settled receipt settle a new order that took the amount after the echo window", async () => {
    process.env.ECHO_WINDOW_SECONDS = "30";
    const article = await makeArticle({ priceCents: 80 });
    await makeQr("wechat");
    await phoneOnline();
    const first = await order(article.slug);
    await pay(wechatReceipt(80));
    // Within the window a new reader gets another amount, so the echo cannot reach them.
    const second = await order(article.slug);
    expect(second.json.amountCents).toBe(79);
    expect((await pay({ title: "微信支付", content: "[2条]微信支付: 微信支付收款0.80元(朋友到店)" })).json.suspectedDuplicate).toBe(true);
    expect(await status(second.json.id)).toBe("pending");
    // After the window the amount is free again.
    await age(first.json.id, 31);
    const third = await order(article.slug);
    expect(third.json.amountCents).toBe(80);
  });

  it("treats the same receipt re-sent under a new webhook-id with the same posted time as a duplicate", async () => {
    const article = await makeArticle();
    await makeQr("wechat");
    await phoneOnline();
    await order(article.slug);
    const receipt = { ...wechatReceipt(100), time: "2026-01-01 12:00:01" };
    expect((await pay(receipt, { id: "msg_rom_a" })).json.result).toBe("matched");
    expect((await pay(receipt, { id: "msg_rom_b" })).json).toEqual({ result: "duplicate" });
    // Same text, a different posted second: a distinct notification, kept for the owner.
    expect((await pay({ ...receipt, time: "2026-01-01 12:03:00" }, { id: "msg_rom_c" })).json).toEqual({
      result: "unmatched",
      suspectedDuplicate: true,
    });
    expect(await db().payment.count()).toBe(2);
  });

  it("lets a reader who switched channel still have the first order settled by a late payment", async () => {
    const article = await makeArticle();
    await makeQr("wechat");
    await makeQr("alipay");
    await phoneOnline();
    const w = await order(article.slug);
    const a = await order(article.slug, { channel: "alipay", cookie: cookieFrom(w) });
    expect(a.status).toBe(201);
    expect(await status(w.json.id)).toBe("cancelled");
    expect((await pay(wechatReceipt(100))).json).toEqual({ result: "late_matched", orderId: w.json.id });
  });
});
