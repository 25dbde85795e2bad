import { createHmac } from "node:crypto";
import { describe, expect, it, vi, afterEach } from "vitest";
import { signNative, verifyNative } from "./native-signature";

// Published Standard Webhooks test vector (docs/notifications.md §3).
const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
const TS = 1614265330;
const BODY = '{"test": 2432232314}';
const SIG = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
const headers = (sig = SIG, ts = TS, id = ID) => ({ "webhook-id": id, "webhook-timestamp": String(ts), "webhook-signature": sig });

const OTHER = `whsec_${Buffer.from("another key used before rotation").toString("base64")}`;
const sigWith = (secret: string, body = BODY) => signNative(secret, body, ID, TS)["webhook-signature"];

afterEach(() => vi.useRealTimers());
const at = (seconds: number) => {
  vi.useFakeTimers();
  vi.setSystemTime(seconds * 1000);
};

describe("verifyNative", () => {
  it("signs the published vector to the published signature", () => {
    expect(signNative(SECRET, BODY, ID, TS)["webhook-signature"]).toBe(SIG);
    // Independently: HMAC-SHA256 keyed with the base64-decoded secret over id.timestamp.body.
    const key = Buffer.from(SECRET.slice("whsec_".length), "base64");
    expect(`v1,${createHmac("sha256", key).update(`${ID}.${TS}.${BODY}`).digest("base64")}`).toBe(SIG);
  });

  it("accepts the published vector at its own time", () => {
    at(TS);
    expect(verifyNative(SECRET, BODY, headers())).toEqual({ ok: true });
  });

  it("accepts up to 5 minutes of clock difference either way and rejects beyond as stale", () => {
    for (const [now, ok] of [
      [TS + 299, true],
      [TS - 299, true],
      [TS + 301, false],
      [TS - 301, false],
    ] as const) {
      at(now);
      expect(verifyNative(SECRET, BODY, headers())).toEqual(ok ? { ok: true } : { ok: false, reason: "stale" });
    }
  });

  it("rejects a changed body, id or timestamp", () => {
    at(TS);
    expect(verifyNative(SECRET, '{"test": 2432232315}', headers())).toEqual({ ok: false, reason: "bad_signature" });
    expect(verifyNative(SECRET, BODY, headers(SIG, TS, "msg_other"))).toEqual({ ok: false, reason: "bad_signature" });
    expect(verifyNative(SECRET, BODY, headers(SIG, TS + 1))).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("accepts any one matching signature in a space-separated list (key rotation)", () => {
    at(TS);
    const both = `${sigWith(OTHER)} ${SIG}`;
    // The sender signs with the old and the new key; a receiver holding either accepts.
    expect(verifyNative(SECRET, BODY, headers(both))).toEqual({ ok: true });
    expect(verifyNative(OTHER, BODY, headers(both))).toEqual({ ok: true });
    expect(verifyNative(SECRET, BODY, headers(`v1,${"A".repeat(43)}= v2,whatever ${SIG}`))).toEqual({ ok: true });
  });

  it("rejects after rotation when only the retired key signed", () => {
    at(TS);
    expect(verifyNative(SECRET, BODY, headers(sigWith(OTHER)))).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("ignores signatures of other versions", () => {
    at(TS);
    expect(verifyNative(SECRET, BODY, headers(SIG.replace("v1,", "v2,")))).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("reports missing headers and an unusable secret without throwing", () => {
    at(TS);
    expect(verifyNative(SECRET, BODY, { ...headers(), "webhook-id": null })).toEqual({ ok: false, reason: "missing_headers" });
    expect(verifyNative(SECRET, BODY, { ...headers(), "webhook-signature": "" })).toEqual({ ok: false, reason: "missing_headers" });
    expect(verifyNative("", BODY, headers())).toEqual({ ok: false, reason: "bad_secret" });
  });
});
