import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyVmqHeart, verifyVmqPush, vmqHeartSign, vmqPushSign } from "./vmq-sign";

// Published vector (docs/notifications.md §3): md5("10.011700000000000key").
const T = "1700000000000";
const KEY = "key";
const PUSH_SIGN = "294b753099f91030d6ac9ef7ee291c9c";
const NOW = 1700000000000;
const TOL = 60_000;
const window = { nowMs: NOW, toleranceMs: TOL };

describe("vmqPushSign / vmqHeartSign", () => {
  it("matches the published push vector", () => {
    expect(vmqPushSign("1", "0.01", T, KEY)).toBe(PUSH_SIGN);
  });

  it("computes the heartbeat sign as lowercase hex md5(t + key)", () => {
    const expected = createHash("md5")
      .update(T + KEY)
      .digest("hex");
    expect(vmqHeartSign(T, KEY)).toBe(expected);
    expect(vmqHeartSign(T, KEY)).toMatch(/^[0-9a-f]{32}$/);
  });

  it("signs the price string as received, so 1.0 and 1.00 differ", () => {
    expect(vmqPushSign("1", "1.0", T, KEY)).not.toBe(vmqPushSign("1", "1.00", T, KEY));
  });
});

describe("verifyVmqPush", () => {
  const push = (over: Partial<Parameters<typeof verifyVmqPush>[0]>) =>
    verifyVmqPush({ type: "1", price: "0.01", t: T, sign: PUSH_SIGN, key: KEY, ...window, ...over });

  it("accepts the published vector", () => {
    expect(push({})).toEqual({ ok: true });
  });

  it("accepts an uppercase hex sign", () => {
    expect(push({ sign: PUSH_SIGN.toUpperCase() })).toEqual({ ok: true });
  });

  it("rejects a tampered price, type or key", () => {
    expect(push({ price: "100.00" })).toEqual({ ok: false, reason: "bad_signature" });
    expect(push({ price: "0.010" })).toEqual({ ok: false, reason: "bad_signature" });
    expect(push({ type: "2" })).toEqual({ ok: false, reason: "bad_signature" });
    expect(push({ key: "other" })).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuses the boundary shift price=10&t=T → price=1&t=0T, which keeps the sign", () => {
    const sign = vmqPushSign("1", "10", T, KEY);
    expect(vmqPushSign("1", "1", `0${T}`, KEY)).toBe(sign);
    expect(push({ price: "10", sign })).toEqual({ ok: true });
    expect(push({ price: "1", t: `0${T}`, sign })).toEqual({ ok: false, reason: "bad_timestamp" });
  });

  it("rejects a truncated or garbage sign", () => {
    expect(push({ sign: PUSH_SIGN.slice(1) })).toEqual({ ok: false, reason: "bad_signature" });
    expect(push({ sign: "zz" })).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("rejects a correctly signed request outside the time window (replay)", () => {
    expect(push({ nowMs: NOW + TOL + 1 })).toEqual({ ok: false, reason: "stale" });
    expect(push({ nowMs: NOW - TOL - 1 })).toEqual({ ok: false, reason: "stale" });
    expect(push({ nowMs: NOW + TOL })).toEqual({ ok: true });
  });

  it("reports missing fields", () => {
    expect(push({ type: undefined })).toEqual({ ok: false, reason: "missing" });
    expect(push({ price: "" })).toEqual({ ok: false, reason: "missing" });
    expect(push({ t: null })).toEqual({ ok: false, reason: "missing" });
    expect(push({ sign: "" })).toEqual({ ok: false, reason: "missing" });
  });
});

describe("verifyVmqHeart", () => {
  const sign = vmqHeartSign(T, KEY);
  const heart = (over: Partial<Parameters<typeof verifyVmqHeart>[0]>) => verifyVmqHeart({ t: T, sign, key: KEY, ...window, ...over });

  it("accepts a valid heartbeat", () => {
    expect(heart({})).toEqual({ ok: true });
  });

  it("rejects a heartbeat signed with another key", () => {
    expect(heart({ sign: vmqHeartSign(T, "other") })).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("rejects an old heartbeat as stale", () => {
    expect(heart({ nowMs: NOW + 5 * TOL })).toEqual({ ok: false, reason: "stale" });
  });

  it("rejects a correctly signed t that is not plain digits without a leading zero", () => {
    for (const t of ["abc", `0${T}`, `${T}.0`])
      expect(heart({ t, sign: vmqHeartSign(t, KEY) }), t).toEqual({ ok: false, reason: "bad_timestamp" });
  });

  it("reports a missing sign", () => {
    expect(heart({ sign: undefined })).toEqual({ ok: false, reason: "missing" });
  });
});
