import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GET as createOrder } from "@/app/(vmq)/createOrder/route";
import { GET as getOrder } from "@/app/(vmq)/getOrder/route";
import { GET as checkOrder } from "@/app/(vmq)/checkOrder/route";
import { GET as submitGet } from "@/app/(epay)/submit.php/route";
import { GET as checkoutGet, POST as checkoutPost } from "@/app/api/pay/[tradeNo]/route";
import { PATCH as patchMerchant } from "@/app/api/admin/merchants/[pid]/route";
import { makeArticle } from "../support/db";
import { call, makeRequest, readerRequest } from "../support/http";
import { epaySign, md5, startMerchantSite, type MerchantSite } from "../support/merchant-site";
import { gatewayOpen, gatewayRequest, newMerchant } from "../support/gateway";
import { order } from "../support/matching";
import { ADMIN_TOKEN } from "../support/admin";

let merchant: { pid: number; key: string };
let site: MerchantSite;
const SHOP_IP = "198.51.100.20";

beforeEach(async () => {
  await gatewayOpen();
  merchant = await newMerchant({ name: "V免签 站" });
  site = await startMerchantSite("vmq", () => merchant.key);
});
afterEach(async () => site.close());

/** V免签 createOrder from the shop's server (its own address, no buyer address in the protocol). */
function vmqCreate(payId: string, price = "10") {
  const p = { payId, param: "", type: "2", price, isHtml: "0", notifyUrl: `${site.url}/notify` };
  const q = new URLSearchParams({ ...p, sign: md5(p.payId + p.param + p.type + p.price + merchant.key) });
  return call(createOrder, gatewayRequest("GET", `/createOrder?${q}`, undefined, SHOP_IP));
}
const fromIp = (method: string, path: string, ip: string) => makeRequest(method, path, { headers: { "x-paywall-peer": ip } });

describe("V免签 shops are not capped by their server's address", () => {
  it("lets a shop's server open more unpaid orders than ORDER_MAX_HELD_PER_IP, and a reader on the shop's IP still buys", async () => {
    for (let i = 0; i < 21; i++) {
      const res = await vmqCreate(`SHOP${i}`);
      expect(res.json, `order ${i + 1}`).toMatchObject({ code: 1 });
    }
    const a = await makeArticle({ priceCents: 300 });
    expect((await order(a.slug, { ip: SHOP_IP })).status).toBe(201);
  });

  it("counts them against the merchant's own cap set in 网关商户, with a message that says where to change it", async () => {
    const res = await call(
      patchMerchant,
      makeRequest("PATCH", `/api/admin/merchants/${merchant.pid}`, {
        body: { maxHeldOrders: 3 },
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      }),
      { pid: String(merchant.pid) },
    );
    expect(res.json.maxHeldOrders).toBe(3);
    for (let i = 0; i < 3; i++) expect((await vmqCreate(`CAP${i}`)).json.code).toBe(1);
    const refused = await vmqCreate("CAP3");
    expect(refused.json).toMatchObject({ code: -1, data: null });
    expect(refused.json.msg).toContain("网关商户");
    // The shop's address is not what is full: a reader there is unaffected.
    process.env.ORDER_MAX_HELD_PER_IP = "1";
    const a = await makeArticle({ priceCents: 300 });
    expect((await order(a.slug, { ip: SHOP_IP })).status).toBe(201);
  });

  it("keeps counting the browser's address on the hosted checkout", async () => {
    process.env.ORDER_MAX_HELD_PER_IP = "1";
    const a = await makeArticle({ priceCents: 300 });
    expect((await order(a.slug, { ip: "203.0.113.50" })).status).toBe(201);
    // 易支付 submit.php without type (V2Board): the buyer picks a channel on the checkout.
    const unsigned = {
      pid: String(merchant.pid),
      out_trade_no: "V2B1",
      notify_url: `${site.url}/n`,
      return_url: `${site.url}/r`,
      name: "x",
      money: "5",
    };
    const signed = { ...unsigned, sign: epaySign(unsigned, merchant.key), sign_type: "MD5" };
    const to = await call(submitGet, gatewayRequest("GET", `/submit.php?${new URLSearchParams(signed)}`, undefined, "203.0.113.50"));
    const tradeNo = to.headers.get("location")!.split("/").pop()!;
    const pick = (ip: string) =>
      call(checkoutPost, readerRequest("POST", `/api/pay/${tradeNo}`, { body: { channel: "wechat" }, headers: { "x-paywall-peer": ip } }), {
        tradeNo,
      });
    expect((await pick("203.0.113.50")).status).toBe(429);
    expect((await pick("203.0.113.51")).status).toBe(200);
  });
});

describe("unsigned gateway reads are rate limited per address", () => {
  it("answers getOrder, checkOrder and /api/pay/{tradeNo} until an address has walked too many unknown trade numbers", async () => {
    const { orderId } = (await vmqCreate("READ1")).json.data;
    const walker = "203.0.113.77";
    for (let i = 0; i < 30; i++) {
      const guess = `2026112700000${String(i).padStart(6, "0")}`;
      expect((await call(getOrder, fromIp("GET", `/getOrder?orderId=${guess}`, walker))).json.msg).toBe("云端订单编号不存在");
    }
    // Now even a real trade number is refused to that address, on every unsigned read…
    expect((await call(getOrder, fromIp("GET", `/getOrder?orderId=${orderId}`, walker))).json).toMatchObject({
      code: -1,
      msg: "查询太频繁，请稍后再试",
    });
    expect((await call(checkOrder, fromIp("GET", `/checkOrder?orderId=${orderId}`, walker))).json.msg).toBe("查询太频繁，请稍后再试");
    const page = await call(checkoutGet, fromIp("GET", `/api/pay/${orderId}`, walker), { tradeNo: orderId });
    expect(page.status).toBe(429);
    expect(page.headers.get("retry-after")).toBeTruthy();
    // …while the buyer's own browser keeps reading its order.
    expect((await call(getOrder, fromIp("GET", `/getOrder?orderId=${orderId}`, "203.0.113.78"))).json.code).toBe(1);
  });

  it("limits how often one address may read at all (GATEWAY_READS_PER_IP a minute)", async () => {
    process.env.GATEWAY_READS_PER_IP = "5";
    const { orderId } = (await vmqCreate("READ2")).json.data;
    for (let i = 0; i < 5; i++)
      expect((await call(checkOrder, fromIp("GET", `/checkOrder?orderId=${orderId}`, "203.0.113.90"))).json.msg).toBe("订单未支付");
    expect((await call(checkOrder, fromIp("GET", `/checkOrder?orderId=${orderId}`, "203.0.113.90"))).json.msg).toBe(
      "查询太频繁，请稍后再试",
    );
    expect((await call(checkOrder, fromIp("GET", `/checkOrder?orderId=${orderId}`, "203.0.113.91"))).json.msg).toBe("订单未支付");
  });
});
