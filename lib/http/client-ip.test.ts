import { afterEach, describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

const KEY = "peer-key-for-this-test-0123456789";
const req = (headers: Record<string, string>) => new Request("http://127.0.0.1:3000/api/orders", { method: "POST", headers });

afterEach(() => {
  delete process.env.PAYWALL_PEER_KEY;
  delete process.env.TRUST_PROXY;
});

describe("the client address cannot be chosen by the client", () => {
  it("ignores a client-sent x-paywall-peer and X-Forwarded-For when not started by npm start (a bare next start)", () => {
    expect(clientIp(req({ "x-paywall-peer": "198.51.100.1" }))).toBe("unknown");
    expect(clientIp(req({ "x-forwarded-for": "198.51.100.2" }))).toBe("unknown");
    expect(clientIp(req({ "x-paywall-peer": "198.51.100.1", "x-paywall-peer-key": "guess" }))).toBe("unknown");
  });

  it("believes x-paywall-peer only with the key server/main.ts made at start", () => {
    process.env.PAYWALL_PEER_KEY = KEY;
    expect(clientIp(req({ "x-paywall-peer": "203.0.113.5", "x-paywall-peer-key": KEY }))).toBe("203.0.113.5");
    expect(clientIp(req({ "x-paywall-peer": "203.0.113.5", "x-paywall-peer-key": `${KEY}x` }))).toBe("unknown");
    expect(clientIp(req({ "x-paywall-peer": "203.0.113.5" }))).toBe("unknown");
    expect(clientIp(req({ "x-forwarded-for": "198.51.100.2", "x-paywall-peer": "203.0.113.5", "x-paywall-peer-key": KEY }))).toBe(
      "203.0.113.5",
    );
  });

  it("takes the entry our proxy appended to X-Forwarded-For with TRUST_PROXY=1", () => {
    process.env.TRUST_PROXY = "1";
    expect(clientIp(req({ "x-forwarded-for": "6.6.6.6, 198.51.100.9" }))).toBe("198.51.100.9");
  });

  it("never believes X-Real-IP, even with TRUST_PROXY=1 (a proxy that does not set it passes the client's value on)", () => {
    process.env.TRUST_PROXY = "1";
    process.env.PAYWALL_PEER_KEY = KEY;
    expect(clientIp(new Headers({ "x-real-ip": "198.51.100.10" }))).toBe("unknown");
    expect(clientIp(req({ "x-real-ip": "198.51.100.10", "x-paywall-peer": "127.0.0.1", "x-paywall-peer-key": KEY }))).toBe("127.0.0.1");
    expect(clientIp(req({ "x-real-ip": "198.51.100.10", "x-forwarded-for": "203.0.113.4" }))).toBe("203.0.113.4");
  });
});
