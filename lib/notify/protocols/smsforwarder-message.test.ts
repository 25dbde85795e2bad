import { describe, expect, it } from "vitest";
import { canonicalTimestamp, readMessage } from "./smsforwarder-message";

const MM = "com.tencent.mm";

describe("readMessage (what a SmsForwarder request says)", () => {
  it("reads our JSON template's fields", () => {
    expect(readMessage({ from: MM, title: "微信支付", org_content: "微信支付收款1.00元", receive_time: "2024-05-01 12:00:00" })).toEqual({
      kind: "notification",
      pkg: MM,
      title: "微信支付",
      text: "微信支付收款1.00元",
      shown: "2024-05-01 12:00:00",
    });
  });

  it("strips the #####scheme v3.3.0 may append to the title", () => {
    expect(readMessage({ from: MM, title: "微信支付#####weixin", org_content: "x" })).toMatchObject({ title: "微信支付" });
  });

  it("reads the default form's rendered content (v3.3.1+ layout)", () => {
    const content = [MM, "微信支付收款0.01元(朋友到店)", "微信支付", "UID：10086", "2023-11-15 06:13:19"].join("\n");
    expect(readMessage({ from: MM, content })).toEqual({
      kind: "notification",
      pkg: MM,
      title: "微信支付",
      text: "微信支付收款0.01元(朋友到店)",
      shown: "2023-11-15 06:13:19",
    });
  });

  it("keeps a rendered content it cannot split as unknown_template", () => {
    expect(readMessage({ from: MM, content: "自定义 微信支付收款1元" })).toEqual({
      kind: "unknown_template",
      pkg: MM,
      content: "自定义 微信支付收款1元",
    });
  });

  it.each([
    [
      "a scheduled task named 心跳 (JSON template: from = title = task name)",
      { from: "心跳", title: "心跳", org_content: "如果 定时任务 就执行 推送通知" },
    ],
    ["a task named heartbeat, any case", { from: "HeartBeat", title: "HeartBeat", org_content: "自动任务" }],
    ["a task through the default form", { from: "心跳", content: "心跳\n如果 定时任务 就执行 推送通知\n心跳\n2024-05-01 12:00:00" }],
    ["a message saying only heartbeat", { from: "x", title: "x", org_content: " heartbeat " }],
    ["type=heartbeat", { type: "heartbeat", org_content: "" }],
  ])("takes %s as a heartbeat", (_name, fields) => {
    expect(readMessage(fields)).toEqual({ kind: "heartbeat" });
  });

  it("does not take a task with another name, or a package mentioning heartbeat, as a heartbeat", () => {
    expect(readMessage({ from: "每分钟", title: "每分钟", org_content: "如果 定时任务 就执行 推送通知" })).toMatchObject({
      kind: "notification",
    });
    expect(readMessage({ from: "com.heartbeat.app", title: "x", org_content: "y" })).toMatchObject({ kind: "notification" });
  });

  it("says what is missing", () => {
    expect(readMessage({ from: MM })).toMatchObject({ kind: "malformed", message: expect.stringContaining("org_content") });
    expect(readMessage({ from: MM, org_content: "x" })).toMatchObject({ kind: "malformed", message: expect.stringContaining("title") });
  });
});

describe("canonicalTimestamp", () => {
  it("accepts plain milliseconds and nothing else", () => {
    expect(canonicalTimestamp("1700000000000")).toBe("1700000000000");
    for (const t of ["01700000000000", " 1700000000000", "1700000000000.0", "1.7e12", "", undefined])
      expect(canonicalTimestamp(t)).toBeNull();
  });
});
