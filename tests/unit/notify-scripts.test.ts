import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { verifyNative } from "@/lib/notify/native-signature";
import { parseNotification } from "@/lib/notify/parse";
import { buildNativeRequest } from "@/lib/notify/simulate";

const root = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");
const run = (script: string, args: string[], input = "", env: Record<string, string> = {}) =>
  spawnSync(tsx, [script, ...args], { cwd: root, input, encoding: "utf8", env: { ...process.env, ...env }, timeout: 30_000 });

describe("npm run notify:parse", { timeout: 30_000 }, () => {
  it("answers every input line with a receipt, an ignore reason or an error, in order", () => {
    const input = [
      JSON.stringify({ package: "com.tencent.mm", title: "微信支付", content: "微信支付收款0.80元(朋友到店)" }),
      "",
      JSON.stringify({ title: "收款通知", content: "x通过扫码向你付款1000元通过扫码向你付款0.01元" }),
      "{not json",
      "[1,2]",
      JSON.stringify({ title: "张三", content: "[3条]张三: 今天收款0.5元了吗", package: "com.tencent.mm" }),
      JSON.stringify({ input: { title: "你已成功收款5.00元", content: "立即查看今日收款金额>>" }, expect: {} }),
    ].join("\n");
    const r = run("scripts/notify-parse.ts", [], input);
    expect(r.status).toBe(0);
    const out = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(out).toEqual([
      { channel: "wechat", amountCents: 80 },
      { channel: "alipay", amountCents: 1 },
      { error: expect.stringContaining("invalid JSON") },
      { error: "expected a JSON object" },
      { ignored: "unknown_title" },
      { channel: "alipay", amountCents: 500 },
    ]);
  });

  it("explains itself with --help", () => {
    const r = run("scripts/notify-parse.ts", ["--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("notify:parse");
  });
});

describe("npm run notify (simulator)", { timeout: 30_000 }, () => {
  it("explains itself with --help and refuses to run without a secret", () => {
    const help = run("scripts/notify.ts", ["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("--heartbeat");
    const noSecret = run("scripts/notify.ts", ["--amount", "1"], "", { NOTIFY_SECRET: "" });
    expect(noSecret.status).toBe(2);
    expect(noSecret.stderr).toContain("NOTIFY_SECRET");
  });

  it("builds a request that verifies with the secret and parses to the amount", () => {
    const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    for (const channel of ["wechat", "alipay"] as const) {
      const req = buildNativeRequest({ secret, channel, amountCents: 99, deviceId: "p1" });
      expect(verifyNative(secret, req.body, req.headers)).toEqual({ ok: true });
      const body = JSON.parse(req.body);
      expect(body.deviceid).toBe("p1");
      expect(parseNotification(body)).toEqual({ channel, amountCents: 99 });
    }
    const hb = buildNativeRequest({ secret, heartbeat: true });
    expect(JSON.parse(hb.body)).toEqual({ deviceid: "simulator", type: "heartbeat" });
  });
});
