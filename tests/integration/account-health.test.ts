/**
 * Receiving-account health (lib/accounts/health*.ts): 可疑 from the expiry streak while other
 * accounts sell, 已暂停 by the owner; what a 可疑 or 已暂停 account still gets, and getting back.
 */
import { describe, expect, it } from "vitest";
import { PATCH as patchAccount } from "@/app/api/admin/accounts/[id]/route";
import { GET as listAccounts } from "@/app/api/admin/accounts/route";
import { db } from "@/lib/db/client";
import { watchAccounts } from "@/lib/accounts/health-watch";
import { accountStates } from "@/lib/accounts/store";
import { makeArticle, makeQr } from "../support/db";
import { wechatReceipt } from "../support/notify";
import { order, phoneOnline } from "../support/matching";
import { pastOrder, secondAccount } from "../support/accounts";
import { call } from "../support/http";
import { adminRequest, enableAdmin } from "../support/admin";

const alertFor = (events: string[]) =>
  db().alert.create({ data: { id: `al_${events[0]}`, kind: "webhook", name: "h", config: "{}", events: JSON.stringify(events) } });
const queued = async (type: string) =>
  (await db().job.findMany({ where: { kind: "alert.fanout", ref: type } })).map((j) => JSON.parse(j.payload).data);

/** A history: the second account's last `unpaid` orders ran out while the default account sold every other one. */
async function streak(secondId: string, articleId: string, unpaid: number) {
  await pastOrder(secondId, articleId, { paid: true, minutesAgo: 200 });
  for (let i = 0; i < unpaid; i++) {
    await pastOrder(secondId, articleId, { minutesAgo: 100 - i * 3 });
    await pastOrder("acct_wechat", articleId, { minutesAgo: 99 - i * 3, paid: i % 2 === 0 });
  }
}

describe("an account whose orders keep running out unpaid while others sell", () => {
  it("turns 可疑 with the evidence, alerts once, gets no new orders while another account serves, and is 正常 again after a payment", async () => {
    const article = await makeArticle({ priceCents: 100 });
    await makeQr("wechat");
    await phoneOnline();
    const { account, phone } = await secondAccount("wechat");
    await alertFor(["account.suspect"]);
    await streak(account.id, article.id, 8);
    await watchAccounts();
    await watchAccounts(); // a second round (or a second process) changes nothing more
    const row = await db().account.findUniqueOrThrow({ where: { id: account.id } });
    expect(row.health).toBe("suspect");
    const alerts = await queued("account.suspect");
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ accountId: account.id, evidence: { kind: "expiry_streak", streak: 8, phonesOnline: 1 } });
    expect(alerts[0].summary).toContain("最近 8 个订单都没有付款");

    // Both accounts could serve ¥1.00; the 可疑 one is passed over.
    const a = await order(article.slug, { ip: "203.0.113.1" });
    const b = await order(article.slug, { ip: "203.0.113.2" });
    const rows = await db().order.findMany({ where: { id: { in: [a.json.id, b.json.id] } } });
    expect(rows.map((r) => r.accountId)).toEqual(["acct_wechat", "acct_wechat"]);

    // Money arrives on it (a late payer): the wallet takes money, so it is 正常 again.
    await phone.pay(wechatReceipt(77));
    await watchAccounts();
    expect((await db().account.findUniqueOrThrow({ where: { id: account.id } })).health).toBe("ok");
  });

  it("never judges a quiet blog: thirty unpaid orders and nobody selling leave the account 正常", async () => {
    const article = await makeArticle();
    await makeQr("wechat");
    await phoneOnline();
    const { account } = await secondAccount("wechat");
    for (let i = 0; i < 30; i++) await pastOrder(i % 2 ? account.id : "acct_wechat", article.id, { minutesAgo: 60 - i });
    await watchAccounts();
    expect(await db().account.count({ where: { health: { not: "ok" } } })).toBe(0);
  });

  it("offers the other channel when every account of this one is 可疑, and serves from the 可疑 one only as the last resort", async () => {
    const article = await makeArticle({ priceCents: 100 });
    await makeQr("wechat");
    await phoneOnline();
    await accountStates();
    await db().account.update({ where: { id: "acct_wechat" }, data: { health: "suspect", healthSince: new Date() } });
    await makeQr("alipay");
    const offered = await order(article.slug, { ip: "203.0.113.3" });
    expect(offered.status).toBe(503);
    expect(offered.json.error).toMatchObject({ code: "channel_unavailable", details: { offerChannel: "alipay" } });
    expect(offered.json.error.message).toContain("改用支付宝");
    // No Alipay either: the 可疑 account still serves rather than closing the shop on a suspicion.
    await db().qrCode.deleteMany({ where: { channel: "alipay" } });
    const lastResort = await order(article.slug, { ip: "203.0.113.4" });
    expect(lastResort.status).toBe(201);
  });
});

describe("the owner pauses and resumes an account", () => {
  it("pauses it (no orders even as the last resort) and resumes it with the evidence cleared", async () => {
    enableAdmin();
    const article = await makeArticle({ priceCents: 100 });
    await makeQr("wechat");
    await phoneOnline();
    const req = async (body: unknown) => adminRequest("token", "PATCH", "/api/admin/accounts/acct_wechat", { body });
    await call(listAccounts, await adminRequest("token", "GET", "/api/admin/accounts"));
    expect((await call(patchAccount, await req({ pause: true }), { id: "acct_wechat" })).status).toBe(200);
    const refused = await order(article.slug, { ip: "203.0.113.5" });
    expect(refused.status).toBe(503);
    expect(refused.json.error.code).toBe("channel_unavailable");
    const list = await call(listAccounts, await adminRequest("token", "GET", "/api/admin/accounts"));
    expect(list.json.items.find((a: { id: string }) => a.id === "acct_wechat")).toMatchObject({
      health: "paused",
      evidenceText: "站长手动暂停。",
    });
    expect((await call(patchAccount, await req({ resume: true }), { id: "acct_wechat" })).status).toBe(200);
    const row = await db().account.findUniqueOrThrow({ where: { id: "acct_wechat" } });
    expect(row).toMatchObject({ health: "ok", healthEvidence: null });
    expect(row.resumedAt).not.toBeNull();
    expect((await order(article.slug, { ip: "203.0.113.6" })).status).toBe(201);
  });
});
