import { describe, expect, it } from "vitest";
import { formatCents, yuanToCents } from "./money";

describe("yuanToCents", () => {
  it.each([
    ["1", 100],
    ["3", 300],
    ["1.5", 150],
    ["1.0", 100],
    ["1.00", 100],
    ["0.01", 1],
    ["0.1", 10],
    ["0.29", 29], // 0.29 * 100 is 28.999… in floating point
    ["0.80", 80],
    ["1,430.00", 143000],
    ["1,000,000", 100000000],
    ["1430", 143000],
    ["0", 0],
    ["007.50", 750],
    [" 2.50 ", 250],
  ])("converts %j to %d cents", (input, cents) => {
    expect(yuanToCents(input)).toBe(cents);
  });

  it.each([
    "",
    " ",
    "-1",
    "-0.01",
    "+1",
    "1.001",
    "0.005",
    "1.",
    ".5",
    "1,43",
    "1,4300",
    ",100",
    "1e3",
    "abc",
    "¥1",
    "1元",
    "1. 5",
    "Infinity",
    "NaN",
    "0x10",
    "99999999999999999999",
  ])("rejects %j", (input) => {
    expect(yuanToCents(input)).toBeNull();
  });
});

describe("formatCents", () => {
  it.each([
    [0, "0.00"],
    [1, "0.01"],
    [10, "0.10"],
    [99, "0.99"],
    [100, "1.00"],
    [150, "1.50"],
    [143000, "1430.00"],
    [-5, "-0.05"],
  ])("formats %d as %j", (cents, text) => {
    expect(formatCents(cents)).toBe(text);
  });

  it("round-trips with yuanToCents", () => {
    for (const cents of [0, 1, 9, 10, 99, 100, 101, 12345, 100000000]) {
      expect(yuanToCents(formatCents(cents))).toBe(cents);
    }
  });

  it("throws on non-integer input instead of silently rounding", () => {
    expect(() => formatCents(1.5)).toThrow(RangeError);
    expect(() => formatCents(Number.NaN)).toThrow(RangeError);
  });
});
