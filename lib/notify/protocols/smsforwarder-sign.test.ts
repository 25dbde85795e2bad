import { describe, expect, it } from "vitest";
import { smsForwarderSign, verifySmsForwarderSign } from "./smsforwarder-sign";

// Published vector (docs/notifications.md §3).
const TS = "1700000000000";
const SECRET = "this is secret";
const SIGN_ENCODED = "sSFWELbV2YwjdDQhWZwTcWlX5BWUx5J6TPpsZmuPii0%3D";
const SIGN = "sSFWELbV2YwjdDQhWZwTcWlX5BWUx5J6TPpsZmuPii0=";
const NOW = 1700000000000;
const TOL = 60_000;

const verify = (over: Partial<Parameters<typeof verifySmsForwarderSign>[0]>) =>
  verifySmsForwarderSign({ timestamp: TS, sign: SIGN, secret: SECRET, nowMs: NOW, toleranceMs: TOL, ...over });

describe("smsForwarderSign", () => {
  it("matches the published test vector (base64, not URL-encoded)", () => {
    expect(smsForwarderSign(TS, SECRET)).toBe(SIGN);
    expect(encodeURIComponent(smsForwarderSign(TS, SECRET))).toBe(SIGN_ENCODED);
  });

  it("depends on the timestamp and the secret", () => {
    expect(smsForwarderSign("1700000000001", SECRET)).not.toBe(SIGN);
    expect(smsForwarderSign(TS, "other secret")).not.toBe(SIGN);
  });
});

describe("verifySmsForwarderSign", () => {
  it("accepts the decoded sign", () => {
    expect(verify({})).toEqual({ ok: true });
  });

  it("accepts the URL-encoded sign (%3D)", () => {
    expect(verify({ sign: SIGN_ENCODED })).toEqual({ ok: true });
  });

  it("accepts a sign whose '+' a form decoder turned into a space", () => {
    // Find a timestamp whose signature contains '+', then simulate the form-decoding damage.
    let ts = NOW;
    while (!smsForwarderSign(String(ts), SECRET).includes("+")) ts++;
    const damaged = smsForwarderSign(String(ts), SECRET).replaceAll("+", " ");
    expect(verify({ timestamp: String(ts), sign: damaged })).toEqual({ ok: true });
  });

  it("accepts timestamps inside the window on both sides (phone clocks drift)", () => {
    expect(verify({ nowMs: NOW + TOL })).toEqual({ ok: true });
    expect(verify({ nowMs: NOW - TOL })).toEqual({ ok: true });
  });

  it("rejects a correctly signed but old timestamp as stale", () => {
    expect(verify({ nowMs: NOW + TOL + 1 })).toEqual({ ok: false, reason: "stale" });
  });

  it("rejects a correctly signed timestamp from the future as stale", () => {
    expect(verify({ nowMs: NOW - TOL - 1 })).toEqual({ ok: false, reason: "stale" });
  });

  it("rejects a correctly signed timestamp in any spelling but plain digits without a leading zero", () => {
    for (const ts of ["yesterday", `0${TS}`, ` ${TS}`, `${TS}.0`, "1.7e12"]) {
      expect(verify({ timestamp: ts, sign: smsForwarderSign(ts, SECRET) }), ts).toEqual({ ok: false, reason: "bad_timestamp" });
    }
  });

  it("reports missing timestamp, sign or secret", () => {
    expect(verify({ timestamp: undefined })).toEqual({ ok: false, reason: "missing" });
    expect(verify({ timestamp: "" })).toEqual({ ok: false, reason: "missing" });
    expect(verify({ sign: null })).toEqual({ ok: false, reason: "missing" });
    expect(verify({ secret: "" })).toEqual({ ok: false, reason: "missing" });
  });

  it("rejects a signature made with another secret", () => {
    expect(verify({ sign: smsForwarderSign(TS, "wrong") })).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("rejects a valid sign replayed with a different timestamp", () => {
    expect(verify({ timestamp: "1700000000001", nowMs: NOW })).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("rejects truncated, garbage and badly encoded signs without throwing", () => {
    expect(verify({ sign: SIGN.slice(0, -1) })).toEqual({ ok: false, reason: "bad_signature" });
    expect(verify({ sign: "not a signature" })).toEqual({ ok: false, reason: "bad_signature" });
    expect(verify({ sign: "%E0%A4%A" })).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("checks the signature before freshness", () => {
    expect(verify({ sign: "bogus", nowMs: NOW + 10 * TOL })).toEqual({ ok: false, reason: "bad_signature" });
  });
});
