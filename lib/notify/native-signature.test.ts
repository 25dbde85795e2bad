import { afterEach, describe, expect, it, vi } from "vitest";
import { signNative, verifyNative } from "./native-signature";

// Published Standard Webhooks test vector (shared/docs/NOTIFICATIONS.md §3).
const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
const timestamp = 1614265330;
const body = '{"test": 2432232314}';
const expected = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

afterEach(() => vi.useRealTimers());

describe("native notify signatures (Standard Webhooks)", () => {
  it("produces the published test vector", () => {
    expect(signNative(secret, body, id, timestamp)["webhook-signature"]).toBe(expected);
  });

  it("accepts the published vector at its own time", () => {
    vi.useFakeTimers({ now: timestamp * 1000 + 60_000 });
    expect(verifyNative(secret, body, { "webhook-id": id, "webhook-timestamp": String(timestamp), "webhook-signature": expected })).toEqual({ ok: true });
  });

  it("accepts any one valid signature in a space-separated list (key rotation)", () => {
    vi.useFakeTimers({ now: timestamp * 1000 });
    const sig = `v1,AAAAbm90IHRoZSByaWdodCBvbmU= ${expected}`;
    expect(verifyNative(secret, body, { "webhook-id": id, "webhook-timestamp": String(timestamp), "webhook-signature": sig }).ok).toBe(true);
  });

  it("rejects a changed body", () => {
    vi.useFakeTimers({ now: timestamp * 1000 });
    const r = verifyNative(secret, '{"test": 1}', { "webhook-id": id, "webhook-timestamp": String(timestamp), "webhook-signature": expected });
    expect(r).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("rejects a timestamp more than five minutes old or ahead", () => {
    vi.useFakeTimers({ now: (timestamp + 301) * 1000 });
    const h = { "webhook-id": id, "webhook-timestamp": String(timestamp), "webhook-signature": expected };
    expect(verifyNative(secret, body, h)).toEqual({ ok: false, reason: "stale" });
    vi.setSystemTime((timestamp - 301) * 1000);
    expect(verifyNative(secret, body, h)).toEqual({ ok: false, reason: "stale" });
  });

  it("reports missing headers instead of throwing", () => {
    expect(verifyNative(secret, body, {})).toEqual({ ok: false, reason: "missing_headers" });
  });
});
