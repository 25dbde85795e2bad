import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GET as mapiGet, POST as mapi } from "@/app/(epay)/mapi.php/route";
import { GET as submitGet, POST as submit } from "@/app/(epay)/submit.php/route";
import { GET as api } from "@/app/(epay)/api.php/route";
import { GET as checkout } from "@/app/api/pay/[tradeNo]/route";
import { db } from "@/lib/db/client";
import { call } from "../support/http";
import { epaySign, startMerchantSite, type MerchantSite } from "../support/merchant-site";
import { gatewayOpen, gatewayRequest, newMerchant, phonePays, runWorker } from "../support/gateway";

let merchant: { pid: number; key: string };
let site: MerchantSite;

beforeEach(async () => {
  await gatewayOpen();
  merchant = await newMerchant();
  site = await startMerchantSite("epay", () => merchant.key);
});
afterEach(async () => site.close());

/** What a 彩虹 SDK client posts to mapi.php: its own fields, signed with its own code. */
function mapiForm(fields: Record<string, string>, key = merchant.key) {
  const p: Record<string, string> = {
    pid: String(merchant.pid),
    type: "wxpay",
    out_trade_no: "A1B2C3D4E5F6G7H8",
    notify_url: `${site.url}/pay/yipay/notify_url`,
    return_url: `${site.url}/pay/yipay/return_url?order_id=A1B2C3D4E5F6G7H8`,
    name: "VIP会员",
    money: "10",
    clientip: "203.0.113.7",
    device: "pc",
    ...fields,
  };
  return { ...p, sign: epaySign(p, key), sign_type: "MD5" };
}

const query = (tradeNo: string, key = merchant.key) =>
  call(api, gatewayRequest("GET", `/api.php?act=order&pid=${merchant.pid}&key=${key}&trade_no=${tradeNo}`));

describe("易支付 merchant API", () => {
  it("creates a payment, settles it from the phone, notifies the merchant with a valid signature and reports it paid", async () => {
    const created = await call(mapi, gatewayRequest("POST", "/mapi.php", mapiForm({ param: "uid=42" })));
    expect(created.json).toMatchObject({ code: 1, payurl: expect.stringMatching(/\/pay\/\d{19}$/), qrcode: expect.any(String) });
    const tradeNo = created.json.trade_no as string;
    expect((await query(tradeNo)).json).toMatchObject({ code: 1, trade_no: tradeNo, out_trade_no: "A1B2C3D4E5F6G7H8", status: "0" });

    // The unique amount the buyer pays (at most 10% below ¥10 by default).
    const order = await db().order.findFirstOrThrow({ where: { kind: "merchant" } });
    expect(order.amountCents).toBeLessThanOrEqual(1000);
    expect(await phonePays("wechat", order.amountCents)).toMatchObject({ result: "matched" });
    await runWorker();

    expect(site.notifies).toHaveLength(1);
    const n = site.notifies[0];
    expect(n.valid).toBe(true);
    expect(n.path).toBe("/pay/yipay/notify_url");
    expect(n.query).toMatchObject({
      pid: String(merchant.pid),
      trade_no: tradeNo,
      out_trade_no: "A1B2C3D4E5F6G7H8",
      type: "wxpay",
      name: "VIP会员",
      money: "10",
      trade_status: "TRADE_SUCCESS",
      param: "uid=42",
    });
    expect((await query(tradeNo)).json).toMatchObject({ status: "1", money: "10.00" });
    // The buyer's way back: return_url with the same signed parameters (after its own ?order_id=).
    const view = await call(checkout, gatewayRequest("GET", `/api/pay/${tradeNo}`), { tradeNo });
    const back = new URL(view.json.returnUrl);
    expect(back.searchParams.get("order_id")).toBe("A1B2C3D4E5F6G7H8");
    const params = Object.fromEntries([...back.searchParams].filter(([k]) => k !== "order_id"));
    expect(params.sign).toBe(epaySign(params, merchant.key));
    // A merchant order unlocks nothing on the blog.
    expect(await db().entitlement.count()).toBe(0);
  });

  it("refuses a bad signature, an unknown pid and a changed amount in its own shape", async () => {
    const form = mapiForm({});
    expect((await call(mapi, gatewayRequest("POST", "/mapi.php", { ...form, sign: "0".repeat(32) }))).json).toEqual({
      code: -1,
      msg: "签名校验失败，请返回重试！",
    });
    expect((await call(mapi, gatewayRequest("POST", "/mapi.php", { ...form, money: "10.00" }))).json.code).toBe(-1);
    expect((await call(mapi, gatewayRequest("POST", "/mapi.php", mapiForm({}, "wrong-key")))).json.code).toBe(-1);
    const unknown = await call(mapi, gatewayRequest("POST", "/mapi.php", { ...form, pid: "999999" }));
    expect(unknown.json).toEqual({ code: -3, msg: "商户不存在！" });
    expect(await db().merchantOrder.count()).toBe(0);
  });

  it("refuses money that is not a positive amount with at most two decimals, or outside the merchant's limits", async () => {
    for (const money of ["0", "-1", "1.005", "abc", "1e3"]) {
      const res = await call(mapi, gatewayRequest("POST", "/mapi.php", mapiForm({ money })));
      expect(res.json.code, money).toBe(-1);
    }
    const small = await newMerchant({ maxCents: 500 });
    const p = { ...mapiForm({}), pid: String(small.pid) };
    const over = await call(mapi, gatewayRequest("POST", "/mapi.php", { ...p, sign: epaySign(p, small.key) }));
    expect(over.json).toEqual({ code: -1, msg: "金额超出该商户的限额（¥0.01 – ¥5.00）" });
  });

  it("answers a duplicate out_trade_no with the existing order and refuses one with other parameters", async () => {
    const a = await call(mapi, gatewayRequest("POST", "/mapi.php", mapiForm({})));
    const b = await call(mapi, gatewayRequest("POST", "/mapi.php", mapiForm({})));
    expect(b.json.trade_no).toBe(a.json.trade_no);
    expect(b.json.qrcode).toBe(a.json.qrcode);
    const changed = await call(mapi, gatewayRequest("POST", "/mapi.php", mapiForm({ money: "12" })));
    expect(changed.json.code).toBe(-1);
    expect(changed.json.msg).toContain("请更换订单号");
    expect(await db().merchantOrder.count()).toBe(1);
    expect(await db().order.count()).toBe(1);
  });

  it("opens one order when a client sends the same out_trade_no several times at once", async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, () => call(mapi, gatewayRequest("POST", "/mapi.php", mapiForm({})))));
    expect(answers.map((a) => a.json.code)).toEqual(Array(6).fill(1));
    expect(new Set(answers.map((a) => a.json.trade_no)).size).toBe(1);
    expect(await db().merchantOrder.count()).toBe(1);
    expect(await db().order.count({ where: { kind: "merchant", status: "pending" } })).toBe(1);
  });

  it("gives two merchants' orders at one price different amounts, shared with the blog's orders", async () => {
    const other = await newMerchant({ name: "第二个站" });
    const a = await call(mapi, gatewayRequest("POST", "/mapi.php", mapiForm({})));
    const p = { ...mapiForm({}), pid: String(other.pid) };
    const b = await call(mapi, gatewayRequest("POST", "/mapi.php", { ...p, sign: epaySign(p, other.key) }));
    expect(a.json.money).not.toBe(b.json.money);
    expect(new Set((await db().order.findMany({ select: { openSlot: true } })).map((o) => o.openSlot)).size).toBe(2);
  });

  it("never shows one merchant's order to another merchant's key, nor with a wrong key", async () => {
    const created = await call(mapi, gatewayRequest("POST", "/mapi.php", mapiForm({})));
    const other = await newMerchant({ name: "另一个站" });
    const byOther = await call(
      api,
      gatewayRequest("GET", `/api.php?act=order&pid=${other.pid}&key=${other.key}&trade_no=${created.json.trade_no}`),
    );
    expect(byOther.json).toEqual({ code: -1, msg: "订单号不存在" });
    expect((await query(created.json.trade_no, "f".repeat(32))).json).toEqual({ code: -3, msg: "商户密钥错误" });
  });

  it("refuses notify and return URLs outside the merchant's domains", async () => {
    const res = await call(mapi, gatewayRequest("POST", "/mapi.php", mapiForm({ notify_url: "https://evil.example.net/n" })));
    expect(res.json.code).toBe(-1);
    expect(res.json.msg).toContain("evil.example.net");
  });

  it("sends a browser from submit.php (GET link or POST form) to the hosted checkout, and explains refusals on a page", async () => {
    // What dujiaoka sends: no clientip or device (those are mapi.php's).
    const unsigned: Record<string, string> = {
      pid: String(merchant.pid),
      type: "wxpay",
      out_trade_no: "A1B2C3D4E5F6G7H8",
      notify_url: `${site.url}/pay/yipay/notify_url`,
      return_url: `${site.url}/pay/yipay/return_url?order_id=A1B2C3D4E5F6G7H8`,
      name: "A1B2C3D4E5F6G7H8",
      money: "10",
    };
    const signed = { ...unsigned, sign: epaySign(unsigned, merchant.key), sign_type: "MD5" };
    const viaGet = await call(submitGet, gatewayRequest("GET", `/submit.php?${new URLSearchParams(signed)}`));
    expect(viaGet.status).toBe(303);
    expect(viaGet.headers.get("location")).toMatch(/\/pay\/\d{19}$/);
    const viaPost = await call(submit, gatewayRequest("POST", "/submit.php", signed));
    expect(viaPost.headers.get("location")).toBe(viaGet.headers.get("location"));
    // V2Board sends no type: the buyer picks on the checkout, nothing is allocated yet.
    const v2: Record<string, string> = { ...unsigned, out_trade_no: "2024010112345678901" };
    delete v2.type;
    v2.sign = epaySign(v2, merchant.key);
    expect((await call(submitGet, gatewayRequest("GET", `/submit.php?${new URLSearchParams(v2)}`))).status).toBe(303);
    expect(await db().order.count()).toBe(1);
    const bad = await call(submitGet, gatewayRequest("GET", `/submit.php?${new URLSearchParams({ ...signed, sign: "x" })}`));
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toContain("text/html");
    expect(bad.text).toContain("签名校验失败");
  });

  it("accepts GET on mapi.php as the original does", async () => {
    const res = await call(mapiGet, gatewayRequest("GET", `/mapi.php?${new URLSearchParams(mapiForm({}))}`));
    expect(res.json.code).toBe(1);
  });
});
