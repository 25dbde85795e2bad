import { describe, expect, it } from "vitest";
import { acknowledged, epayMoney, epayParams, toQuery, vmqParams, type PaidFacts } from "@/lib/gateway/params";

const facts: PaidFacts = {
  protocol: "epay",
  pid: 1001,
  tradeNo: "2024010112345612345",
  outTradeNo: "20240101123456",
  channel: "alipay",
  name: "VIP会员",
  priceCents: 100,
  priceText: "1.00",
  paidCents: 100,
  param: "uid=42",
};

describe("merchant notify parameters", () => {
  it("sends 易支付's fields in its order with the published signature", () => {
    const q = toQuery(epayParams(facts, "TestKey0123456789abcdefABCDEF012"));
    expect(q).toBe(
      "pid=1001&trade_no=2024010112345612345&out_trade_no=20240101123456&type=alipay&name=VIP%E4%BC%9A%E5%91%98&money=1&trade_status=TRADE_SUCCESS&param=uid%3D42&sign=9387ab68f32365686a5de8573c7d3aa3&sign_type=MD5",
    );
  });

  it("leaves out an empty param instead of sending it empty", () => {
    expect(epayParams({ ...facts, param: null }, "k").map(([k]) => k)).not.toContain("param");
  });

  it("formats money like 易支付's float: trailing zeros dropped", () => {
    expect([100, 50, 1230, 1234, 1].map(epayMoney)).toEqual(["1", "0.5", "12.3", "12.34", "0.01"]);
  });

  it("echoes V免签's price as sent and signs payId+param+type+price+reallyPrice", () => {
    const p = vmqParams(
      { ...facts, protocol: "vmq", outTradeNo: "20240101123456", param: "order-1", channel: "wechat", priceText: "1", paidCents: 101 },
      "a7cc8678193ee9c70ae3d75fd04ae6a9",
    );
    expect(Object.fromEntries(p)).toEqual({
      payId: "20240101123456",
      param: "order-1",
      type: "1",
      price: "1",
      reallyPrice: "1.01",
      sign: "23e67df1eef0dfa6dd9d447d6ab79ea8",
    });
  });

  it("takes success, and for 易支付 also SSPanel's JSON, but not a page that merely contains the word", () => {
    expect(acknowledged("vmq", "success\n")).toBe(true);
    expect(acknowledged("vmq", "SUCCESS")).toBe(false);
    expect(acknowledged("epay", "SUCCESS")).toBe(true);
    expect(acknowledged("epay", '{"state":"success","msg":"支付成功"}')).toBe(true);
    expect(acknowledged("epay", "fail")).toBe(false);
    expect(acknowledged("epay", "<h1>unsuccessful</h1>")).toBe(false);
  });
});
