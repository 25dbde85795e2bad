import { describe, expect, it } from "vitest";
import { epaySign, epaySignString, epayVerify, vmqSign } from "@/lib/gateway/sign";

// Vectors from the published protocols (docs/gateway.md), computed independently of this code.
const EPAY_KEY = "TestKey0123456789abcdefABCDEF012";
const VMQ_KEY = "a7cc8678193ee9c70ae3d75fd04ae6a9";

const submit = {
  pid: "1001",
  type: "alipay",
  out_trade_no: "20240101123456",
  notify_url: "https://shop.example.com/notify",
  return_url: "https://shop.example.com/return",
  name: "VIP会员",
  money: "1.00",
  sign_type: "MD5",
};

describe("易支付 signature", () => {
  it("signs the sorted raw fields with the key appended", () => {
    expect(epaySignString(submit)).toBe(
      "money=1.00&name=VIP会员&notify_url=https://shop.example.com/notify&out_trade_no=20240101123456&pid=1001&return_url=https://shop.example.com/return&type=alipay",
    );
    expect(epaySign(submit, EPAY_KEY)).toBe("174215f0dd6af5e1c1696a89e3f1568d");
    expect(epaySign(submit, EPAY_KEY, "amp")).toBe("fb98ea153521adea29aad78c20a33caf");
  });

  it("drops empty values and signs extra fields", () => {
    const mapi = {
      pid: "1001",
      type: "wxpay",
      out_trade_no: "20240101123457",
      notify_url: "https://shop.example.com/notify",
      return_url: "https://shop.example.com/return",
      name: "Test Item",
      money: "0.50",
      clientip: "203.0.113.7",
      device: "pc",
      param: "",
    };
    expect(epaySign(mapi, EPAY_KEY)).toBe("96cf4bd291bfddd3b40e1d48fb51d9b8");
  });

  it("signs a notify the way clients check it", () => {
    const notify = {
      pid: "1001",
      trade_no: "2024010112345612345",
      out_trade_no: "20240101123456",
      type: "alipay",
      name: "VIP会员",
      money: "1",
      trade_status: "TRADE_SUCCESS",
      param: "uid=42",
    };
    expect(epaySign(notify, EPAY_KEY)).toBe("9387ab68f32365686a5de8573c7d3aa3");
  });

  it("refuses a changed amount string, an uppercase sign, an unsigned extra field and the &key= variant unless allowed", () => {
    const signed = { ...submit, sign: "174215f0dd6af5e1c1696a89e3f1568d" };
    expect(epayVerify(signed, EPAY_KEY, false)).toBe(true);
    expect(epayVerify({ ...signed, money: "1" }, EPAY_KEY, false)).toBe(false);
    expect(epayVerify({ ...signed, sign: signed.sign.toUpperCase() }, EPAY_KEY, false)).toBe(false);
    expect(epayVerify({ ...signed, sitename: "Shop" }, EPAY_KEY, false)).toBe(false);
    const amp = { ...submit, sign: "fb98ea153521adea29aad78c20a33caf" };
    expect(epayVerify(amp, EPAY_KEY, false)).toBe(false);
    expect(epayVerify(amp, EPAY_KEY, true)).toBe(true);
  });
});

describe("V免签 signature", () => {
  it("reproduces the vendor's documented examples", () => {
    expect(vmqSign(["1547129707139", "vone666", "2", "0.1"], VMQ_KEY)).toBe("2b8b5d58c51203162f14939bdbc46a54");
    expect(vmqSign(["1547130349673", "vone666", "2", "0.1", "0.1"], VMQ_KEY)).toBe("28943820b95019b6a63598a13c46f93f");
    expect(vmqSign(["201901102225513177"], VMQ_KEY)).toBe("7db2d26323dd8ccbb5d130dd61d210a0");
    expect(vmqSign(["1704083696"], VMQ_KEY)).toBe("d7fffe8435ca985a1edd0631c4a2ffa1");
  });

  it("signs the price exactly as sent", () => {
    expect(vmqSign(["20240101123456", "order-1", "1", "1.00"], VMQ_KEY)).toBe("42e86360f7ebfeca170b36e1cab4e5df");
    expect(vmqSign(["20240101123456", "order-1", "1", "1"], VMQ_KEY)).toBe("3cb33d0c92201a1af2ee26f42c93fb74");
  });
});
