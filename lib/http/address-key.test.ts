import { describe, expect, it } from "vitest";
import { addressKey } from "./address-key";

describe("addressKey groups client addresses for per-address limits", () => {
  it("keeps an IPv4 address as is", () => {
    expect(addressKey("203.0.113.9")).toBe("203.0.113.9");
  });

  it("groups IPv6 addresses by their /64, whatever the spelling", () => {
    const k = addressKey("2001:db8:1:2::1");
    expect(k).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:0db8:0001:0002:ffff:eeee:dddd:cccc")).toBe(k);
    expect(addressKey("2001:DB8:1:2:0:0:0:abcd")).toBe(k);
    expect(addressKey("2001:db8:1:3::1")).not.toBe(k);
  });

  it("treats an IPv4-mapped IPv6 address as the IPv4 address", () => {
    expect(addressKey("::ffff:203.0.113.9")).toBe("203.0.113.9");
  });

  it("keeps an unparseable value (truncated) rather than failing", () => {
    expect(addressKey("unknown")).toBe("unknown");
    expect(addressKey("x".repeat(100))).toHaveLength(64);
  });
});

describe("addressKey with a wider IPv6 prefix (limits against guessing)", () => {
  it("groups IPv6 addresses by their /56 when asked, so rotating within a subscriber's /56 gets no further", () => {
    const k = addressKey("2001:db8:1:200::1", 56);
    expect(k).toBe("2001:db8:1:200::/56");
    expect(addressKey("2001:db8:1:2ff:abcd::9", 56)).toBe(k);
    expect(addressKey("2001:db8:1:300::1", 56)).not.toBe(k);
    expect(addressKey("203.0.113.9", 56)).toBe("203.0.113.9");
  });
});
