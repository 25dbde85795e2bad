import { describe, expect, it } from "vitest";
import { readRendered } from "./smsforwarder-template";

const MM = "com.tencent.mm";
const render = (...lines: string[]) => lines.join("\n");

describe("readRendered (SmsForwarder's default [content] for app notifications)", () => {
  it("reads package, text, title, time and device mark", () => {
    expect(readRendered(render(MM, "微信支付收款0.80元(朋友到店)", "微信支付", "2024-05-01 12:00:00", "小米8"), MM)).toEqual({
      text: "微信支付收款0.80元(朋友到店)",
      title: "微信支付",
      time: "2024-05-01 12:00:00",
    });
  });

  it("reads it without a device mark and with CRLF line ends", () => {
    expect(readRendered(render(MM, "收款到账1元", "微信收款助手", "2024-05-01 12:00:00").replaceAll("\n", "\r\n"), MM)).toMatchObject({
      text: "收款到账1元",
      title: "微信收款助手",
    });
  });

  it("keeps a multi-line text together and takes the title from its fixed place", () => {
    // A contact's two-line chat that imitates a receipt must still carry the contact as title.
    const r = readRendered(render(MM, "微信支付", "微信支付收款100.00元", "张三", "2024-05-01 12:00:00", "phone"), MM);
    expect(r).toEqual({ text: "微信支付\n微信支付收款100.00元", title: "张三", time: "2024-05-01 12:00:00" });
  });

  it("is not fooled by a time line inside the text", () => {
    const r = readRendered(render(MM, "微信支付收款100元", "微信支付", "2024-05-01 12:00:00", "张三", "2024-05-01 12:00:05", "phone"), MM);
    expect(r?.title).toBe("张三");
  });

  it("skips the UID line of v3.3.1+ (the current default) and the SubId line of v3.2.0", () => {
    const receipt = ["微信支付收款0.01元(朋友到店)", "微信支付"];
    for (const id of ["UID：10086", "SubId：0", "UID:10219"]) {
      expect(readRendered(render(MM, ...receipt, id, "2023-11-15 06:13:19"), MM), id).toEqual({
        text: "微信支付收款0.01元(朋友到店)",
        title: "微信支付",
        time: "2023-11-15 06:13:19",
      });
      expect(readRendered(render(MM, ...receipt, id, "2023-11-15 06:13:19", "小米8"), MM)?.title, id).toBe("微信支付");
    }
  });

  it("reads a title-only Alipay business receipt in the v3.3.1+ layout (amount in the title)", () => {
    const pkg = "com.eg.android.AlipayGphone";
    const r = readRendered(
      render(pkg, "已转入余额 收钱1笔兑2包纸巾>>", "你已成功收款800.00元（老顾客消费）", "UID：10219", "2026-06-08 11:53:44"),
      pkg,
    );
    expect(r).toEqual({ text: "已转入余额 收钱1笔兑2包纸巾>>", title: "你已成功收款800.00元（老顾客消费）", time: "2026-06-08 11:53:44" });
  });

  it("returns null for other shapes", () => {
    expect(readRendered(render("com.other", "x", "微信支付", "2024-05-01 12:00:00"), MM)).toBeNull();
    expect(readRendered(render(MM, "微信支付收款1元", "微信支付"), MM)).toBeNull();
    expect(readRendered(render(MM, "微信支付", "2024-05-01 12:00:00"), MM)).toBeNull();
    expect(readRendered("微信支付收款1元", null)).toBeNull();
    expect(readRendered(render(MM, "a", "b", "2024-05-01 12:00:00", "x", "y"), MM)).toBeNull();
  });
});
