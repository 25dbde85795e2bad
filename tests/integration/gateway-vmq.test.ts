import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GET as createOrder } from "@/app/(vmq)/createOrder/route";
import { GET as getOrder } from "@/app/(vmq)/getOrder/route";
import { GET as checkOrder } from "@/app/(vmq)/checkOrder/route";
import { GET as closeOrder } from "@/app/(vmq)/closeOrder/route";
import { GET as getState } from "@/app/(vmq)/getState/route";
import { db } from "@/lib/db/client";
import { call } from "../support/http";
import { md5, startMerchantSite, type MerchantSite } from "../support/merchant-site";
import { gatewayOpen, gatewayRequest, newMerchant, phonePays, runWorker } from "../support/gateway";

let merchant: { pid: number; key: string };
let site: MerchantSite;

beforeEach(async () => {
  await gatewayOpen();
  merchant = await newMerchant({ name: "V免签 站" });
  site = await startMerchantSite("vmq", () => merchant.key);
});
afterEach(async () => site.close());

/** What dujiaoka's / SSPanel's V免签 client sends: sign = md5(payId + param + type + price + key). */
function createQuery(fields: Record<string, string> = {}, key = merchant.key) {
  const p = {
    payId: "2024010112000012345",
    param: "A1B2C3D4E5F6G7H8",
    type: "2",
    price: "10",
    isHtml: "0",
    notifyUrl: `${site.url}/pay/vpay/notify_url`,
    returnUrl: `${site.url}/pay/vpay/return_url?order_id=A1B2C3D4E5F6G7H8`,
    ...fields,
  };
  return new URLSearchParams({ ...p, sign: md5(p.payId + p.param + p.type + p.price + key) });
}
const create = (fields: Record<string, string> = {}, key?: string) =>
  call(createOrder, gatewayRequest("GET", `/createOrder?${createQuery(fields, key)}`));

describe("V免签 merchant API", () => {
  it("creates an order with a unique reallyPrice, settles it from the phone and notifies with a valid signature", async () => {
    const res = await create();
    expect(res.json).toMatchObject({
      code: 1,
      msg: "成功",
      data: { payId: "2024010112000012345", payType: 2, price: 10, state: 0, isAuto: 1, payUrl: expect.any(String) },
    });
    const { orderId, reallyPrice, date } = res.json.data;
    expect(orderId).toMatch(/^\d{19}$/);
    expect(reallyPrice).toBeLessThanOrEqual(10);
    expect(String(date)).toHaveLength(10);

    expect((await call(checkOrder, gatewayRequest("GET", `/checkOrder?orderId=${orderId}`))).json).toEqual({
      code: -1,
      msg: "订单未支付",
      data: null,
    });
    expect(await phonePays("alipay", Math.round(reallyPrice * 100))).toMatchObject({ result: "matched" });
    await runWorker();

    expect(site.notifies).toHaveLength(1);
    expect(site.notifies[0].valid).toBe(true);
    expect(site.notifies[0].query).toMatchObject({
      payId: "2024010112000012345",
      param: "A1B2C3D4E5F6G7H8",
      type: "2",
      price: "10",
      reallyPrice: reallyPrice.toFixed(2),
    });
    expect((await call(getOrder, gatewayRequest("GET", `/getOrder?orderId=${orderId}`))).json.data).toMatchObject({ state: 1 });
    const check = await call(checkOrder, gatewayRequest("GET", `/checkOrder?orderId=${orderId}`));
    const back = new URL(check.json.data);
    const q = Object.fromEntries(back.searchParams);
    expect(q.sign).toBe(md5(q.payId + q.param + q.type + q.price + q.reallyPrice + merchant.key));
  });

  it("refuses a bad signature and a wrong key in V免签's shape", async () => {
    expect((await create({}, "0123456789abcdef0123456789abcdef")).json).toEqual({ code: -1, msg: "签名错误", data: null });
    const tampered = createQuery();
    tampered.set("price", "0.01");
    expect((await call(createOrder, gatewayRequest("GET", `/createOrder?${tampered}`))).json.code).toBe(-1);
    expect((await create({ type: "3" })).json.msg).toBe("支付方式错误=>1|微信 2|支付宝");
    expect(await db().merchantOrder.count()).toBe(0);
  });

  it("answers a repeated payId with the same order", async () => {
    const a = await create();
    const b = await create();
    expect(b.json.data.orderId).toBe(a.json.data.orderId);
    expect(b.json.data.reallyPrice).toBe(a.json.data.reallyPrice);
  });

  it("sends the browser to the hosted checkout when isHtml=1", async () => {
    const res = await create({ isHtml: "1" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/\/pay\/\d{19}$/);
  });

  it("closes an order only with the key of the merchant that opened it", async () => {
    const { orderId } = (await create()).json.data;
    const other = await newMerchant({ name: "别人" });
    const byOther = await call(closeOrder, gatewayRequest("GET", `/closeOrder?orderId=${orderId}&sign=${md5(orderId + other.key)}`));
    expect(byOther.json).toEqual({ code: -1, msg: "签名错误", data: null });
    const mine = await call(closeOrder, gatewayRequest("GET", `/closeOrder?orderId=${orderId}&sign=${md5(orderId + merchant.key)}`));
    expect(mine.json).toEqual({ code: 1, msg: "成功", data: null });
    expect((await call(getOrder, gatewayRequest("GET", `/getOrder?orderId=${orderId}`))).json.data.state).toBe(-1);
    const again = await call(closeOrder, gatewayRequest("GET", `/closeOrder?orderId=${orderId}&sign=${md5(orderId + merchant.key)}`));
    expect(again.json.msg).toBe("订单状态不允许关闭");
  });

  it("reports the phone's state with md5(t + key)", async () => {
    const t = String(Math.floor(Date.now() / 1000));
    const res = await call(getState, gatewayRequest("GET", `/getState?t=${t}&sign=${md5(t + merchant.key)}`));
    expect(res.json).toMatchObject({ code: 1, data: { state: "1", lastheart: expect.stringMatching(/^\d{10}$/) } });
    expect((await call(getState, gatewayRequest("GET", `/getState?t=${t}&sign=${md5(t + "x")}`))).json.code).toBe(-1);
  });
});
