import { describe, expect, it } from "vitest";
import { CODE_LENGTH, formatCode, generateCode, normalizeCode } from "@/lib/redeem/code";

describe("redeem code text (pure)", () => {
  it("generates 16-character codes from the unambiguous alphabet, all different", () => {
    const codes = Array.from({ length: 2000 }, generateCode);
    for (const c of codes) expect(c).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("uses every character of the alphabet (no bias towards a few)", () => {
    const seen = new Set(Array.from({ length: 500 }, generateCode).join(""));
    expect(seen.size).toBe(32);
  });

  it("reads what people type: lower case, spaces, dashes, O for 0, I and L for 1", () => {
    const code = "0123456789ABCDEF";
    expect(normalizeCode(formatCode(code))).toBe(code);
    expect(normalizeCode(" o123 4567-89ab cdef ")).toBe(code);
    expect(normalizeCode("0L23456789ABCDEF")).toBe(code);
    expect(normalizeCode("0i23456789ABCDEF")).toBe(code);
  });

  it("rejects text that cannot be a code", () => {
    expect(normalizeCode("")).toBeNull();
    expect(normalizeCode("0123456789ABCDE")).toBeNull();
    expect(normalizeCode("0123456789ABCDEU")).toBeNull();
    expect(normalizeCode("兑换码兑换码兑换码兑换码兑换码兑换码")).toBeNull();
    expect(CODE_LENGTH).toBe(16);
  });

  it("shows codes in groups of four", () => {
    expect(formatCode("0123456789ABCDEF")).toBe("0123-4567-89AB-CDEF");
  });
});
