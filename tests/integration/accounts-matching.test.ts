import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { makeArticle, makeQr } from "../support/db";
import { wechatReceipt } from "../support/notify";
import { expectNoSharedSlots, order, pay, phoneOnline } from "../support/matching";
import { makePhone, secondAccount } from "../support/accounts";
import { accountStates } from "@/lib/accounts/store";

const many = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe("receiving accounts: allocation and matching", () => {
  it("hands out the list price on a second account before stepping down on the first, with that account's code", async () => {
    const article = await makeArticle({ priceCents: 100 });
    const first = await makeQr("wechat");
    await phoneOnline();
    const { account, code } = await secondAccount("wechat");
    const a = await order(article.slug, { ip: "203.0.113.1" });
    const b = await order(article.slug, { ip: "203.0.113.2" });
    const c = await order(article.slug, { ip: "203.0.113.3" });
    expect([a.status, b.status, c.status]).toEqual([201, 201, 201]);
    expect([a.json.amountCents, b.json.amountCents, c.json.amountCents]).toEqual([100, 100, 99]);
    expect(a.json.qr.payload).toBe(first.payload);
    expect(b.json.qr.payload).toBe(code.payload);
    const rows = await db().order.findMany({ orderBy: { createdAt: "asc" }, select: { accountId: true, openSlot: true } });
    expect(rows[1]).toEqual({ accountId: account.id, openSlot: `wechat:${account.id}:100` });
    expect(rows[0].accountId).toBe("acct_wechat");
    await expectNoSharedSlots();
  });

  it("does not hand out an account whose phones are all offline, and says so once only it has codes left", async () => {
    process.env.AMOUNT_STEPS = "1";
    const article = await makeArticle({ priceCents: 100 });
    await makeQr("wechat");
    await phoneOnline();
    const { account, phone } = await secondAccount("wechat");
    await db().device.update({ where: { id: phone.id }, data: { lastHeartbeatAt: new Date(Date.now() - 3600_000) } });
    const got = [];
    for (const ip of many(3, "198.51.100.")) got.push(await order(article.slug, { ip }));
    expect(got.map((r) => r.status)).toEqual([201, 201, 503]);
    expect(got[2].json.error.code).toBe("busy");
    expect(await db().order.count({ where: { accountId: account.id } })).toBe(0);

    // The default account disabled-by-offline too: only the second account's codes are usable, and its phone is offline.
    const lonely = await makeArticle({ priceCents: 300 });
    await db().qrCode.updateMany({ where: { accountId: null }, data: { enabled: false } });
    const off = await order(lonely.slug, { ip: "198.51.100.9" });
    expect(off.status).toBe(503);
    expect(off.json.error.code).toBe("notifier_offline");
  });

  it("settles the order of the account whose phone reported the payment, when two accounts hold the same amount", async () => {
    const article = await makeArticle({ priceCents: 100 });
    await makeQr("wechat");
    await phoneOnline();
    const { account, phone } = await secondAccount("wechat");
    const onDefault = await order(article.slug, { ip: "203.0.113.10" });
    const onSecond = await order(article.slug, { ip: "203.0.113.11" });
    expect(onDefault.json.amountCents).toBe(100);
    expect(onSecond.json.amountCents).toBe(100);

    // The second account's phone: its ¥1.00 pays the second account's order, never the default one's.
    const second = await phone.pay(wechatReceipt(100));
    expect(second.json).toMatchObject({ result: "matched", orderId: onSecond.json.id });
    expect((await db().order.findUniqueOrThrow({ where: { id: onDefault.json.id } })).status).toBe("pending");
    const p = await db().payment.findFirstOrThrow({ where: { orderId: onSecond.json.id } });
    expect(p.accountId).toBe(account.id);

    // The unassigned phone (env secret) speaks for the default account.
    const first = await pay(wechatReceipt(100));
    expect(first.json).toMatchObject({ result: "matched", orderId: onDefault.json.id });

    // A second ¥1.00 on the second account within the echo window is not anyone else's order.
    const echo = await phone.pay(wechatReceipt(100));
    expect(echo.json).toMatchObject({ result: "unmatched", suspectedDuplicate: true });
  });

  it("keeps an assistant's WeChat phone out of the owner's Alipay: its Alipay receipt goes to the inbox, not to the default account's order", async () => {
    const article = await makeArticle({ priceCents: 100 });
    await makeQr("alipay");
    await phoneOnline();
    const { phone } = await secondAccount("wechat");
    const o = await order(article.slug, { channel: "alipay", ip: "203.0.113.20" });
    expect(o.status).toBe(201);
    // The assistant's own Alipay says ¥1.00 arrived: not the owner's money, so it pays nobody's order.
    const res = await phone.pay({ title: "支付宝", content: "你已成功收款1.00元", package: "com.eg.android.AlipayGphone" });
    expect(res.json).toMatchObject({ result: "unmatched" });
    expect((await db().order.findUniqueOrThrow({ where: { id: o.json.id } })).status).toBe("pending");
    const p = await db().payment.findFirstOrThrow({ where: { channel: "alipay" } });
    expect(p).toMatchObject({ status: "unmatched", accountId: null, orderId: null });
  });

  it("never gives two concurrent readers the same (account, amount), and fills both accounts' bands before answering busy", async () => {
    process.env.ORDER_RATE_PER_IP = "1000";
    const article = await makeArticle({ priceCents: 100 });
    await makeQr("wechat");
    await phoneOnline();
    await secondAccount("wechat");
    const results = await Promise.all(many(30, "192.0.2.").map((ip) => order(article.slug, { ip })));
    const ok = results.filter((r) => r.status === 201);
    // ¥1.00's band is ¥0.90–¥1.00: 11 amounts on each of the two accounts.
    expect(ok).toHaveLength(22);
    expect(results.filter((r) => r.status === 503 && r.json.error.code === "busy")).toHaveLength(8);
    await expectNoSharedSlots();
    const perAccount = await db().order.groupBy({ by: ["accountId"], _count: true });
    expect(perAccount.map((g) => g._count).sort()).toEqual([11, 11]);
  });

  it("keeps using a disabled account's held orders for matching but hands out no new amounts on it", async () => {
    const article = await makeArticle({ priceCents: 100 });
    await makeQr("wechat");
    await phoneOnline();
    const { account, phone } = await secondAccount("wechat");
    await order(article.slug, { ip: "203.0.113.30" });
    const held = await order(article.slug, { ip: "203.0.113.31" });
    expect((await db().order.findUniqueOrThrow({ where: { id: held.json.id } })).accountId).toBe(account.id);
    await db().account.update({ where: { id: account.id }, data: { enabled: false } });
    const next = await order(article.slug, { ip: "203.0.113.32" });
    expect(next.json.amountCents).toBe(99);
    expect((await db().order.findUniqueOrThrow({ where: { id: next.json.id } })).accountId).toBe("acct_wechat");
    expect((await phone.pay(wechatReceipt(100))).json).toMatchObject({ result: "matched", orderId: held.json.id });
  });

  it("an unassigned extra phone keeps the default account online on its own", async () => {
    const article = await makeArticle({ priceCents: 100 });
    await makeQr("wechat");
    process.env.DISABLE_DEMO = "1";
    await makePhone(null);
    const res = await order(article.slug, { ip: "203.0.113.40" });
    expect(res.status).toBe(201);
  });
});

describe("receiving accounts stay apart across channels", () => {
  it("an assigned phone's heartbeat keeps only its own account online, not the other channel's default", async () => {
    process.env.DISABLE_DEMO = "1";
    const article = await makeArticle({ priceCents: 100 });
    await makeQr("alipay");
    const { account } = await secondAccount("wechat");
    const wechat = await order(article.slug, { ip: "203.0.113.50" });
    expect(wechat.status).toBe(201);
    expect((await db().order.findUniqueOrThrow({ where: { id: wechat.json.id } })).accountId).toBe(account.id);
    // Only the WeChat account's phone is online: nobody would report an Alipay payment.
    const alipay = await order(article.slug, { channel: "alipay", ip: "203.0.113.51" });
    expect(alipay.status).toBe(503);
    expect(alipay.json.error.code).toBe("notifier_offline");
  });
});

describe("a phone the owner assigns to accounts of both channels", () => {
  it("settles the Alipay account's orders too, and its heartbeat keeps both accounts online", async () => {
    process.env.DISABLE_DEMO = "1";
    const article = await makeArticle({ priceCents: 100 });
    await makeQr("alipay");
    const { account } = await secondAccount("wechat");
    await accountStates(); // the default accounts exist before a phone is assigned to one
    const both = await makePhone([{ id: account.id }, { id: "acct_alipay" }]);
    const o = await order(article.slug, { channel: "alipay", ip: "203.0.113.60" });
    expect(o.status).toBe(201);
    const res = await both.pay({ title: "支付宝", content: "你已成功收款1.00元", package: "com.eg.android.AlipayGphone" });
    expect(res.json).toMatchObject({ result: "matched", orderId: o.json.id });
    expect((await db().payment.findFirstOrThrow({ where: { orderId: o.json.id } })).accountId).toBe("acct_alipay");
  });
});
