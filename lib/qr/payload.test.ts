import { describe, expect, it } from "vitest";
import { amountFromFileName, classifyPayload } from "@/lib/qr/payload";

describe("classifyPayload", () => {
  it.each([
    ["wxp://f2f0abc", "wechat"],
    ["https://payapp.weixin.qq.com/qr/AbC?t=1", "wechat"],
    ["https://qr.alipay.com/fkx123", "alipay"],
    ["HTTPS://QR.ALIPAY.COM/FKX123", "alipay"],
  ])("accepts the receiving code %s as %s", (text, channel) => {
    expect(classifyPayload(text)).toBe(channel);
  });

  it.each([
    "http://qr.alipay.com/fkx123",
    "https://qr.alipay.com/",
    "https://qr.alipay.com.evil.example/fkx",
    "https://u.wechat.com/add-friend",
    "weixin://wxpay/bizpayurl?pr=abc",
    "hello",
    "",
  ])("refuses %j", (text) => {
    expect(classifyPayload(text)).toBeNull();
  });
});

describe("amountFromFileName", () => {
  it.each([
    ["0.99.png", 99],
    ["¥5.jpg", 500],
    ["1.50元.png", 150],
    ["dir/12.png", 1200],
  ])("reads %s as %i cents", (name, cents) => {
    expect(amountFromFileName(name)).toBe(cents);
  });

  it.each(["IMG_20240101.png", "wechat.png", "0.png", "1.999.png", "0.99 copy.png"])("finds no amount in %s", (name) => {
    expect(amountFromFileName(name)).toBeNull();
  });
});
