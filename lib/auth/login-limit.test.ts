import { describe, expect, it } from "vitest";
import { backoffSeconds } from "@/lib/auth/login-limit";

const now = new Date("2026-11-27T10:00:00Z");
const ago = (s: number) => new Date(now.getTime() - s * 1000);

describe("per-address login backoff", () => {
  it("lets five failures through without waiting", () => {
    expect(backoffSeconds(4, ago(0), now)).toBe(0);
  });

  it("then waits 1, 2, 4 … minutes after the last failure", () => {
    expect(backoffSeconds(5, ago(0), now)).toBe(60);
    expect(backoffSeconds(6, ago(0), now)).toBe(120);
    expect(backoffSeconds(7, ago(30), now)).toBe(210);
    expect(backoffSeconds(5, ago(61), now)).toBe(0);
  });

  it("never makes an address wait more than an hour", () => {
    expect(backoffSeconds(40, ago(0), now)).toBe(3600);
  });
});
